package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.InterfacePlan;

/**
 * What the topology pictures show, read once from the per-host plans: spines and their
 * interconnects, hosts with their uplinks and leaves, the subnets on each leaf, the containers
 * on each subnet, the internet and where the public address lives. The Mermaid, DOT and SVG
 * pictures only lay this out.
 *
 * <p>A small network is drawn whole ({@link #detailed()}). Past {@value #DETAIL_HOSTS} hosts or
 * {@value #DETAIL_SUBNETS} subnets on leaves, each host is one box with its counts: a picture of
 * 4,000 subnets and 100,000 containers is read by nobody, and the tables beside it hold every
 * subnet.
 */
record Topology(Network network, List<Spine> spines, List<Link.Interconnect> interconnects,
    List<HostView> hosts, List<Subnet> uncarried, Optional<InternetView> internet,
    boolean detailed, Map<String, Subnet> subnetsByName) {

  /** Hosts drawn with their leaves and subnets up to this many. */
  static final int DETAIL_HOSTS = 8;
  /** Subnets on leaves (over all hosts) drawn one by one up to this many. */
  static final int DETAIL_SUBNETS = 48;
  /** A subnet's containers are named up to this many; more are counted by kind. */
  static final int NAMED_CONTAINERS = 4;

  /** One host: its trunk NICs, its leaves and the containers it runs. */
  record HostView(String name, boolean router, boolean nameserver, List<HostPlan.NicPlan> trunks,
      List<Integer> uplinkVlans, List<LeafView> leaves, int containers,
      Map<ContainerKind, Integer> kinds) {
    /** Every subnet this host's leaves carry. */
    int subnetCount() {
      return leaves.stream().mapToInt(l -> l.subnets().size()).sum();
    }
  }

  /** One leaf (an Open vSwitch bridge) and the subnets it carries, by VLAN. */
  record LeafView(String name, String bridge, List<Integer> vlans, List<SubnetView> subnets) {}

  /** A subnet as one host's leaf carries it, with the containers attached there. */
  record SubnetView(Subnet subnet, int vlan, ContainerGroup containers) {}

  /**
   * The containers of one subnet on one host: named when few, counted by kind when many.
   *
   * @param members the named ones, each with the other subnets it is attached to
   */
  record ContainerGroup(List<Member> members, int count, Map<ContainerKind, Integer> kinds) {
    boolean isEmpty() {
      return count == 0;
    }

    boolean named() {
      return count <= NAMED_CONTAINERS;
    }
  }

  /** A named container: its kind and the other subnets it is attached to (it relays). */
  record Member(String name, ContainerKind kind, List<String> alsoOn) {}

  /**
   * The way out.
   *
   * @param host the host holding the public address, if one does
   */
  record InternetView(String publicAddress, String gateway, String via, Optional<String> host) {}

  static Topology of(ValidatedNetwork validated) {
    Network network = validated.network();
    Map<String, Subnet> byName = new LinkedHashMap<>();
    Map<Integer, Subnet> byVlan = new HashMap<>();
    for (Subnet s : network.subnets()) {
      byName.put(s.name(), s);
      s.vlan().ifPresent(v -> byVlan.put(v, s));
    }
    List<Link.Interconnect> interconnects = new ArrayList<>();
    for (Link link : network.links()) {
      if (link instanceof Link.Interconnect i) {
        interconnects.add(i);
      }
    }
    Map<String, HostPlan> plans = validated.plans();
    int carried = 0;
    for (HostPlan plan : plans.values()) {
      for (BridgePlan b : plan.bridges()) {
        carried += b.isUplink() ? 0 : b.vlans().size();
      }
    }
    boolean detailed = plans.size() <= DETAIL_HOSTS && carried <= DETAIL_SUBNETS;
    List<HostView> hosts = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    Optional<String> publicHost = Optional.empty();
    for (HostPlan plan : plans.values()) {
      hosts.add(host(plan, byVlan, detailed));
      for (BridgePlan b : plan.bridges()) {
        b.vlans().forEach(v -> seen.add(byVlan.get(v).name()));
      }
      for (InterfacePlan i : plan.interfaces()) {
        if (publicHost.isEmpty() && i.addresses().stream()
            .anyMatch(a -> a.purpose() == InterfacePlan.Purpose.PUBLIC)) {
          publicHost = Optional.of(plan.host());
        }
      }
    }
    List<Subnet> uncarried = network.subnets().stream().filter(s -> !seen.contains(s.name()))
        .toList();
    Optional<String> holder = publicHost;
    Optional<InternetView> internet = network.internet().map(i -> new InternetView(
        i.publicAddressText(), i.gateway().toString(), i.via(), holder));
    return new Topology(network, network.spines(), List.copyOf(interconnects), List.copyOf(hosts),
        uncarried, internet, detailed, byName);
  }

  private static HostView host(HostPlan plan, Map<Integer, Subnet> byVlan, boolean detailed) {
    List<HostPlan.NicPlan> trunks = plan.nics().stream().filter(HostPlan.NicPlan::wired).toList();
    List<Integer> uplinkVlans = plan.bridges().stream().filter(BridgePlan::isUplink)
        .flatMap(b -> b.vlans().stream()).toList();
    Map<ContainerKind, Integer> kinds = new EnumMap<>(ContainerKind.class);
    // Per subnet, the containers attached there, in the plan's order.
    Map<String, List<ContainerPlan>> bySubnet = new HashMap<>();
    for (ContainerPlan c : plan.containers()) {
      kinds.merge(c.kind(), 1, Integer::sum);
      if (detailed) {
        for (ContainerPlan.Nic n : c.nics()) {
          bySubnet.computeIfAbsent(n.subnet(), k -> new ArrayList<>()).add(c);
        }
      }
    }
    List<LeafView> leaves = new ArrayList<>();
    for (BridgePlan b : plan.bridges()) {
      if (b.isUplink()) {
        continue;
      }
      List<SubnetView> subnets = new ArrayList<>();
      for (int vlan : b.vlans()) {
        Subnet s = byVlan.get(vlan);
        subnets.add(new SubnetView(s, vlan,
            group(s.name(), bySubnet.getOrDefault(s.name(), List.of()))));
      }
      leaves.add(new LeafView(b.leaf(), b.name(), b.vlans(), subnets));
    }
    return new HostView(plan.host(), plan.router(), plan.nameserver(), trunks, uplinkVlans,
        leaves, plan.containers().size(), kinds);
  }

  private static ContainerGroup group(String subnet, List<ContainerPlan> containers) {
    Map<ContainerKind, Integer> kinds = new EnumMap<>(ContainerKind.class);
    containers.forEach(c -> kinds.merge(c.kind(), 1, Integer::sum));
    List<Member> members = new ArrayList<>();
    if (containers.size() <= NAMED_CONTAINERS) {
      for (ContainerPlan c : containers) {
        List<String> others = c.nics().stream().map(ContainerPlan.Nic::subnet)
            .filter(s -> !s.equals(subnet)).distinct().toList();
        members.add(new Member(c.name(), c.kind(), others));
      }
    }
    return new ContainerGroup(members, containers.size(), kinds);
  }

  /** The subnets of the network by zone, in order of first appearance. */
  List<String> zones() {
    return network.subnets().stream().map(Subnet::zone).distinct().toList();
  }

  /** {@code 2 docker, 1 vm}, in kind order. */
  static String kindCounts(Map<ContainerKind, Integer> kinds) {
    List<String> parts = new ArrayList<>();
    kinds.forEach((k, n) -> parts.add(Text.count(n) + " " + k.key()));
    return String.join(", ", parts);
  }
}
