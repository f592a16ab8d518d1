package org.cimnet.core.plan;

import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;

/**
 * Everything one host must run at layers 2 and 3: its NICs, its bridges (the uplink first, then
 * one per leaf) with their ports and flows, its L3 interfaces, its routes and resolvers, and the
 * containers it hosts. The firewall and DNS are planned beside it from the same network.
 *
 * @param defaultRoute the default gateway and the interface it is reached through
 * @param router whether the host routes between its subnets (and so forwards packets)
 * @param routes the routes between routers ({@link org.cimnet.core.routing.Routing}): on a router below another, the
 *     on-link route to its parent's gateway; on a router above others, their subnets through
 *     them
 */
public record HostPlan(String host, String domain, List<NicPlan> nics, List<BridgePlan> bridges,
    List<InterfacePlan> interfaces, Optional<Route> defaultRoute, List<Ipv4Address> nameservers,
    boolean router, boolean nameserver, List<ContainerPlan> containers,
    List<StaticRoute> routes) {

  public HostPlan {
    nics = List.copyOf(nics);
    bridges = List.copyOf(bridges);
    interfaces = List.copyOf(interfaces);
    nameservers = List.copyOf(nameservers);
    containers = List.copyOf(containers);
    routes = List.copyOf(routes);
  }

  /** A plan without routes between routers. */
  public HostPlan(String host, String domain, List<NicPlan> nics, List<BridgePlan> bridges,
      List<InterfacePlan> interfaces, Optional<Route> defaultRoute, List<Ipv4Address> nameservers,
      boolean router, boolean nameserver, List<ContainerPlan> containers) {
    this(host, domain, nics, bridges, interfaces, defaultRoute, nameservers, router, nameserver,
        containers, List.of());
  }

  /** Whether the host forwards packets between its interfaces: exactly when it routes. */
  public boolean forwarding() {
    return router;
  }

  /**
   * A physical NIC: its MAC from the inventory, and where it is wired.
   *
   * @param name the NIC's name in the model ({@code eth0})
   * @param ifname its interface name on the machine ({@link Ifnames#nic}), which the bond and
   *     every file that runs on the host use
   */
  public record NicPlan(String name, String ifname, Optional<MacAddress> mac,
      Optional<String> spine, int spinePort, List<Integer> vlans) {
    public NicPlan {
      vlans = List.copyOf(vlans);
    }

    public boolean wired() {
      return spine.isPresent();
    }
  }

  /** A route: where to send, through which gateway, out of which interface. */
  public record Route(Ipv4Address gateway, String device) {}

  /**
   * A route to {@code destination} out of {@code device}, through {@code via}, or on-link (the
   * destination answers on the device's segment) when {@code via} is empty.
   */
  public record StaticRoute(org.cimnet.core.addr.Prefix destination, Optional<Ipv4Address> via,
      String device) {}

  public Optional<BridgePlan> bridge(String name) {
    return bridges.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** Every kernel interface name the plan creates or uses, for uniqueness checks. */
  public List<String> kernelNames() {
    java.util.List<String> names = new java.util.ArrayList<>();
    nics.forEach(n -> names.add(n.ifname()));
    for (BridgePlan b : bridges) {
      names.add(b.name());
      b.ports().stream().filter(p -> p.kind() == PortPlan.Kind.INTERNAL
          || p.kind() == PortPlan.Kind.CONTAINER).forEach(p -> names.add(p.name()));
    }
    return names;
  }
}
