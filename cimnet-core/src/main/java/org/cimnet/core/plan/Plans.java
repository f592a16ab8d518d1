package org.cimnet.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.ipam.Macs;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Leaf;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.InterfacePlan.InterfaceAddress;
import org.cimnet.core.plan.InterfacePlan.Purpose;
import org.cimnet.core.routing.Routing;

/** Builds the per-host plans of a validated network; see the package doc for the design. */
public final class Plans {
  /** The bridge every host's trunk NICs join; leaf names may not take it. */
  public static final String UPLINK_BRIDGE = "uplink";
  /** The bond over a host's trunk NICs, a port of the uplink bridge. */
  public static final String BOND = "bond0";
  /** The OVS bond mode; see the package doc for why. */
  public static final String BOND_MODE = "balance-slb";
  /** The patch port of every leaf is OpenFlow port 1; internal ports follow, from 2. */
  public static final int PATCH_OFPORT = 1;
  /**
   * Container ports take OpenFlow ports from here on (internal ports, at most one per VLAN, stay
   * below it).
   */
  public static final int CONTAINER_OFPORT_BASE = 5000;
  /** How many OpenFlow port numbers container ports choose from (OVS allows up to 65279). */
  public static final int CONTAINER_OFPORTS = 60_000;

  private Plans() {}

  /**
   * Plans a concrete network, afresh on every call: one plan per host, in host declaration order.
   * The checker plans before it validates, to check derived names; renderers take a validated
   * network's own plans, made once ({@code ValidatedNetwork.plans()}).
   */
  public static Map<String, HostPlan> of(Network network) {
    Context ctx = new Context(network);
    Map<String, HostPlan> plans = new LinkedHashMap<>();
    for (Host host : network.hosts()) {
      plans.put(host.name(), plan(ctx, host));
    }
    return plans;
  }

  /**
   * The private addresses {@code host} holds itself, as its interface plans hold them (its own
   * addresses, and the gateway and nameserver addresses of the subnets it routes and serves;
   * not the public address), in plan order. The prover reaches them only through host services.
   */
  public static List<Ipv4Address> heldAddresses(Network network, Host host) {
    List<Ipv4Address> out = new ArrayList<>();
    for (String subnet : host.carriedSubnets()) {
      Optional<Subnet> s = network.subnet(subnet);
      if (s.isEmpty() || s.get().reserved()) {
        continue;
      }
      host.addresses().stream().filter(a -> a.subnet().equals(subnet))
          .map(HostAddress::address).flatMap(Optional::stream).forEach(out::add);
      if (host.routes(subnet) && network.convention().fits(s.get().cidr(), Role.GATEWAY)) {
        out.add(network.convention().address(s.get().cidr(), Role.GATEWAY));
      }
      if (host.serves(subnet) && network.convention().fits(s.get().cidr(), Role.NAMESERVER)) {
        out.add(network.convention().address(s.get().cidr(), Role.NAMESERVER));
      }
    }
    return out;
  }

  private static List<String> carried(Context ctx, Host host) {
    return host.carriedSubnets().stream()
        .filter(s -> ctx.subnets.containsKey(s) && !ctx.subnets.get(s).reserved()).toList();
  }

  /** Lookups shared by every host's plan, computed once. */
  private static final class Context {
    final Network network;
    final Map<String, Subnet> subnets = new HashMap<>();
    final Set<String> routed = new HashSet<>();
    final Set<String> served = new HashSet<>();
    final Map<String, List<Container>> containersByHost = new HashMap<>();
    final Map<String, List<Link.Trunk>> trunksByHost = new HashMap<>();
    /** Per subnet, its gateway and nameserver addresses if some host holds them. */
    final Map<String, Optional<Ipv4Address>> gateways = new HashMap<>();
    final Map<String, Optional<Ipv4Address>> nameservers = new HashMap<>();
    final Routing routing;
    /** The closed subnets' known MACs, when the watcher closes some. */
    final Optional<Admission> admission;

    Context(Network network) {
      this.network = network;
      this.routing = Routing.of(network);
      this.admission = Admission.of(network);
      network.subnets().forEach(s -> subnets.put(s.name(), s));
      for (Host h : network.hosts()) {
        routed.addAll(h.routedSubnets());
        served.addAll(h.servedSubnets());
      }
      for (Container c : network.containers()) {
        containersByHost.computeIfAbsent(c.host(), k -> new ArrayList<>()).add(c);
      }
      for (Link link : network.links()) {
        if (link instanceof Link.Trunk t) {
          trunksByHost.computeIfAbsent(t.host(), k -> new ArrayList<>()).add(t);
        }
      }
    }

    int vlan(String subnet) {
      return subnets.get(subnet).vlan().orElseThrow();
    }

    /** Memoized: every container NIC asks for its subnet's gateway and nameserver. */
    Optional<Ipv4Address> role(String subnet, Role role) {
      Map<String, Optional<Ipv4Address>> memo = role == Role.GATEWAY ? gateways : nameservers;
      Optional<Ipv4Address> known = memo.get(subnet);
      if (known == null) {
        known = computeRole(subnet, role);
        memo.put(subnet, known);
      }
      return known;
    }

    private Optional<Ipv4Address> computeRole(String subnet, Role role) {
      Subnet s = subnets.get(subnet);
      boolean held = role == Role.GATEWAY ? routed.contains(subnet) : served.contains(subnet);
      if (s == null || !held || !network.convention().fits(s.cidr(), role)) {
        return Optional.empty();
      }
      return Optional.of(network.convention().address(s.cidr(), role));
    }
  }

  private static HostPlan plan(Context ctx, Host host) {
    List<String> carried = carried(ctx, host);
    // Looked up once per subnet: a host may carry thousands.
    Set<String> carriedSet = new HashSet<>(carried);
    boolean routesAny = !host.routedSubnets().isEmpty();
    List<Link.Trunk> trunks = ctx.trunksByHost.getOrDefault(host.name(), List.of());
    List<HostPlan.NicPlan> nics = new ArrayList<>();
    TreeSet<Integer> uplinkVlans = new TreeSet<>();
    List<String> members = new ArrayList<>();
    for (Nic nic : host.nics()) {
      Optional<Link.Trunk> link = trunks.stream().filter(t -> t.nic().equals(nic.name()))
          .findFirst();
      List<Integer> vlans = link.map(t -> (t.carries().isEmpty() ? carried : t.carries())
          .stream().filter(ctx.subnets::containsKey).map(ctx::vlan).sorted().toList())
          .orElse(List.of());
      String ifname = Ifnames.nic(nic);
      nics.add(new HostPlan.NicPlan(nic.name(), ifname, nic.mac(), link.map(Link.Trunk::spine),
          link.map(Link.Trunk::port).orElse(0), vlans));
      if (link.isPresent()) {
        uplinkVlans.addAll(vlans);
        members.add(ifname);
      }
    }

    List<BridgePlan> bridges = new ArrayList<>();
    List<PortPlan> uplinkPorts = new ArrayList<>();
    if (!members.isEmpty()) {
      uplinkPorts.add(new PortPlan(members.size() == 1 ? members.get(0) : BOND,
          PortPlan.Kind.BOND, 1, OptionalInt.empty(), List.copyOf(uplinkVlans), Optional.empty(),
          members, Optional.empty(), List.of(), host.name()));
    }
    List<InterfacePlan> interfaces = new ArrayList<>();
    List<ContainerPlan> containers = new ArrayList<>();
    Map<String, List<PortPlan>> containerPorts = containerPorts(ctx, host, containers);
    int uplinkOfport = 2;
    for (Leaf leaf : host.leaves()) {
      List<Integer> leafVlans = leaf.subnets().stream().filter(carriedSet::contains)
          .map(ctx::vlan).sorted().toList();
      List<Integer> patched = leafVlans.stream().filter(uplinkVlans::contains).toList();
      List<PortPlan> ports = new ArrayList<>();
      if (!patched.isEmpty()) {
        ports.add(new PortPlan(Ifnames.leafPatch(leaf.name()), PortPlan.Kind.PATCH, PATCH_OFPORT,
            OptionalInt.empty(), patched, Optional.of(Ifnames.uplinkPatch(leaf.name())),
            List.of(), Optional.empty(), List.of(), leaf.name()));
        uplinkPorts.add(new PortPlan(Ifnames.uplinkPatch(leaf.name()), PortPlan.Kind.PATCH,
            uplinkOfport++, OptionalInt.empty(), patched,
            Optional.of(Ifnames.leafPatch(leaf.name())), List.of(), Optional.empty(), List.of(),
            leaf.name()));
      }
      int ofport = PATCH_OFPORT + 1;
      for (String subnet : leaf.subnets()) {
        if (!carriedSet.contains(subnet)) {
          continue;
        }
        Optional<InterfacePlan> l3 = interfacePlan(ctx, host, routesAny, leaf, subnet);
        if (l3.isPresent()) {
          interfaces.add(l3.get());
          ports.add(new PortPlan(l3.get().name(), PortPlan.Kind.INTERNAL, ofport++,
              OptionalInt.of(l3.get().vlan()), List.of(), Optional.empty(), List.of(),
              Optional.of(l3.get().mac()), List.of(), subnet));
        }
      }
      List<PortPlan> secured = new ArrayList<>();
      Set<Integer> taken = new HashSet<>();
      for (PortPlan p : containerPorts.getOrDefault(leaf.name(), List.of())) {
        PortPlan numbered = new PortPlan(p.name(), p.kind(), containerOfport(p.name(), taken),
            p.tag(), p.trunks(), p.peer(), p.members(), p.mac(), p.addresses(), p.owner());
        ports.add(numbered);
        secured.add(numbered);
      }
      bridges.add(new BridgePlan(leaf.name(), leaf.name(), leafVlans, ports,
          new FlowTable(List.of(), secured)));
    }
    if (!uplinkPorts.isEmpty()) {
      List<Flow> uplinkFlows = new ArrayList<>();
      if (ctx.admission.isPresent()) {
        Map<String, Integer> vlans = new HashMap<>();
        for (String s : carried) {
          if (uplinkVlans.contains(ctx.vlan(s))) {
            vlans.put(s, ctx.vlan(s));
          }
        }
        uplinkFlows.addAll(ctx.admission.get().flows(host.name(), vlans, uplinkPorts));
      }
      bridges.add(0, new BridgePlan(UPLINK_BRIDGE, "", List.copyOf(uplinkVlans), uplinkPorts,
          new FlowTable(uplinkFlows, List.of())));
    }
    containers = renumber(containers, bridges);
    return new HostPlan(host.name(), ctx.network.domain(), nics, bridges, interfaces,
        defaultRoute(ctx, host, interfaces), nameservers(ctx, host, interfaces), host.router(),
        host.nameserver(), containers, routes(ctx, host));
  }

  /** The routes between routers this host holds; see {@link Routing}. */
  private static List<HostPlan.StaticRoute> routes(Context ctx, Host host) {
    List<HostPlan.StaticRoute> routes = new ArrayList<>();
    ctx.routing.uplink(host.name()).ifPresent(up -> routes.add(new HostPlan.StaticRoute(
        org.cimnet.core.addr.Prefix.containing(up.gateway(), 32), Optional.empty(),
        Ifnames.subnetPort(up.subnet()))));
    for (String child : ctx.routing.children(host.name())) {
      Routing.Uplink up = ctx.routing.uplink(child).orElseThrow();
      for (String s : ctx.routing.below(child)) {
        routes.add(new HostPlan.StaticRoute(ctx.subnets.get(s).cidr(),
            Optional.of(up.address()), Ifnames.subnetPort(up.subnet())));
      }
    }
    return routes;
  }

  private static Optional<InterfacePlan> interfacePlan(Context ctx, Host host, boolean routesAny,
      Leaf leaf, String subnet) {
    Subnet s = ctx.subnets.get(subnet);
    int length = s.cidr().length();
    List<InterfaceAddress> addresses = new ArrayList<>();
    // A router's own address in a subnet it does not route is a /32 (see Routing).
    int own = routesAny && !host.routes(subnet) ? 32 : length;
    host.addresses().stream().filter(a -> a.subnet().equals(subnet))
        .map(HostAddress::address).flatMap(Optional::stream)
        .forEach(a -> addresses.add(new InterfaceAddress(a, own, Purpose.OWN)));
    if (host.routes(subnet) && ctx.network.convention().fits(s.cidr(), Role.GATEWAY)) {
      addresses.add(new InterfaceAddress(ctx.network.convention().address(s.cidr(),
          Role.GATEWAY), length, Purpose.GATEWAY));
    }
    if (host.serves(subnet) && ctx.network.convention().fits(s.cidr(), Role.NAMESERVER)) {
      addresses.add(new InterfaceAddress(ctx.network.convention().address(s.cidr(),
          Role.NAMESERVER), length, Purpose.NAMESERVER));
    }
    Optional<Internet> internet = ctx.network.internet();
    if (internet.isPresent() && internet.get().via().equals(subnet) && host.routes(subnet)) {
      addresses.add(new InterfaceAddress(internet.get().publicAddress(),
          internet.get().publicNetwork().length(), Purpose.PUBLIC));
    }
    if (addresses.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new InterfacePlan(Ifnames.subnetPort(subnet), subnet, leaf.name(),
        ctx.vlan(subnet), Macs.hostPort(host.name(), subnet), s.cidr(), addresses));
  }

  /** Container ports by leaf, unnumbered; fills {@code plans} with the containers. */
  private static Map<String, List<PortPlan>> containerPorts(Context ctx, Host host,
      List<ContainerPlan> plans) {
    Map<String, List<PortPlan>> byLeaf = new HashMap<>();
    // Host.leafOf scans the leaves; with thousands of containers per host a map pays off.
    Map<String, Leaf> leafOf = new HashMap<>();
    List<Leaf> leaves = host.leaves();
    for (int i = leaves.size() - 1; i >= 0; i--) {
      for (String s : leaves.get(i).subnets()) {
        leafOf.put(s, leaves.get(i));
      }
    }
    for (Container c : ctx.containersByHost.getOrDefault(host.name(), List.of())) {
      List<ContainerPlan.Nic> nics = new ArrayList<>();
      int index = 0;
      for (Attachment a : c.attachments()) {
        index++;
        Optional<Leaf> leaf = Optional.ofNullable(leafOf.get(a.subnet()));
        Subnet s = ctx.subnets.get(a.subnet());
        if (leaf.isEmpty() || s == null || a.address().isEmpty() || a.mac().isEmpty()) {
          continue;
        }
        String port = Ifnames.containerPort(c.name(), index, c.attachments().size());
        int vlan = s.vlan().orElseThrow();
        byLeaf.computeIfAbsent(leaf.get().name(), k -> new ArrayList<>()).add(new PortPlan(port,
            PortPlan.Kind.CONTAINER, 0, OptionalInt.of(vlan), List.of(),
            Optional.empty(), List.of(), a.mac(), List.of(a.address().get()), c.name()));
        nics.add(new ContainerPlan.Nic(port, leaf.get().name(), 0, a.subnet(),
            vlan, a.mac().get(), a.address().get(), s.cidr().length(),
            ctx.role(a.subnet(), Role.GATEWAY), ctx.role(a.subnet(), Role.NAMESERVER)));
      }
      plans.add(new ContainerPlan(c.name(), c.kind(), nics));
    }
    return byLeaf;
  }

  /**
   * A container port's OpenFlow number: first choice a hash of its name, then the next free one.
   * It does not depend on the other ports, so removing or adding a container leaves every other
   * port's number, and the port-security flows that name it, as they were.
   */
  private static int containerOfport(String port, Set<Integer> taken) {
    int start = Math.floorMod(com.google.common.hash.Hashing.murmur3_32_fixed()
        .hashString(port, java.nio.charset.StandardCharsets.UTF_8).asInt(), CONTAINER_OFPORTS);
    for (int i = 0; i < CONTAINER_OFPORTS; i++) {
      int ofport = CONTAINER_OFPORT_BASE + (start + i) % CONTAINER_OFPORTS;
      if (taken.add(ofport)) {
        return ofport;
      }
    }
    throw new IllegalStateException("More than " + CONTAINER_OFPORTS
        + " container ports on one bridge, around '" + port + "'");
  }

  /** Copies the OpenFlow port numbers the bridges gave the container ports into the NICs. */
  private static List<ContainerPlan> renumber(List<ContainerPlan> containers,
      List<BridgePlan> bridges) {
    int ports = 0;
    for (BridgePlan b : bridges) {
      ports += b.ports().size();
    }
    Map<String, Integer> ofports = new HashMap<>(2 * ports);
    for (BridgePlan b : bridges) {
      for (PortPlan p : b.ports()) {
        ofports.put(p.name(), p.ofport());
      }
    }
    List<ContainerPlan> numbered = new ArrayList<>(containers.size());
    for (ContainerPlan c : containers) {
      List<ContainerPlan.Nic> nics = new ArrayList<>(c.nics().size());
      for (ContainerPlan.Nic n : c.nics()) {
        nics.add(new ContainerPlan.Nic(n.port(), n.bridge(), ofports.get(n.port()), n.subnet(),
            n.vlan(), n.mac(), n.address(), n.prefixLength(), n.gateway(), n.nameserver()));
      }
      numbered.add(new ContainerPlan(c.name(), c.kind(), nics));
    }
    return numbered;
  }

  private static Optional<HostPlan.Route> defaultRoute(Context ctx, Host host,
      List<InterfacePlan> interfaces) {
    Optional<Internet> internet = ctx.network.internet();
    if (internet.isPresent() && host.routes(internet.get().via())) {
      Optional<InterfacePlan> via = interfaces.stream()
          .filter(i -> i.subnet().equals(internet.get().via())).findFirst();
      if (via.isPresent()) {
        return Optional.of(new HostPlan.Route(internet.get().gateway(), via.get().name()));
      }
    }
    Optional<Routing.Uplink> uplink = ctx.routing.uplink(host.name());
    if (uplink.isPresent()) {
      return Optional.of(new HostPlan.Route(uplink.get().gateway(),
          Ifnames.subnetPort(uplink.get().subnet())));
    }
    // Through the gateway of a subnet where the host holds an address and which another host
    // routes: its own address first, else its nameserver address.
    for (Purpose purpose : List.of(Purpose.OWN, Purpose.NAMESERVER)) {
      for (InterfacePlan i : interfaces) {
        boolean holds = i.addresses().stream().anyMatch(a -> a.purpose() == purpose);
        Optional<Ipv4Address> gateway = ctx.role(i.subnet(), Role.GATEWAY);
        if (holds && gateway.isPresent() && !host.routes(i.subnet())) {
          return Optional.of(new HostPlan.Route(gateway.get(), i.name()));
        }
      }
    }
    return Optional.empty();
  }

  private static List<Ipv4Address> nameservers(Context ctx, Host host,
      List<InterfacePlan> interfaces) {
    if (host.nameserver()) {
      return List.of(Ipv4Address.parse("127.0.0.1"));
    }
    return interfaces.stream().map(i -> ctx.role(i.subnet(), Role.NAMESERVER))
        .flatMap(Optional::stream).limit(1).toList();
  }
}
