package org.cimnet.core.plan;

import java.util.ArrayList;
import java.util.Collection;
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
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.FirewallPlan.AllowRule;
import org.cimnet.core.plan.FirewallPlan.Direction;
import org.cimnet.core.plan.FirewallPlan.HostService;
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
    final NameserverPeers nameservers;

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
      nameservers = new NameserverPeers(network, subnets);
    }
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
    AllowSets sets = new AllowSets();
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
      queries = ctx.nameservers.queries(host, routing);
    }
    if (uplink.isPresent() && ctx.nameservers.several()) {
      // With several nameservers this one sends from its first nameserver address (peers know
      // it by that) and asks the forwarders for all of them: those queries take the public
      // address like any connection to the internet.
      List<Ipv4Address> own = ctx.nameservers.of(host.name());
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
        List.copyOf(nat), publishes, behind, parent, ctx.nameservers.peers(host), queries, services,
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

  private static void compileRule(Context ctx, Local local, Rule rule, AllowSets sets,
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
  private static void elements(Local local, Side from, Side to, Service service, AllowSets sets) {
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
}
