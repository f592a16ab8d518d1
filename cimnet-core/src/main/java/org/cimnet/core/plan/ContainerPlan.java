package org.cimnet.core.plan;

import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Vlans;

/** A container placed on a host, with one interface per attachment. */
public record ContainerPlan(String name, ContainerKind kind, List<Nic> nics) {
  /** The routing table of the {@code i}-th attachment's source route is this plus {@code i}. */
  public static final int SOURCE_TABLE_BASE = 100;

  public ContainerPlan {
    nics = List.copyOf(nics);
  }

  /**
   * Replies leave by the subnet they belong to. The default route goes through the first
   * attachment's gateway; without more, a reply from a later attachment's address would leave by
   * the first attachment's port, whose port security drops a foreign source. So every later
   * attachment with a gateway gets a rule {@code from <address> lookup <table>}, and that table
   * holds its subnet and a default route through its own gateway.
   */
  public List<SourceRoute> sourceRoutes() {
    java.util.List<SourceRoute> routes = new java.util.ArrayList<>();
    for (int i = 1; i < nics.size(); i++) {
      Nic n = nics.get(i);
      if (n.gateway().isPresent()) {
        routes.add(new SourceRoute(i, n, SOURCE_TABLE_BASE + i));
      }
    }
    return routes;
  }

  /**
   * A source route: traffic from {@code nic}'s address looks up {@code table}.
   *
   * @param index the attachment's position, so a runtime can name its interface
   */
  public record SourceRoute(int index, Nic nic, int table) {
    /** The subnet the attachment sits in, routed on the link in {@code table}. */
    public org.cimnet.core.addr.Prefix subnet() {
      return org.cimnet.core.addr.Prefix.containing(nic.address(), nic.prefixLength());
    }
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
      Optional<Ipv4Address> nameserver) {
    public Nic {
      Vlans.check("Port '" + port + "'", vlan);
      Prefix.checkLength(prefixLength);
    }
  }
}
