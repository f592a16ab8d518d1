package org.cimnet.core.plan;

import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.ContainerKind;

/** A container placed on a host, with one interface per attachment. */
public record ContainerPlan(String name, ContainerKind kind, List<Nic> nics) {
  public ContainerPlan {
    nics = List.copyOf(nics);
  }

  /**
   * One attachment: the host-side switch port, the subnet and its VLAN, the MAC and address, and
   * the gateway and nameserver the container uses there.
   *
   * @param gateway the subnet's gateway, if a router carries the subnet; the default route goes
   *     through the first attachment's gateway
   */
  public record Nic(String port, String bridge, int ofport, String subnet, int vlan,
      MacAddress mac, Ipv4Address address, int prefixLength, Optional<Ipv4Address> gateway,
      Optional<Ipv4Address> nameserver) {}
}
