package org.cimnet.core.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Leaf;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.HostPlan;

/**
 * Lookups every rule shares, built once per check so that no rule scans the whole network per
 * element ({@link Network}'s list accessors copy, and its zone lookup scans).
 */
final class Facts {
  final Network network;
  final List<Subnet> subnets;
  final Map<String, Subnet> subnetByName = new HashMap<>();
  /** Declaration index of every subnet, to report in declaration order after a sort. */
  final Map<String, Integer> subnetIndex = new HashMap<>();
  final Set<String> zones = new HashSet<>();
  final List<Host> hosts;
  final Map<String, Host> hostByName = new HashMap<>();
  final List<Container> containers;
  final Map<String, Spine> spineByName = new LinkedHashMap<>();
  final List<Link> links;
  /** Per host, the declared subnets that are not reserved and some leaf of it carries. */
  final Map<String, Set<String>> carried = new HashMap<>();
  /** Per host, the indices (into {@link #links}) of its trunks, in link order. */
  final Map<String, List<Integer>> trunksOf = new HashMap<>();
  /** False if a host is past Open vSwitch's port limits, which no plan can number. */
  boolean plannable = true;
  /** The host plans the name rules made, kept for the validated network; null until then. */
  Map<String, HostPlan> plans;
  private List<Naming.NameRecord> names;

  Facts(Network network) {
    this.network = network;
    this.subnets = network.subnets();
    for (int i = 0; i < subnets.size(); i++) {
      Subnet s = subnets.get(i);
      subnetByName.put(s.name(), s);
      subnetIndex.put(s.name(), i);
      zones.add(s.zone());
    }
    this.hosts = network.hosts();
    for (Host h : hosts) {
      hostByName.put(h.name(), h);
      Set<String> on = new LinkedHashSet<>();
      for (Leaf leaf : h.leaves()) {
        for (String s : leaf.subnets()) {
          Subnet subnet = subnetByName.get(s);
          if (subnet != null && !subnet.reserved()) {
            on.add(s);
          }
        }
      }
      carried.put(h.name(), on);
    }
    this.containers = network.containers();
    network.spines().forEach(s -> spineByName.put(s.name(), s));
    this.links = network.links();
    for (int i = 0; i < links.size(); i++) {
      if (links.get(i) instanceof Link.Trunk t) {
        trunksOf.computeIfAbsent(t.host(), k -> new ArrayList<>()).add(i);
      }
    }
  }

  /** Every DNS name of the network, derived once for the name rules, DNS rules and the result. */
  List<Naming.NameRecord> names() {
    if (names == null) {
      names = List.copyOf(Naming.records(network));
    }
    return names;
  }

  /** Whether a leaf of {@code host} carries {@code subnet}, which is declared and not reserved. */
  boolean carries(String host, String subnet) {
    Set<String> on = carried.get(host);
    return on != null && on.contains(subnet);
  }

  List<Integer> trunks(String host) {
    return trunksOf.getOrDefault(host, List.of());
  }

  /** A link as messages name it, such as {@code Trunk 'vhost-dev.eth0' (links[2])}. */
  static String describe(Link link, int index) {
    if (link instanceof Link.Trunk t) {
      return "Trunk '" + t.host() + "." + t.nic() + "' (links[" + index + "])";
    }
    Link.Interconnect i = (Link.Interconnect) link;
    return "Interconnect '" + i.spine() + ":" + i.port() + "-" + i.otherSpine() + ":"
        + i.otherPort() + "' (links[" + index + "])";
  }

  /** {@code 'a', 'b' and 'c'}. */
  static String quoteAll(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(i == names.size() - 1 ? " and " : ", ");
      }
      text.append('\'').append(names.get(i)).append('\'');
    }
    return text.toString();
  }
}
