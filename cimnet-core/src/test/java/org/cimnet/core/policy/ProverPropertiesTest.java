package org.cimnet.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.dsl.Cimnet;
import org.cimnet.core.model.Assertion;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;
import org.cimnet.core.model.Subnet;

/**
 * The prover against brute force: small random policies (a few /29 subnets, a few containers,
 * some multi-homed, a few rules with ports from a small set), where a second, independent model
 * enumerates every relevant packet.
 *
 * <p>The enumeration is exhaustive over the equivalence classes of the packet space: every
 * address of every subnet, one address of the internet (no endpoint can tell two internet
 * addresses apart), one private and one supernet address outside every subnet, the four
 * protocols, and every port bound of every rule with its neighbours (between two bounds no
 * rule can tell ports apart). The prover itself works on the whole space.
 */
class ProverPropertiesTest {

  /** Port bounds rules use; the brute force enumerates each with its neighbours. */
  private static final int[] BOUNDS = {1, 22, 23, 53, 80, 443, 65535};

  private static final List<String> SERVICES = List.of("any", "icmp", "tcp", "udp", "tcp/22",
      "tcp/80", "tcp/443", "udp/53", "udp/22", "tcp/22-80", "tcp/23-443", "udp/1-22",
      "tcp/443-65535", "tcp/80-65535");

  /**
   * A random policy's shape, as small integers that shrink well. With a non-empty {@code host},
   * the router {@code h} carries every subnet; {@code hostKind} bit 1 makes it a nameserver, bit
   * 2 gives it its own address in s0.
   */
  record Shape(boolean publicSupernet, List<Integer> zones, List<List<Integer>> containers,
      List<List<Integer>> rules, List<List<Integer>> assertions, List<Integer> host,
      int hostKind) {}

  @Provide
  Arbitrary<Shape> shapes() {
    Arbitrary<Integer> small = Arbitraries.integers().between(0, 99);
    Arbitrary<List<Integer>> zones = Arbitraries.integers().between(0, 1).list().ofMinSize(1)
        .ofMaxSize(4);
    Arbitrary<List<List<Integer>>> containers = small.list().ofMinSize(1).ofMaxSize(2).list()
        .ofMaxSize(5);
    // A rule: from, to, then 0-2 service indexes.
    Arbitrary<List<List<Integer>>> rules = small.list().ofMinSize(2).ofMaxSize(4).list()
        .ofMaxSize(6);
    Arbitrary<List<List<Integer>>> assertions = small.list().ofSize(2).list().ofMinSize(1)
        .ofMaxSize(4);
    Arbitrary<List<Integer>> host = Arbitraries.integers().between(0, 3).list().ofMaxSize(3);
    return Combinators.combine(Arbitraries.of(false, true), zones, containers, rules, assertions,
        host, Arbitraries.integers().between(0, 7)).as(Shape::new);
  }

  /** Builds the network the shape describes; every container address is fixed. */
  static Network build(Shape shape) {
    Network.Builder b = Network.builder("t");
    Prefix supernet = Prefix.parse(shape.publicSupernet() ? "100.64.0.0/26" : "10.0.0.0/26");
    b.supernet(supernet);
    if (shape.publicSupernet()) {
      b.publicSupernet();
    }
    int k = shape.zones().size();
    int[] nextFree = new int[k];
    for (int i = 0; i < k; i++) {
      b.subnet(Subnet.builder("s" + i, supernet.first().plus(8L * i) + "/29")
          .zone(shape.zones().get(i) == 0 ? "a" : "management"));
      nextFree[i] = 2; // .0 network, .1 gateway; .6 nameserver, .7 broadcast
    }
    if (!shape.host().isEmpty()) {
      // One router of every subnet, the internet through s0: a single tree of routers, where
      // every subnet and the internet are routed (the forwarding the model leaves out).
      TreeSet<Integer> carried = new TreeSet<>();
      for (int i = 0; i < k; i++) {
        carried.add(i);
      }
      Host.Builder h = Host.builder("h");
      carried.forEach(i -> h.leaf("l" + i, "s" + i));
      h.router();
      b.internet("203.0.113.10/24", "203.0.113.1", "s0");
      if ((shape.hostKind() & 2) != 0) {
        h.nameserver();
      }
      if ((shape.hostKind() & 4) != 0) {
        int first = carried.first();
        h.address("s" + first, supernet.first().plus(8L * first + nextFree[first]++).toString());
      }
      b.host(h);
    }
    int c = 0;
    for (List<Integer> attach : shape.containers()) {
      Container.Builder cb = Cimnet.lxc("c" + c).on("h");
      TreeSet<Integer> on = new TreeSet<>();
      attach.forEach(a -> on.add(a % k));
      boolean any = false;
      for (int s : on) {
        if (nextFree[s] <= 5) {
          cb.attach("s" + s, supernet.first().plus(8L * s + nextFree[s]++).toString());
          any = true;
        }
      }
      if (any) {
        b.container(cb);
        c++;
      }
    }
    Network partial = b.build();
    List<String> endpoints = endpoints(partial);
    List<String> targets = targets(partial);
    for (List<Integer> r : shape.rules()) {
      List<String> services = r.subList(2, r.size()).stream()
          .map(i -> SERVICES.get(i % SERVICES.size())).toList();
      b.canConnect(endpoints.get(r.get(0) % endpoints.size()),
          targets.get(r.get(1) % targets.size()), services.toArray(String[]::new));
    }
    for (List<Integer> a : shape.assertions()) {
      b.never(endpoints.get(a.get(0) % endpoints.size()),
          targets.get(a.get(1) % targets.size()));
    }
    return b.build();
  }

  /** Every endpoint that resolves: subnets, the zones in use, containers, the internet. */
  static List<String> endpoints(Network n) {
    List<String> out = new ArrayList<>();
    n.subnets().forEach(s -> out.add(s.name()));
    n.subnets().stream().map(Subnet::zone).distinct().sorted().forEach(z -> out.add("zone:" + z));
    n.containers().forEach(c -> out.add("container:" + c.name()));
    out.add("internet");
    return out;
  }

  /** What may be a destination: every endpoint, and the hosts (by their services). */
  static List<String> targets(Network n) {
    List<String> out = new ArrayList<>(endpoints(n));
    n.hosts().forEach(h -> out.add("host:" + h.name()));
    return out;
  }

  @Property(tries = 100)
  void proverAgreesWithBruteForce(@ForAll("shapes") Shape shape) {
    Network n = build(shape);
    Brute brute = new Brute(n);
    List<Proof> proofs = Prover.prove(n);
    for (Proof p : proofs) {
      boolean violated = brute.violated(p.assertion());
      assertEquals(violated ? Proof.Status.VIOLATED : Proof.Status.HOLDS, p.status(),
          () -> p.assertion() + " in " + n.rules());
      p.counterexample().ifPresent(path -> brute.confirm(p.assertion(), path));
    }
  }

  /** Tagged slow: the mutation-testing run leaves it out (see cimnet-core's pom). */
  @Property(tries = 100)
  @Tag("slow")
  void matrixAndExplainAgreeWithBruteForce(@ForAll("shapes") Shape shape) {
    Network n = build(shape);
    Brute brute = new Brute(n);
    Policy policy = Policy.compile(n);
    Matrix matrix = Matrix.of(policy);
    for (String from : policy.nodes().subList(0, policy.sourceCount())) {
      for (String to : policy.nodes()) {
        Endpoint f = Endpoint.parse(from);
        Endpoint t = Endpoint.parse(to);
        boolean reach = brute.violated(new Assertion(f, t));
        assertEquals(reach, !matrix.cell(from, to).isEmpty(), from + " -> " + to);
        assertEquals(reach, Explanation.of(policy, f, t).allowed(), "explain " + from + " -> "
            + to);
        // The direct services are exactly the services some packet between them may use.
        assertTrue(brute.directServices(f, t, matrix.cell(from, to).direct()),
            "direct services " + from + " -> " + to);
      }
    }
  }

  @Property(tries = 100)
  void addingARuleNeverRemovesAReachablePair(@ForAll("shapes") Shape shape,
      @ForAll("ruleParts") List<Integer> extra) {
    Network before = build(shape);
    List<String> endpoints = endpoints(before);
    List<String> targets = targets(before);
    Network after = before.toBuilder().canConnect(endpoints.get(extra.get(0) % endpoints.size()),
        targets.get(extra.get(1) % targets.size()),
        SERVICES.get(extra.get(2) % SERVICES.size())).build();
    Matrix was = Matrix.of(before);
    Matrix now = Matrix.of(after);
    for (String from : was.nodes()) {
      for (String to : was.nodes()) {
        assertTrue(now.cell(from, to).services().containsAll(was.cell(from, to).services()),
            from + " -> " + to);
      }
    }
    List<Proof> old = Prover.prove(before);
    List<Proof> fresh = Prover.prove(after);
    assertEquals(old.size(), fresh.size());
    int violated = 0;
    for (int i = 0; i < old.size(); i++) {
      assertEquals(old.get(i).assertion(), fresh.get(i).assertion());
      // A rule only opens: a violated assertion stays violated; one that held may break.
      assertTrue(old.get(i).holds() || !fresh.get(i).holds(), old.get(i).assertion().toString());
      violated += old.get(i).status() == Proof.Status.VIOLATED ? 1 : 0;
    }
    // The check above says something only for assertions violated before the new rule.
    Statistics.label("violated before").collect(violated > 0);
    Statistics.label("violated before").coverage(c -> c.check(true).percentage(p -> p >= 10));
  }

  @Provide
  Arbitrary<List<Integer>> ruleParts() {
    return Arbitraries.integers().between(0, 99).list().ofSize(3);
  }

  @Property(tries = 100)
  void aNeverTheRulesContradictIsCaught(@ForAll("shapes") Shape shape,
      @ForAll("ruleParts") List<Integer> extra) {
    Network base = build(shape);
    List<String> endpoints = endpoints(base);
    String from = endpoints.get(extra.get(0) % endpoints.size());
    String to = targets(base).get(extra.get(1) % targets(base).size());
    Network n = base.toBuilder().canConnect(from, to, SERVICES.get(extra.get(2)
        % SERVICES.size())).never(from, to).build();
    Proof p = Prover.prove(n).get(n.assertions().size() - 1);
    assertEquals(Proof.Status.VIOLATED, p.status());
    new Brute(n).confirm(p.assertion(), p.counterexample().get());
  }

  /**
   * The independent model: endpoint membership and rule matching written out plainly, and every
   * packet of the universe enumerated.
   */
  static final class Brute {
    private final Network n;
    private final List<Long> universe = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<Container> relays;
    private final List<Subnet> subnets;
    /** Each address a host holds, with the host: its own, and .1 and .6 where it plays them. */
    private final java.util.Map<Long, String> held = new java.util.HashMap<>();
    /** The rules plus what every host accepts: default ssh, ping and DNS from its subnets. */
    private final List<Rule> rules = new ArrayList<>();
    /** DNS (udp and tcp 53) from a subnet (its first address) to its nameserver address. */
    private final List<long[]> dns = new ArrayList<>();

    Brute(Network n) {
      this.n = n;
      this.subnets = n.subnets();
      rules.addAll(n.rules());
      for (Host h : n.hosts()) {
        for (String name : h.carriedSubnets()) {
          Subnet s = n.subnet(name).orElseThrow();
          long base = s.cidr().first().toLong();
          h.addresses().stream().filter(a -> a.subnet().equals(name))
              .forEach(a -> held.put(a.address().orElseThrow().toLong(), h.name()));
          if (h.router()) {
            held.put(base + 1, h.name());
          }
          if (h.nameserver()) {
            held.put(base + 6, h.name());
          }
          boolean holds = held.keySet().stream().anyMatch(a -> a >= base && a < base + 8);
          Endpoint host = Endpoint.ofHost(h.name());
          if (holds) {
            rules.add(new Rule(Endpoint.ofSubnet(name), host, List.of(Service.parse("icmp"))));
          }
          if (h.nameserver()) {
            dns.add(new long[] {base, base + 6});
          }
        }
        if (n.subnets().stream().anyMatch(s -> s.zone().equals("management"))) {
          rules.add(new Rule(Endpoint.ofZone("management"), Endpoint.ofHost(h.name()),
              List.of(Service.parse("tcp/22"))));
        }
      }
      for (Subnet s : subnets) {
        for (Ipv4Address a : s.cidr().addresses()) {
          universe.add(a.toLong());
        }
      }
      universe.add(Ipv4Address.parse("8.8.8.8").toLong()); // the internet
      universe.add(Ipv4Address.parse("172.16.0.1").toLong()); // private, in no subnet
      universe.add(n.supernet().last().toLong()); // the supernet, in no subnet
      TreeSet<Integer> p = new TreeSet<>();
      for (int bound : BOUNDS) {
        for (int q = bound - 1; q <= bound + 1; q++) {
          if (q >= 1 && q <= 65535) {
            p.add(q);
          }
        }
      }
      ports.addAll(p);
      relays = n.containers().stream().filter(c -> c.attachments().size() >= 2).toList();
    }

    static boolean privateAddress(long a) {
      return within(a, "10.0.0.0/8") || within(a, "172.16.0.0/12")
          || within(a, "192.168.0.0/16") || within(a, "169.254.0.0/16");
    }

    static boolean within(long a, String prefix) {
      return Prefix.parse(prefix).contains(Ipv4Address.of(a));
    }

    boolean in(Endpoint e, long a) {
      Ipv4Address address = Ipv4Address.of(a);
      if (e instanceof Endpoint.OfHost h) {
        return h.name().equals(held.get(a));
      }
      if (e instanceof Endpoint.OfSubnet s) {
        return !held.containsKey(a)
            && n.subnet(s.name()).map(x -> x.cidr().contains(address)).orElse(false);
      }
      if (e instanceof Endpoint.OfZone z) {
        return !held.containsKey(a) && subnets.stream().anyMatch(x -> x.zone().equals(z.name())
            && x.cidr().contains(address));
      }
      if (e instanceof Endpoint.OfContainer c) {
        return n.container(c.name()).map(x -> x.attachments().stream()
            .anyMatch(at -> at.address().equals(java.util.Optional.of(address)))).orElse(false);
      }
      return !privateAddress(a) && !(n.publicSupernet() && n.supernet().contains(address));
    }

    static boolean matches(List<Service> services, Packet.Protocol protocol, int port) {
      for (Service s : services) {
        boolean hit = switch (s.protocol()) {
          case ANY -> true;
          case ICMP -> protocol == Packet.Protocol.ICMP;
          case TCP -> protocol == Packet.Protocol.TCP && port >= s.fromPort() && port <= s.toPort();
          case UDP -> protocol == Packet.Protocol.UDP && port >= s.fromPort() && port <= s.toPort();
        };
        if (hit) {
          return true;
        }
      }
      return false;
    }

    boolean allowed(long s, long d, Packet.Protocol protocol, int port) {
      for (Subnet x : subnets) {
        if (x.cidr().contains(Ipv4Address.of(s)) && x.cidr().contains(Ipv4Address.of(d))
            && !held.containsKey(s) && !held.containsKey(d)) {
          return true;
        }
      }
      for (Rule r : rules) {
        if (in(r.from(), s) && in(r.to(), d) && matches(r.services(), protocol, port)) {
          return true;
        }
      }
      for (long[] x : dns) {
        boolean fromSubnet = s >= x[0] && s < x[0] + 8 && !held.containsKey(s);
        if (fromSubnet && d == x[1] && port == 53
            && (protocol == Packet.Protocol.UDP || protocol == Packet.Protocol.TCP)) {
          return true;
        }
      }
      return false;
    }

    boolean allowed(Packet f) {
      return allowed(f.src().toLong(), f.dst().toLong(), f.protocol(), f.port());
    }

    /** Whether some packet of any protocol and port goes from {@code s} to {@code d}. */
    boolean anyAllowed(long s, long d) {
      for (Packet.Protocol protocol : Packet.Protocol.values()) {
        if (protocol.hasPorts()) {
          for (int port : ports) {
            if (allowed(s, d, protocol, port)) {
              return true;
            }
          }
        } else if (allowed(s, d, protocol, 0)) {
          return true;
        }
      }
      return false;
    }

    static List<Long> addresses(Container c) {
      return c.attachments().stream().flatMap(a -> a.address().stream())
          .map(Ipv4Address::toLong).toList();
    }

    /** Footholds: {@code from}, grown by every relay a foothold may open a connection to. */
    BitSet footholds(Endpoint from) {
      BitSet held = new BitSet();
      for (int i = 0; i < universe.size(); i++) {
        if (in(from, universe.get(i))) {
          held.set(i);
        }
      }
      boolean[] taken = new boolean[relays.size()];
      for (boolean grew = true; grew; ) {
        grew = false;
        for (int r = 0; r < relays.size(); r++) {
          if (taken[r] || !reaches(held, addresses(relays.get(r)))) {
            continue;
          }
          taken[r] = true;
          grew = true;
          addresses(relays.get(r)).forEach(a -> held.set(universe.indexOf(a)));
        }
      }
      return held;
    }

    private boolean reaches(BitSet held, List<Long> targets) {
      for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
        for (long d : targets) {
          if (anyAllowed(universe.get(i), d)) {
            return true;
          }
        }
      }
      return false;
    }

    boolean violated(Assertion a) {
      BitSet held = footholds(a.from());
      List<Long> targets = universe.stream().filter(d -> in(a.to(), d)).toList();
      return reaches(held, targets);
    }

    /** Whether {@code claimed} is exactly what some packet from {@code f} to {@code t} may use. */
    boolean directServices(Endpoint f, Endpoint t, ServiceSet claimed) {
      List<Long> sources = universe.stream().filter(s -> in(f, s)).toList();
      List<Long> targets = universe.stream().filter(d -> in(t, d)).toList();
      for (Packet.Protocol protocol : Packet.Protocol.values()) {
        for (int port : protocol.hasPorts() ? ports : List.of(0)) {
          boolean used = false;
          for (long s : sources) {
            for (long d : targets) {
              used = used || allowed(s, d, protocol, port);
            }
          }
          if (used != claimed.contains(protocol, port)) {
            return false;
          }
        }
      }
      return true;
    }

    /** Checks every hop of a counterexample with this model. */
    void confirm(Assertion a, Path path) {
      List<Hop> hops = path.hops();
      assertTrue(in(a.from(), hops.get(0).packet().src().toLong()), "src in " + a.from());
      assertTrue(in(a.to(), hops.get(hops.size() - 1).packet().dst().toLong()),
          "dst in " + a.to());
      for (int i = 0; i < hops.size(); i++) {
        Hop hop = hops.get(i);
        assertTrue(allowed(hop.packet()), "hop " + hop);
        for (Rule r : hop.rules()) {
          assertTrue(in(r.from(), hop.packet().src().toLong()) && in(r.to(),
              hop.packet().dst().toLong()) && matches(r.services(), hop.packet().protocol(),
              hop.packet().port()), r + " allows " + hop.packet());
        }
        if (i < path.relays().size()) {
          Container relay = n.container(path.relays().get(i)).orElseThrow();
          assertTrue(relay.attachments().size() >= 2, relay.name() + " is multi-homed");
          assertTrue(addresses(relay).contains(hop.packet().dst().toLong())
              && addresses(relay).contains(hops.get(i + 1).packet().src().toLong()),
              "hops meet at relay " + relay.name());
        }
      }
    }
  }
}
