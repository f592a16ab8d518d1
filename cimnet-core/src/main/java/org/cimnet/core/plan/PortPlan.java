package org.cimnet.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.Vlans;

/**
 * One port of a bridge.
 *
 * @param ofport the OpenFlow port number requested for it, stable so flows can name it
 * @param tag the access VLAN (internal and container ports); empty for trunks
 * @param trunks the VLANs a trunk port carries (patch ports, bonds); empty for access ports
 * @param peer the other end of a patch port
 * @param members the NICs of a bond
 * @param mac the MAC pinned on the port (internal and container ports)
 * @param addresses the IPv4 addresses allowed from the port (port security on container ports)
 * @param owner the subnet of an internal port, the container of a container port, the leaf of a
 *     patch port, the host of a bond
 */
public record PortPlan(String name, Kind kind, int ofport, OptionalInt tag, List<Integer> trunks,
    Optional<String> peer, List<String> members, Optional<MacAddress> mac,
    List<Ipv4Address> addresses, String owner) {

  /** What a port is for. */
  public enum Kind {
    /** A host L3 interface (OVS type internal). */
    INTERNAL,
    /** A container's interface (a veth or tap end, or an internal port handed to a container). */
    CONTAINER,
    /** One end of a patch pair between a leaf and the uplink bridge. */
    PATCH,
    /** The uplink bond over the host's trunk NICs (or the single trunk NIC). */
    BOND
  }

  public PortPlan {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(kind, "kind == null");
    tag.ifPresent(v -> Vlans.check("Port '" + name + "'", v));
    trunks = List.copyOf(trunks);
    trunks.forEach(v -> Vlans.check("Port '" + name + "'", v));
    members = List.copyOf(members);
    addresses = List.copyOf(addresses);
  }
}
