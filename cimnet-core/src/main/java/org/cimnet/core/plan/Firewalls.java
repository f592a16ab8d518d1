package org.cimnet.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.FirewallPlan.Allow;
import org.cimnet.core.plan.FirewallPlan.AllowRule;
import org.cimnet.core.plan.FirewallPlan.AllowSet;
import org.cimnet.core.plan.FirewallPlan.Direction;
import org.cimnet.core.plan.FirewallPlan.HostService;
import org.cimnet.core.plan.FirewallPlan.Match;
import org.cimnet.core.plan.FirewallPlan.Publish;
import org.cimnet.core.plan.FirewallPlan.Side;
import org.cimnet.core.plan.FirewallPlan.SubnetPort;
import org.cimnet.core.plan.FirewallPlan.Uplink;
import org.cimnet.core.plan.FirewallPlan.ZoneSet;
import org.cimnet.core.plan.InterfacePlan.Purpose;
import org.cimnet.core.routing.Routing;

/**
 * Compiles the network's rules into each host's {@link FirewallPlan}.
 *
 * <p>A host filters what it routes: a rule takes effect on a host only where both of its ends are
 * there (a subnet the host holds an interface in, a container address in such a subnet, a zone
 * with at least one such subnet, or the internet when the host holds the uplink). Rules between
 * concrete addresses become set elements, so the ruleset grows with rules and subnets, never with
 * pairs of hosts; rules naming a zone become one line per service over the zone's set.
 */
public final class Firewalls {
  /** The spaces that are never the internet: RFC 1918 and IPv4 link-local. */
  static final List<Prefix> PRIVATE_SPACES = List.of(Prefix.parse("10.0.0.0/8"),
      Prefix.parse("172.16.0.0/12"), Prefix.parse("192.168.0.0/16"),
      Prefix.parse("169.254.0.0/16"));

  private Firewalls() {}

  /**
   * Every host's firewall, in host order, from the network's host plans
   * ({@code ValidatedNetwork.firewalls()} passes a validated network's own).
   */
  public static Map<String, FirewallPlan> of(Network network, Map<String, HostPlan> plans) {
    Context ctx = new Context(network);
    Map<String, FirewallPlan> result = new LinkedHashMap<>();
    for (Host host : ctx.network.hosts()) {
      result.put(host.name(), compile(ctx, host, plans.get(host.name())));
    }
    return result;
  }

  /**
   * Each host's firewall on demand, from its plan ({@link Plans#of(Network)}, or a validated
   * network's own), the lookups shared by every host made once: for renderers that make one host
   * at a time, so that no more than the hosts being rendered have their firewall in memory. Safe
   * to use from several threads.
   */
  public static Function<HostPlan, FirewallPlan> compiler(Network network) {
    Context ctx = new Context(network);
    Map<String, Host> hosts = new HashMap<>();
    ctx.network.hosts().forEach(h -> hosts.put(h.name(), h));
    return plan -> compile(ctx, hosts.get(plan.host()), plan);
  }

  /**
   * One host's firewall, from the network's host plans.
   *
   * @throws IllegalArgumentException if the network has no host of that name
   */
  public static FirewallPlan plan(Network network, Map<String, HostPlan> plans, String host) {
    Host h = network.host(host).orElseThrow(() -> new IllegalArgumentException(
        "Host '" + host + "' is not declared: no firewall to plan"));
    return compile(new Context(network), h, plans.get(h.name()));
  }

  /** Lookups shared by every host, computed once. */
  private static final class Context {
    final Network network;
    final Map<String, Subnet> subnets = new HashMap<>();
    final Map<String, Container> containers = new HashMap<>();
    final List<Prefix> privateSpaces;
    final Routing routing;
    /** Every rule to a host, the default host services among them. */
    final List<Rule> hostServices;

    Context(Network network) {
      this.network = network;
      this.routing = Routing.of(network);
      this.hostServices = network.effectiveRules().stream()
          .filter(r -> r.to() instanceof Endpoint.OfHost).toList();
      network.subnets().forEach(s -> subnets.put(s.name(), s));
      network.containers().forEach(c -> containers.put(c.name(), c));
      List<Prefix> spaces = new ArrayList<>(PRIVATE_SPACES);
      if (spaces.stream().noneMatch(p -> p.contains(network.supernet()))) {
        spaces.add(network.supernet());
      }
      privateSpaces = List.copyOf(spaces);
      for (Host h : network.hosts()) {
        List<Ipv4Address> held = new ArrayList<>();
        for (String s : h.servedSubnets()) {
          Subnet subnet = subnets.get(s);
          if (subnet != null && !subnet.reserved()
              && network.convention().fits(subnet.cidr(), Role.NAMESERVER)) {
            Ipv4Address ns = network.convention().address(subnet.cidr(), Role.NAMESERVER);
            held.add(ns);
            nameserverSubnet.put(ns, s);
          }
        }
        if (!held.isEmpty()) {
          nameserverAddresses.add(held);
          nameserverAddressesOf.put(h.name(), held);
        }
      }
    }

    /** Per nameserver host (host order), the nameserver addresses it holds, in leaf order. */
    final List<List<Ipv4Address>> nameserverAddresses = new ArrayList<>();
    /** The same lists by host name. */
    final Map<String, List<Ipv4Address>> nameserverAddressesOf = new HashMap<>();
    /** The subnet of every nameserver address. */
    final Map<Ipv4Address, String> nameserverSubnet = new HashMap<>();
  }

  /**
   * The host's view while compiling: the subnets its rules reach by name (its own interfaces'
   * first, then those routed elsewhere in its routing tree), indexed by address and grouped by
   * zone (each made once per host, so a rule costs no scan of the subnets), whether the
   * internet is reached, and the zone sets used so far.
   */
  private record Local(Map<String, SubnetPort> ports, SubnetIndex index,
      Map<String, List<Prefix>> zoneCidrs, boolean internet, Map<String, ZoneSet> zones,
      String host, Routing routing) {
    Local(Map<String, SubnetPort> ports, boolean internet, String host, Routing routing) {
      this(ports, new SubnetIndex(ports.values()), byZone(ports.values()), internet,
          new TreeMap<>(), host, routing);
    }

    private static Map<String, List<Prefix>> byZone(Collection<SubnetPort> ports) {
      Map<String, List<Prefix>> zones = new HashMap<>();
      for (SubnetPort p : ports) {
        zones.computeIfAbsent(p.zone(), z -> new ArrayList<>()).add(p.cidr());
      }
      return zones;
    }

    /** Whether this host forwards between the subnets holding the two prefixes. */
    boolean forwards(Optional<Prefix> from, Optional<Prefix> to) {
      String a = from.map(p -> index.holding(p)).orElse(null);
      String b = to.map(p -> index.holding(p)).orElse(null);
      return routing.forwards(host, a, b);
    }
  }

  /**
   * Subnets as address ranges sorted by first address. A network's subnets never overlap (the
   * checker's subnet.overlap), so the only one that can hold a prefix is the last that starts at
   * or below it: a binary search.
   */
  private static final class SubnetIndex {
    private final long[] firsts;
    private final long[] lasts;
    private final String[] names;

    SubnetIndex(Collection<SubnetPort> ports) {
      SubnetPort[] sorted = ports.stream()
          .sorted(Comparator.comparingLong(p -> p.cidr().first().toLong()))
          .toArray(SubnetPort[]::new);
      firsts = new long[sorted.length];
      lasts = new long[sorted.length];
      names = new String[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        firsts[i] = sorted[i].cidr().first().toLong();
        lasts[i] = sorted[i].cidr().last().toLong();
        names[i] = sorted[i].subnet();
      }
    }

    private int at(Prefix a) {
      int k = Arrays.binarySearch(firsts, a.first().toLong());
      return k >= 0 ? k : -k - 2;
    }

    /** Whether one of the subnets holds both {@code a} and {@code b}. */
    boolean same(Prefix a, Prefix b) {
      int k = at(a);
      return k >= 0 && lasts[k] >= a.last().toLong() && firsts[k] <= b.first().toLong()
          && lasts[k] >= b.last().toLong();
    }

    /** The subnet holding {@code a}, or null. */
    String holding(Prefix a) {
      int k = at(a);
      return k >= 0 && lasts[k] >= a.last().toLong() ? names[k] : null;
    }
  }

  private static FirewallPlan compile(Context ctx, Host host, HostPlan plan) {
    Map<String, SubnetPort> ports = new LinkedHashMap<>();
    for (InterfacePlan i : plan.interfaces()) {
      Optional<Ipv4Address> ns = i.addresses().stream()
          .filter(a -> a.purpose() == Purpose.NAMESERVER).map(a -> a.address()).findFirst();
      ports.put(i.subnet(), new SubnetPort(i.name(), i.subnet(), i.cidr(),
          ctx.subnets.get(i.subnet()).zone(), ns));
    }
    Optional<Uplink> uplink = Optional.empty();
    Optional<Internet> internet = ctx.network.internet();
    if (internet.isPresent() && host.routes(internet.get().via())
        && ports.containsKey(internet.get().via())) {
      uplink = Optional.of(new Uplink(ports.get(internet.get().via()).ifname(),
          internet.get().publicAddress()));
    }
    Routing routing = ctx.routing;
    Optional<FirewallPlan.Parent> parent = routing.uplink(host.name()).map(up ->
        new FirewallPlan.Parent(Ifnames.subnetPort(up.subnet()), routing.below(host.name())
            .stream().map(s -> ctx.subnets.get(s).cidr()).toList()));
    List<FirewallPlan.Behind> behind = new ArrayList<>();
    for (String child : routing.children(host.name())) {
      String ifname = Ifnames.subnetPort(routing.uplink(child).orElseThrow().subnet());
      routing.below(child).forEach(s -> behind.add(new FirewallPlan.Behind(ifname,
          ctx.subnets.get(s).cidr())));
    }
    // A router filters whatever it forwards: its rules reach every subnet of its routing tree.
    Map<String, SubnetPort> reach = new LinkedHashMap<>(ports);
    List<String> mine = host.routedSubnets();
    if (!mine.isEmpty()) {
      for (Subnet s : ctx.network.subnets()) {
        if (!reach.containsKey(s.name()) && routing.connects(mine.get(0), s.name())) {
          reach.put(s.name(), new SubnetPort("", s.name(), s.cidr(), s.zone(),
              Optional.empty()));
        }
      }
    }
    Local local = new Local(reach, uplink.isPresent() || parent.isPresent(), host.name(),
        routing);
    Sets sets = new Sets();
    List<AllowRule> lines = new ArrayList<>();
    Set<Prefix> nat = new LinkedHashSet<>();
    FirewallPlan.DnsQueries queries = FirewallPlan.DnsQueries.NONE;
    if (host.router()) {
      for (Rule rule : ctx.network.rules()) {
        if (rule.to() instanceof Endpoint.OfHost || rule.from() instanceof Endpoint.OfHost) {
          continue; // a host service, compiled into the input chain below
        }
        compileRule(ctx, local, rule, sets, lines, nat);
      }
      queries = nameserverPeers(ctx, local, host);
    }
    if (uplink.isPresent() && ctx.nameserverAddresses.size() > 1) {
      // With several nameservers this one sends from its first nameserver address (peers know
      // it by that) and asks the forwarders for all of them: those queries take the public
      // address like any connection to the internet.
      List<Ipv4Address> own = ctx.nameserverAddressesOf.getOrDefault(host.name(), List.of());
      if (!own.isEmpty()) {
        nat.add(Prefix.containing(own.get(0), 32));
      }
    }
    List<Publish> publishes = uplink.isPresent() ? publishes(ctx, host, reach) : List.of();
    List<HostService> services = new ArrayList<>();
    Set<Prefix> serviceSources = new LinkedHashSet<>();
    Endpoint self = Endpoint.ofHost(host.name());
    for (Rule rule : ctx.hostServices) {
      if (rule.to().equals(self)) {
        hostService(ctx, uplink.isPresent(), rule, services, serviceSources);
      }
    }
    return new FirewallPlan(host.name(), List.copyOf(ports.values()), uplink,
        ctx.privateSpaces, List.copyOf(local.zones().values()), sets.build(), lines,
        List.copyOf(nat), publishes, behind, parent, dnsPeers(ctx, host), queries, services,
        List.copyOf(serviceSources));
  }

  /**
   * The input lines of one host service. Its sources are global (every subnet of a zone,
   * wherever it is routed): a connection to the host may come from any router.
   */
  private static void hostService(Context ctx, boolean uplink, Rule rule,
      List<HostService> services, Set<Prefix> sources) {
    FirewallPlan.Side from;
    Endpoint e = rule.from();
    if (e instanceof Endpoint.OfInternet) {
      if (!uplink) {
        return;
      }
      from = new FirewallPlan.Side.OfInternet();
    } else {
      List<Prefix> cidrs = new ArrayList<>();
      if (e instanceof Endpoint.OfSubnet s && ctx.subnets.containsKey(s.name())) {
        cidrs.add(ctx.subnets.get(s.name()).cidr());
      } else if (e instanceof Endpoint.OfZone z) {
        ctx.network.zone(z.name()).forEach(s -> cidrs.add(s.cidr()));
      } else if (e instanceof Endpoint.OfContainer c && ctx.containers.containsKey(c.name())) {
        ctx.containers.get(c.name()).attachments().stream().map(Attachment::address)
            .flatMap(Optional::stream).forEach(a -> cidrs.add(Prefix.containing(a, 32)));
      }
      if (cidrs.isEmpty()) {
        return;
      }
      from = new FirewallPlan.Side.Cidrs(cidrs);
      sources.addAll(cidrs);
    }
    for (Service service : rule.services()) {
      services.add(new HostService(from, service, rule.toString()));
    }
  }

  /**
   * Nameservers on different hosts ask each other (see {@link DnsPlans}), from their first
   * nameserver address to every address a peer holds: where such a query is routed, every router
   * on the way lets it through (udp and tcp 53). A router lets the askers whose queries it
   * forwards reach the addresses it forwards them to, as two sets: routes decide which pair
   * passes where, so the pairs themselves (nameserver hosts x nameserver addresses, on the
   * root of a tree of routers) are never listed. The router's own queries and the queries to
   * its own addresses are its input and output, not forwarded. Forwarding depends on the
   * routers of the two subnets only, so each pair of routers is asked once.
   */
  private static FirewallPlan.DnsQueries nameserverPeers(Context ctx, Local local, Host host) {
    List<List<Ipv4Address>> servers = ctx.nameserverAddresses;
    if (servers.size() < 2) {
      return FirewallPlan.DnsQueries.NONE;
    }
    Map<String, Boolean> forwards = new HashMap<>();
    List<Ipv4Address> askers = new ArrayList<>();
    Set<Ipv4Address> asked = new LinkedHashSet<>();
    Set<String> mine = new java.util.HashSet<>(host.servedSubnets());
    for (List<Ipv4Address> asker : servers) {
      String from = ctx.nameserverSubnet.get(asker.get(0));
      if (mine.contains(from)) {
        continue;
      }
      String fromRouter = local.routing().routerOf(from).orElse("");
      boolean any = false;
      for (List<Ipv4Address> peer : servers) {
        if (peer == asker) {
          continue;
        }
        for (Ipv4Address a : peer) {
          String to = ctx.nameserverSubnet.get(a);
          if (mine.contains(to)) {
            continue;
          }
          String key = fromRouter + "\0" + local.routing().routerOf(to).orElse("");
          if (forwards.computeIfAbsent(key,
              k -> local.routing().forwards(local.host(), from, to))) {
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
  private static List<Ipv4Address> dnsPeers(Context ctx, Host host) {
    List<Ipv4Address> peers = new ArrayList<>();
    if (ctx.nameserverAddresses.size() > 1) {
      List<String> mine = host.servedSubnets();
      for (List<Ipv4Address> held : ctx.nameserverAddresses) {
        held.stream().filter(a -> mine.stream().noneMatch(s -> ctx.subnets.get(s).cidr()
            .contains(a))).forEach(peers::add);
      }
    }
    return peers;
  }

  private static void compileRule(Context ctx, Local local, Rule rule, Sets sets,
      List<AllowRule> lines, Set<Prefix> nat) {
    Optional<Side> from = side(ctx, local, rule.from());
    Optional<Side> to = side(ctx, local, rule.to());
    if (from.isEmpty() || to.isEmpty()) {
      return;
    }
    Side f = from.get();
    Side t = to.get();
    if (f instanceof Side.OfInternet && t instanceof Side.OfInternet) {
      return;
    }
    if (t instanceof Side.OfInternet) {
      if (f instanceof Side.Cidrs c) {
        nat.addAll(c.cidrs());
      } else if (f instanceof Side.Zone z) {
        nat.addAll(local.zones().get(z.set()).cidrs());
      }
    }
    for (Service service : rule.services()) {
      if (f instanceof Side.Zone || t instanceof Side.Zone) {
        lines.add(new AllowRule(f, t, service, rule.toString()));
      } else {
        elements(local, f, t, service, sets);
      }
    }
  }

  /** Adds the set elements of one service between concrete ends (one end may be the internet). */
  private static void elements(Local local, Side from, Side to, Service service, Sets sets) {
    List<Optional<Prefix>> sources = from instanceof Side.Cidrs c
        ? c.cidrs().stream().map(Optional::of).toList() : List.of(Optional.empty());
    List<Optional<Prefix>> targets = to instanceof Side.Cidrs c
        ? c.cidrs().stream().map(Optional::of).toList() : List.of(Optional.empty());
    Direction direction = from instanceof Side.OfInternet ? Direction.INBOUND
        : to instanceof Side.OfInternet ? Direction.OUTBOUND : Direction.FORWARD;
    for (Optional<Prefix> s : sources) {
      for (Optional<Prefix> d : targets) {
        if (s.isPresent() && d.isPresent() && sameSubnet(local, s.get(), d.get())) {
          continue;
        }
        // Only a router on the way between the two ends ever sees the traffic.
        if (!local.forwards(s, d)) {
          continue;
        }
        sets.add(direction, s, d, service);
      }
    }
  }

  /** Traffic inside one subnet is switched, never routed: no rule is needed or compiled. */
  private static boolean sameSubnet(Local local, Prefix a, Prefix b) {
    return local.index().same(a, b);
  }

  /** What an endpoint is on this host, or empty when it does not reach the host. */
  private static Optional<Side> side(Context ctx, Local local, Endpoint endpoint) {
    if (endpoint instanceof Endpoint.OfSubnet s) {
      SubnetPort port = local.ports().get(s.name());
      return port == null ? Optional.empty()
          : Optional.of(new Side.Cidrs(List.of(port.cidr())));
    }
    if (endpoint instanceof Endpoint.OfContainer c) {
      Container container = ctx.containers.get(c.name());
      if (container == null) {
        return Optional.empty();
      }
      List<Prefix> cidrs = new ArrayList<>();
      for (Attachment a : container.attachments()) {
        if (local.ports().containsKey(a.subnet()) && a.address().isPresent()) {
          cidrs.add(Prefix.containing(a.address().get(), 32));
        }
      }
      return cidrs.isEmpty() ? Optional.empty() : Optional.of(new Side.Cidrs(cidrs));
    }
    if (endpoint instanceof Endpoint.OfZone z) {
      List<Prefix> cidrs = local.zoneCidrs().getOrDefault(z.name(), List.of());
      if (cidrs.isEmpty()) {
        return Optional.empty();
      }
      String set = "zone_" + z.name();
      local.zones().putIfAbsent(set, new ZoneSet(set, z.name(), cidrs));
      return Optional.of(new Side.Zone(set));
    }
    return local.internet() ? Optional.of(new Side.OfInternet()) : Optional.empty();
  }

  /**
   * The services containers publish on the public address, to the container's first address
   * in a subnet this host routes, wherever the container runs (a subnet may stretch to other
   * hosts). A service overlapping one published before is left out (only one
   * container can own a port of the one public address).
   */
  private static List<Publish> publishes(Context ctx, Host host, Map<String, SubnetPort> ports) {
    List<Publish> result = new ArrayList<>();
    for (Container c : ctx.network.containers()) {
      if (c.publishes().isEmpty()) {
        continue;
      }
      Optional<Ipv4Address> to = c.attachments().stream()
          .filter(a -> ports.containsKey(a.subnet())).map(Attachment::address)
          .flatMap(Optional::stream).findFirst();
      if (to.isEmpty()) {
        continue;
      }
      for (Service s : c.publishes()) {
        if (result.stream().noneMatch(p -> overlaps(p.service(), s))) {
          result.add(new Publish(s, to.get(), c.name()));
        }
      }
    }
    return result;
  }

  private static boolean overlaps(Service a, Service b) {
    if (a.protocol() == Service.Protocol.ANY || b.protocol() == Service.Protocol.ANY) {
      return true;
    }
    return a.protocol() == b.protocol() && a.fromPort() <= b.toPort()
        && b.fromPort() <= a.toPort();
  }

  /** Collects elements by set, merging port ranges so elements stay disjoint. */
  private static final class Sets {
    private record Key(Direction direction, Match match, int fromLength, int toLength) {}

    private record Flow(Optional<Prefix> from, Optional<Prefix> to,
        Optional<Service.Protocol> protocol) {}

    private final Map<Key, Map<Flow, List<int[]>>> sets = new LinkedHashMap<>();

    void add(Direction direction, Optional<Prefix> from, Optional<Prefix> to, Service service) {
      Match match = Match.of(service);
      Key key = new Key(direction, match, from.map(Prefix::length).orElse(0),
          to.map(Prefix::length).orElse(0));
      Optional<Service.Protocol> protocol = match == Match.ANY ? Optional.empty()
          : Optional.of(service.protocol());
      List<int[]> ranges = sets.computeIfAbsent(key, k -> new LinkedHashMap<>())
          .computeIfAbsent(new Flow(from, to, protocol), k -> new ArrayList<>());
      if (match == Match.PORTS) {
        ranges.add(new int[] {service.fromPort(), service.toPort()});
      }
    }

    List<AllowSet> build() {
      List<AllowSet> result = new ArrayList<>();
      sets.entrySet().stream().sorted((a, b) -> compare(a.getKey(), b.getKey())).forEach(e -> {
        Key k = e.getKey();
        List<Allow> elements = new ArrayList<>();
        e.getValue().forEach((flow, ranges) -> {
          if (k.match() != Match.PORTS) {
            elements.add(new Allow(flow.from(), flow.to(), flow.protocol(), 0, 0));
          } else {
            for (int[] r : merge(ranges)) {
              elements.add(new Allow(flow.from(), flow.to(), flow.protocol(), r[0], r[1]));
            }
          }
        });
        String name = k.direction().key() + "_" + k.match().key()
            + (k.direction() == Direction.INBOUND ? "" : "_" + k.fromLength())
            + (k.direction() == Direction.OUTBOUND ? "" : "_" + k.toLength());
        result.add(new AllowSet(name, k.direction(), k.match(), k.fromLength(), k.toLength(),
            elements));
      });
      return result;
    }

    private static int compare(Key a, Key b) {
      int c = a.direction().compareTo(b.direction());
      c = c != 0 ? c : a.match().compareTo(b.match());
      c = c != 0 ? c : Integer.compare(a.fromLength(), b.fromLength());
      return c != 0 ? c : Integer.compare(a.toLength(), b.toLength());
    }

    /** The union of port ranges, as disjoint, non-adjacent ranges in ascending order. */
    private static List<int[]> merge(List<int[]> ranges) {
      List<int[]> sorted = new ArrayList<>(ranges);
      sorted.sort((x, y) -> Integer.compare(x[0], y[0]));
      List<int[]> merged = new ArrayList<>();
      for (int[] r : sorted) {
        int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && r[0] <= last[1] + 1) {
          last[1] = Math.max(last[1], r[1]);
        } else {
          merged.add(new int[] {r[0], r[1]});
        }
      }
      return merged;
    }
  }
}
