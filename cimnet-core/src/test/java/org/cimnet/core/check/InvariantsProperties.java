package org.cimnet.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Leaf;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Problem;
import org.cimnet.testkit.gen.NetworkGenerator;

/**
 * Every generated valid network passes; every single injected fault is caught under its own rule
 * id and no other. (cimnet-testkit depends on core, so core builds its own small specs here.)
 */
class InvariantsProperties {

  @Provide
  Arbitrary<NetworkGenerator.Spec> specs() {
    Arbitrary<Integer> hosts = Arbitraries.integers().between(1, 3);
    Arbitrary<Integer> leaves = Arbitraries.integers().between(1, 3);
    Arbitrary<Integer> extra = Arbitraries.integers().between(1, 5);
    Arbitrary<Integer> prefix = Arbitraries.integers().between(24, 28);
    Arbitrary<Integer> containers = Arbitraries.integers().between(1, 30);
    Arbitrary<Integer> spines = Arbitraries.integers().between(1, 3);
    Arbitrary<Integer> multi = Arbitraries.integers().between(0, 4);
    Arbitrary<Long> seed = Arbitraries.longs();
    return Combinators.combine(hosts, leaves, extra, prefix, containers, spines, multi, seed)
        .as((h, l, x, p, c, sp, m, s) -> {
          int subnets = h * l + x;
          long capacity = NetworkGenerator.Spec.capacity(h, l, subnets, p, m);
          return new NetworkGenerator.Spec(h, l, subnets, p, (int) Math.max(1,
              Math.min(c, capacity)),
              6, sp, m, s);
        });
  }

  @Property(tries = 100)
  void everyGeneratedNetworkPasses(@ForAll("specs") NetworkGenerator.Spec spec) {
    Report report = Checker.check(NetworkGenerator.generate(spec));
    assertEquals(List.of(), report.problems());
    assertEquals(List.of(), report.warnings());
  }

  /** One fault, injected into any generated network; the rules it may be reported under. */
  enum Fault {
    DUPLICATE_ADDRESS(ProblemIds.ADDRESS_DUPLICATE, n -> {
      // Fix the host's address first: IPAM would move an open one away from a fixed clash.
      Host h0 = Ipam.assign(n).network().hosts().get(0);
      Ipv4Address taken = h0.addresses().get(0).address().orElseThrow();
      return n.toBuilder().replaceHost(h0)
          .container(Container.builder(ContainerKind.LXC, "dup").on(h0.name())
          .attach(h0.addresses().get(0).subnet(), taken.toString())).build();
    }),
    ADDRESS_OUTSIDE_SUBNET(ProblemIds.ADDRESS_OUTSIDE_SUBNET, n -> n.toBuilder()
        .container(Container.builder(ContainerKind.VM, "stray").on(n.hosts().get(0).name())
            .attach(n.hosts().get(0).addresses().get(0).subnet(), "192.0.2.55")).build()),
    RESERVED_ADDRESS(ProblemIds.ADDRESS_RESERVED, n -> {
      String s = n.hosts().get(0).addresses().get(0).subnet();
      String gateway = n.subnet(s).orElseThrow().cidr().address(1).toString();
      return n.toBuilder().container(Container.builder(ContainerKind.VM, "gwclaim")
          .on(n.hosts().get(0).name()).attach(s, gateway)).build();
    }),
    OVERLAPPING_SUBNET(ProblemIds.SUBNET_OVERLAP, n -> {
      Prefix first = n.subnets().get(0).cidr();
      return n.toBuilder().subnet(Subnet.builder("ovl",
          new Prefix(first.network(), first.length() + 1).toString()).reserved()).build();
    }),
    DUPLICATE_VLAN(ProblemIds.VLAN_DUPLICATE, n -> n.toBuilder()
        .replaceSubnet(n.subnets().get(0).withVlan(4000))
        .replaceSubnet(n.subnets().get(1).withVlan(4000)).build()),
    DANGLING_CONTAINER_HOST(ProblemIds.REF_HOST, n -> {
      Container c = n.containers().get(0);
      return n.toBuilder().replaceContainer(new Container(c.name(), c.kind(), "ghost",
          c.attachments(), c.publishes())).build();
    }),
    DANGLING_ATTACHMENT(ProblemIds.REF_SUBNET, n -> {
      Container c = n.containers().get(0);
      return n.toBuilder().replaceContainer(c.withAttachments(List.of(new Attachment(
          "nowhere", Optional.empty(), Optional.empty())))).build();
    }),
    DANGLING_RULE_SUBNET(ProblemIds.REF_SUBNET, n -> n.toBuilder().rule(new Rule(
        Endpoint.ofSubnet(n.subnets().get(0).name()), Endpoint.ofSubnet("nowhere"), List.of()))
        .build()),
    SPINE_OVER_CAPACITY(ProblemIds.SPINE_CAPACITY, n -> {
      long used = n.links().stream().mapToLong(l -> l instanceof Link.Trunk t
          ? (t.spine().equals("spine1") ? 1 : 0)
          : (((Link.Interconnect) l).spine().equals("spine1") ? 1 : 0)
              + (((Link.Interconnect) l).otherSpine().equals("spine1") ? 1 : 0)).sum();
      List<Spine> spines = new ArrayList<>(n.spines());
      Network.Builder b = rebuildWithout(n, spines);
      spines.set(0, new Spine("spine1", (int) used - 1));
      spines.forEach(b::spine);
      return b.build();
    }, ProblemIds.LINK_PORT_RANGE),
    PORT_REUSE(ProblemIds.LINK_PORT_REUSE, n -> {
      // Move the first trunk onto the port another link already uses on its spine.
      List<Link> links = new ArrayList<>(n.links());
      int first = firstTrunk(links);
      Link.Trunk t = (Link.Trunk) links.get(first);
      int taken = -1;
      for (int i = 0; i < links.size() && taken < 0; i++) {
        if (i != first && links.get(i) instanceof Link.Trunk o && o.spine().equals(t.spine())) {
          taken = o.port();
        } else if (links.get(i) instanceof Link.Interconnect c) {
          taken = c.spine().equals(t.spine()) ? c.port()
              : c.otherSpine().equals(t.spine()) ? c.otherPort() : -1;
        }
      }
      links.set(first, new Link.Trunk(t.host(), t.nic(), t.spine(), taken, t.carries()));
      Network.Builder b = n.toBuilder().clearLinks();
      links.forEach(b::link);
      return b.build();
    }),
    DUPLICATE_NIC_MAC(ProblemIds.MAC_DUPLICATE, n -> withFirstHost(n, h -> {
      List<Nic> nics = new ArrayList<>(h.nics());
      nics.set(1, new Nic(nics.get(1).name(), nics.get(0).mac()));
      return new Host(h.name(), nics, h.leaves(), h.addresses(), h.router(), h.nameserver());
    })),
    MULTICAST_MAC(ProblemIds.MAC_NOT_UNICAST, n -> withFirstHost(n, h -> {
      List<Nic> nics = new ArrayList<>(h.nics());
      nics.set(0, new Nic(nics.get(0).name(), Optional.of(MacAddress.parse(
          "01:00:5e:00:00:01"))));
      return new Host(h.name(), nics, h.leaves(), h.addresses(), h.router(), h.nameserver());
    })),
    LEAF_NAMED_UPLINK(ProblemIds.LEAF_RESERVED_NAME, n -> withFirstHost(n, h -> {
      List<Leaf> leaves = new ArrayList<>(h.leaves());
      leaves.set(0, new Leaf("uplink", leaves.get(0).subnets()));
      return new Host(h.name(), h.nics(), leaves, h.addresses(), h.router(), h.nameserver());
    })),
    NAME_TAKEN_BY_GATEWAY(ProblemIds.NAME_DUPLICATE, n -> n.toBuilder()
        .container(Container.builder(ContainerKind.DOCKER, "gw").on(n.hosts().get(0).name())
            .attach(n.hosts().get(0).addresses().get(0).subnet())).build()),
    UNWIRED_HOST(ProblemIds.LEAF_SPINE_UNREACHABLE, n -> {
      String h0 = n.hosts().get(0).name();
      Network.Builder b = n.toBuilder().clearLinks();
      n.links().stream().filter(l -> !(l instanceof Link.Trunk t && t.host().equals(h0)))
          .forEach(b::link);
      return b.build();
    });

    final String rule;
    final Set<String> allowed;
    final UnaryOperator<Network> inject;

    Fault(String rule, UnaryOperator<Network> inject, String... alsoAllowed) {
      this.rule = rule;
      this.inject = inject;
      this.allowed = new TreeSet<>(List.of(alsoAllowed));
      this.allowed.add(rule);
    }
  }

  private static int firstTrunk(List<Link> links) {
    for (int i = 0; i < links.size(); i++) {
      if (links.get(i) instanceof Link.Trunk) {
        return i;
      }
    }
    throw new IllegalStateException("no trunk");
  }

  private static Network withFirstHost(Network n, UnaryOperator<Host> change) {
    return n.toBuilder().replaceHost(change.apply(n.hosts().get(0))).build();
  }

  /** A builder holding everything of {@code n} but its spines. */
  private static Network.Builder rebuildWithout(Network n, List<Spine> spines) {
    Network.Builder b = Network.builder(n.name()).domain(n.domain()).supernet(n.supernet());
    n.subnets().forEach(b::subnet);
    n.hosts().forEach(b::host);
    n.links().forEach(b::link);
    n.containers().forEach(b::container);
    n.internet().ifPresent(b::internet);
    n.rules().forEach(b::rule);
    n.assertions().forEach(b::assertion);
    return b;
  }

  @Property(tries = 200)
  void everySingleFaultIsCaughtUnderItsOwnRule(@ForAll("specs") NetworkGenerator.Spec spec,
      @ForAll Fault fault) {
    Network faulty = fault.inject.apply(NetworkGenerator.generate(spec));
    Set<String> rules = Checker.check(faulty).problems().stream().map(Problem::id)
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(rules.contains(fault.rule), fault + " not reported as " + fault.rule + ": "
        + rules);
    assertTrue(fault.allowed.containsAll(rules), fault + " also reported as " + rules);
  }
}
