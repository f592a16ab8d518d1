package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.InterfacePlan;

/**
 * Every subnet, reserved ones included: CIDR, VLAN, zone, the gateway and nameserver with the
 * host that holds each (read from the host plans, which place them), the hosts whose leaves
 * carry it, and its use: addresses assigned (host and container addresses) of those assignable
 * (the block less the address convention's reserved roles).
 */
final class AddressPlan {
  /**
   * One subnet's row.
   *
   * @param gateways each {@code address (host)} holding the gateway; empty when none does
   */
  record Row(Subnet subnet, int vlan, List<String> gateways, List<String> nameservers,
      List<String> hosts, long assigned, long assignable) {
    String use() {
      return Text.count(assigned) + " of " + Text.count(assignable);
    }

    String note() {
      if (subnet.reserved()) {
        return "reserved: numbered, not carried yet";
      }
      return hosts.isEmpty() ? "carried by no leaf" : "";
    }
  }

  private AddressPlan() {}

  static List<Row> of(ValidatedNetwork validated) {
    Map<String, Set<String>> gateways = new HashMap<>();
    Map<String, Set<String>> nameservers = new HashMap<>();
    Map<String, Set<String>> hosts = new HashMap<>();
    Map<Integer, String> subnetOfVlan = new HashMap<>();
    validated.network().subnets().forEach(s -> subnetOfVlan.put(s.vlan().orElseThrow(),
        s.name()));
    for (HostPlan plan : validated.plans().values()) {
      for (BridgePlan b : plan.bridges()) {
        if (!b.isUplink()) {
          b.vlans().forEach(v -> hosts.computeIfAbsent(subnetOfVlan.get(v),
              k -> new LinkedHashSet<>()).add(plan.host()));
        }
      }
      for (InterfacePlan i : plan.interfaces()) {
        for (InterfacePlan.InterfaceAddress a : i.addresses()) {
          Map<String, Set<String>> to = switch (a.purpose()) {
            case GATEWAY -> gateways;
            case NAMESERVER -> nameservers;
            default -> null;
          };
          if (to != null) {
            to.computeIfAbsent(i.subnet(), k -> new LinkedHashSet<>())
                .add(a.address() + " (" + plan.host() + ")");
          }
        }
      }
    }
    Map<String, long[]> assigned = new HashMap<>();
    for (Naming.NameRecord r : validated.names()) {
      if (r.kind() == Naming.Owner.HOST || r.kind() == Naming.Owner.CONTAINER) {
        assigned.computeIfAbsent(r.subnet(), k -> new long[1])[0]++;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Subnet s : validated.network().subnets()) {
      Set<Ipv4Address> roles = new HashSet<>(
          validated.network().convention().roles(s.cidr()).values());
      rows.add(new Row(s, s.vlan().orElseThrow(),
          List.copyOf(gateways.getOrDefault(s.name(), Set.of())),
          List.copyOf(nameservers.getOrDefault(s.name(), Set.of())),
          List.copyOf(hosts.getOrDefault(s.name(), Set.of())),
          assigned.getOrDefault(s.name(), new long[1])[0], s.cidr().size() - roles.size()));
    }
    return rows;
  }

  static String text(List<Row> rows) {
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"SUBNET", "CIDR", "VLAN", "ZONE", "GATEWAY", "NAMESERVER", "HOSTS",
        "USE", "NOTE"});
    for (Row r : rows) {
      table.add(new String[] {r.subnet().name(), r.subnet().cidr().toString(),
          String.valueOf(r.vlan()), r.subnet().zone(), orDash(r.gateways()),
          orDash(r.nameservers()), orDash(r.hosts()), r.use(), r.note()});
    }
    return Text.align(table);
  }

  static String csv(List<Row> rows) {
    StringBuilder out = new StringBuilder(Escape.csvLine("subnet", "cidr", "vlan", "zone",
        "gateway", "nameserver", "hosts", "assigned", "assignable", "reserved"));
    for (Row r : rows) {
      out.append(Escape.csvLine(r.subnet().name(), r.subnet().cidr().toString(),
          String.valueOf(r.vlan()), r.subnet().zone(), String.join("; ", r.gateways()),
          String.join("; ", r.nameservers()), String.join(" ", r.hosts()),
          String.valueOf(r.assigned()), String.valueOf(r.assignable()),
          String.valueOf(r.subnet().reserved())));
    }
    return out.toString();
  }

  static String orDash(List<String> values) {
    return values.isEmpty() ? "-" : String.join(", ", values);
  }
}
