package org.cimnet.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.routing.Routing;

/**
 * The firewalls' view of the nameservers: the nameserver addresses each nameserver host holds,
 * and, with several such hosts, where their queries to each other pass (see {@link DnsPlans}).
 * Made once per network.
 */
final class NameserverPeers {
  /** Per nameserver host (host order), the nameserver addresses it holds, in leaf order. */
  private final List<List<Ipv4Address>> addresses = new ArrayList<>();
  /** The same lists by host name. */
  private final Map<String, List<Ipv4Address>> addressesOf = new HashMap<>();
  /** The subnet of every nameserver address. */
  private final Map<Ipv4Address, String> subnetOf = new HashMap<>();
  private final Map<String, Subnet> subnets;

  /** {@code subnets}: the network's subnets by name. */
  NameserverPeers(Network network, Map<String, Subnet> subnets) {
    this.subnets = subnets;
    for (Host h : network.hosts()) {
      List<Ipv4Address> held = new ArrayList<>();
      for (String s : h.servedSubnets()) {
        Subnet subnet = subnets.get(s);
        if (subnet != null && !subnet.reserved()
            && network.convention().fits(subnet.cidr(), Role.NAMESERVER)) {
          Ipv4Address ns = network.convention().address(subnet.cidr(), Role.NAMESERVER);
          held.add(ns);
          subnetOf.put(ns, s);
        }
      }
      if (!held.isEmpty()) {
        addresses.add(held);
        addressesOf.put(h.name(), held);
      }
    }
  }

  /** Whether more than one host holds nameserver addresses, so that they ask each other. */
  boolean several() {
    return addresses.size() > 1;
  }

  /** The nameserver addresses the host holds (none if it serves no subnet's names). */
  List<Ipv4Address> of(String host) {
    return addressesOf.getOrDefault(host, List.of());
  }

  /**
   * The queries between nameservers that router {@code host} forwards. Nameservers on different
   * hosts ask each other from their first nameserver address to every address a peer holds:
   * where such a query is routed, every router on the way lets it through (udp and tcp 53). A
   * router lets the askers whose queries it forwards reach the addresses it forwards them to, as
   * two sets: routes decide which pair passes where, so the pairs themselves (nameserver hosts x
   * nameserver addresses, on the root of a tree of routers) are never listed. The router's own
   * queries and the queries to its own addresses are its input and output, not forwarded.
   * Forwarding depends on the routers of the two subnets only, so each pair of routers is asked
   * once.
   */
  FirewallPlan.DnsQueries queries(Host host, Routing routing) {
    if (!several()) {
      return FirewallPlan.DnsQueries.NONE;
    }
    Map<String, Boolean> forwards = new HashMap<>();
    List<Ipv4Address> askers = new ArrayList<>();
    Set<Ipv4Address> asked = new LinkedHashSet<>();
    Set<String> mine = new HashSet<>(host.servedSubnets());
    for (List<Ipv4Address> asker : addresses) {
      String from = subnetOf.get(asker.get(0));
      if (mine.contains(from)) {
        continue;
      }
      String fromRouter = routing.routerOf(from).orElse("");
      boolean any = false;
      for (List<Ipv4Address> peer : addresses) {
        if (peer == asker) {
          continue;
        }
        for (Ipv4Address a : peer) {
          String to = subnetOf.get(a);
          if (mine.contains(to)) {
            continue;
          }
          String key = fromRouter + "\0" + routing.routerOf(to).orElse("");
          if (forwards.computeIfAbsent(key, k -> routing.forwards(host.name(), from, to))) {
            asked.add(a);
            any = true;
          }
        }
      }
      if (any) {
        askers.add(asker.get(0));
      }
    }
    return new FirewallPlan.DnsQueries(askers, List.copyOf(asked));
  }

  /** The nameserver addresses of every other nameserver host, when there are several. */
  List<Ipv4Address> peers(Host host) {
    List<Ipv4Address> peers = new ArrayList<>();
    if (several()) {
      List<String> mine = host.servedSubnets();
      for (List<Ipv4Address> held : addresses) {
        held.stream().filter(a -> mine.stream().noneMatch(s -> subnets.get(s).cidr()
            .contains(a))).forEach(peers::add);
      }
    }
    return peers;
  }
}
