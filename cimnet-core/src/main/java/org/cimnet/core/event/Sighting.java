package org.cimnet.core.event;

import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.Names;

/**
 * Where a MAC was seen: on which host, in which Open vSwitch bridge's forwarding table, learned
 * on which port, in which VLAN; with what the model knows of it.
 *
 * @param port the port's name in the bridge (a container's port, the uplink bond, a NIC)
 * @param address the IPv4 address the host's neighbour table holds for the MAC, if any
 * @param owner what the model says the MAC is, such as {@code device:ilo-a},
 *     {@code container:web1} or {@code host:vhost-dev}; empty when it is unknown
 * @param subnet the subnet whose VLAN it was seen in, if the model has one
 */
public record Sighting(String host, MacAddress mac, String bridge, String port, int vlan,
    Optional<Ipv4Address> address, Optional<String> owner, Optional<String> subnet) {
  public Sighting {
    Names.check("Host", host);
    Objects.requireNonNull(mac, "mac == null");
    Objects.requireNonNull(bridge, "bridge == null");
    Objects.requireNonNull(port, "port == null");
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(owner, "owner == null");
    Objects.requireNonNull(subnet, "subnet == null");
    if (vlan < 0 || vlan > 4095) {
      throw new IllegalArgumentException("VLAN '" + vlan + "' must be 0 to 4095");
    }
  }

  /** Whether {@code other} is the same place: host, bridge, port and VLAN. */
  public boolean samePlace(Sighting other) {
    return host.equals(other.host) && bridge.equals(other.bridge) && port.equals(other.port)
        && vlan == other.vlan;
  }

  /** The place, as people read it: {@code host/bridge/port vlan N}. */
  public String place() {
    return host + "/" + bridge + "/" + port + " vlan " + vlan;
  }
}
