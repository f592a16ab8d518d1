package org.cimnet.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.InterfacePlan;
import org.cimnet.core.plan.Plans;

/**
 * The matrix against an independent model of the routed fabric, over generated multi-host
 * networks with split routers, unrouted subnets, routers linked or not, and relays. The model
 * knows nothing of the prover: it forwards a packet hop by hop through the per-host plans (the
 * kernel state cimnet renders: interface addresses, static routes, default routes), requires
 * delivery both ways, resolves rule endpoints by hand, and chains relays breadth first.
 */
class RoutedFabricProperties {
  private static final String[] ZONES = {"private", "dmz"};
  private static final Ipv4Address INTERNET_SAMPLE = Ipv4Address.parse("198.51.100.7");

  @Property(tries = 300)
  void theMatrixAgreesWithPacketsForwardedThroughThePlans(@ForAll long seed) {
    Network n = Ipam.assign(generate(new Random(seed))).network();
    Model model = new Model(n);
    Matrix matrix = Matrix.of(n);
    List<String> nodes = matrix.nodes();
    for (String from : nodes) {
      for (String to : nodes) {
        if (from.equals(to)) {
          continue;
        }
        Matrix.Cell cell = matrix.cell(from, to);
        assertEquals(model.direct(from, to), !cell.direct().isEmpty(),
            () -> "direct " + from + " -> " + to + " in\n" + describe(n));
        assertEquals(model.reaches(from, to), !cell.isEmpty(),
            () -> "directly or through relays " + from + " -> " + to + " in\n" + describe(n));
      }
    }
  }

  private static String describe(Network n) {
    StringBuilder b = new StringBuilder();
    n.hosts().forEach(h -> b.append("  host ").append(h.name()).append(" leaves ")
        .append(h.carriedSubnets()).append(" routes ").append(h.routedSubnets())
        .append(" addresses ").append(h.addresses()).append('\n'));
    n.containers().forEach(c -> b.append("  container ").append(c.name()).append(" on ")
        .append(c.host()).append(' ').append(c.attachments()).append('\n'));
    n.rules().forEach(r -> b.append("  ").append(r).append('\n'));
    n.internet().ifPresent(i -> b.append("  internet via ").append(i.via()).append('\n'));
    return b.toString();
  }

  /** 2 or 3 hosts, 3 to 5 subnets stretched at random, each routed by one carrier or none. */
  static Network generate(Random random) {
    Network.Builder b = Network.builder("fab").supernet("10.50.0.0/22");
    int subnets = 3 + random.nextInt(3);
    int hosts = 2 + random.nextInt(2);
    List<String> names = new ArrayList<>();
    for (int s = 0; s < subnets; s++) {
      String name = "s" + s;
      names.add(name);
      b.subnet(Subnet.builder(name, "10.50." + (s / 4) + "." + (s % 4) * 64 + "/26")
          .zone(ZONES[random.nextInt(ZONES.length)]).build());
    }
    List<List<String>> carried = new ArrayList<>();
    for (int h = 0; h < hosts; h++) {
      carried.add(new ArrayList<>());
    }
    for (int s = 0; s < subnets; s++) {
      carried.get(random.nextInt(hosts)).add(names.get(s));
      for (int h = 0; h < hosts; h++) {
        if (random.nextInt(3) == 0 && !carried.get(h).contains(names.get(s))) {
          carried.get(h).add(names.get(s));
        }
      }
    }
    for (List<String> on : carried) {
      if (on.isEmpty()) {
        on.add(names.get(random.nextInt(subnets)));
      }
    }
    List<List<String>> routed = new ArrayList<>();
    for (int h = 0; h < hosts; h++) {
      routed.add(new ArrayList<>());
    }
    for (int s = 0; s < subnets; s++) {
      if (random.nextInt(5) == 0) {
        continue; // unrouted
      }
      List<Integer> carriers = new ArrayList<>();
      for (int h = 0; h < hosts; h++) {
        if (carried.get(h).contains(names.get(s))) {
          carriers.add(h);
        }
      }
      routed.get(carriers.get(random.nextInt(carriers.size()))).add(names.get(s));
    }
    for (int h = 0; h < hosts; h++) {
      Host.Builder host = Host.builder("h" + h).leaf("l", carried.get(h));
      if (!routed.get(h).isEmpty()) {
        host.router(routed.get(h).toArray(String[]::new));
      }
      // Own addresses in subnets it does not route: some link routers, some do not.
      for (String s : carried.get(h)) {
        if (!routed.get(h).contains(s) && random.nextInt(2) == 0) {
          host.address(s);
        }
      }
      b.host(host);
    }
    int containers = 2 + random.nextInt(5);
    for (int c = 0; c < containers; c++) {
      int h = random.nextInt(hosts);
      List<String> on = carried.get(h);
      Container.Builder cb = Container.builder(ContainerKind.LXC, "c" + c).on("h" + h)
          .attach(on.get(random.nextInt(on.size())));
      if (on.size() > 1 && random.nextInt(3) == 0) {
        String second = on.get(random.nextInt(on.size()));
        if (!cb.build().attachments().stream().anyMatch(a -> a.subnet().equals(second))) {
          cb.attach(second);
        }
      }
      b.container(cb);
    }
    String via = names.get(random.nextInt(subnets));
    b.internet("203.0.113.10/24", "203.0.113.1", via);
    List<String> ends = new ArrayList<>(names);
    ends.add("internet");
    ends.add("zone:private");
    ends.add("zone:dmz");
    for (int c = 0; c < containers; c++) {
      ends.add("container:c" + c);
    }
    int rules = 1 + random.nextInt(6);
    String[] services = {"tcp/22", "tcp/443", "udp/53", "any"};
    for (int r = 0; r < rules; r++) {
      String from = ends.get(random.nextInt(ends.size()));
      String to = ends.get(random.nextInt(ends.size()));
      if (from.equals(to) || from.equals("internet") && to.equals("internet")) {
        continue;
      }
      String service = services[random.nextInt(services.length)];
      if (service.equals("any")) {
        b.canConnect(from, to);
      } else {
        b.canConnect(from, to, service);
      }
    }
    return b.build();
  }

  /** The independent model: hop-by-hop forwarding through the plans, rules resolved by hand. */
  static final class Model {
    private final Network network;
    private final Map<String, HostPlan> plans;
    private final Map<Ipv4Address, String> owners = new LinkedHashMap<>();
    private final List<String> nodes = new ArrayList<>();

    Model(Network network) {
      this.network = network;
      this.plans = Plans.of(network);
      for (HostPlan p : plans.values()) {
        for (InterfacePlan i : p.interfaces()) {
          i.addresses().forEach(a -> owners.putIfAbsent(a.address(), p.host()));
        }
      }
      network.subnets().forEach(s -> nodes.add(s.name()));
      nodes.add("internet");
    }

    private Prefix cidr(String subnet) {
      return network.subnet(subnet).orElseThrow().cidr();
    }

    /** A sample address of a node: somewhere in the subnet, or the internet. */
    private Ipv4Address sample(String node) {
      return node.equals("internet") ? INTERNET_SAMPLE : cidr(node).address(40);
    }

    /** Where a node's packets first go: the subnet's gateway's host, or the public address's. */
    private Optional<String> firstHop(String node) {
      if (node.equals("internet")) {
        return network.internet().map(i -> owners.get(i.publicAddress()));
      }
      Subnet s = network.subnet(node).orElseThrow();
      if (!network.convention().fits(s.cidr(), Role.GATEWAY)) {
        return Optional.empty();
      }
      return Optional.ofNullable(owners.get(network.convention().address(s.cidr(),
          Role.GATEWAY)));
    }

    /** Whether a packet from {@code from} reaches {@code to}, following the plans' routes. */
    boolean forwards(String from, String to) {
      Ipv4Address dst = sample(to);
      Optional<String> at = firstHop(from);
      for (int ttl = 0; ttl < 16 && at.isPresent(); ttl++) {
        HostPlan plan = plans.get(at.get());
        if (!plan.forwarding()) {
          return false;
        }
        if (!to.equals("internet") && connected(plan, to)) {
          return true;
        }
        Optional<HostPlan.StaticRoute> route = plan.routes().stream()
            .filter(r -> r.destination().contains(dst))
            .max((x, y) -> Integer.compare(x.destination().length(),
                y.destination().length()));
        if (route.isPresent()) {
          Ipv4Address next = route.get().via().orElse(dst);
          at = Optional.ofNullable(owners.get(next));
          continue;
        }
        Optional<HostPlan.Route> def = plan.defaultRoute();
        if (def.isEmpty()) {
          return false;
        }
        if (network.internet().isPresent()
            && def.get().gateway().equals(network.internet().get().gateway())) {
          return to.equals("internet");
        }
        at = Optional.ofNullable(owners.get(def.get().gateway()));
      }
      return false;
    }

    /** Whether the host sits on {@code subnet}'s segment with a prefix covering all of it. */
    private static boolean connected(HostPlan plan, String subnet) {
      return plan.interfaces().stream().anyMatch(i -> i.subnet().equals(subnet)
          && i.addresses().stream().anyMatch(a -> a.prefixLength() == i.cidr().length()));
    }

    /** A connection opens: packets go there and the answers come back. */
    boolean delivers(String from, String to) {
      return from.equals(to) || forwards(from, to) && forwards(to, from);
    }

    /** The addresses an endpoint stands for, resolved here by hand. */
    private boolean meets(String endpoint, String node) {
      if (endpoint.equals("internet")) {
        return node.equals("internet");
      }
      if (node.equals("internet")) {
        return false;
      }
      if (endpoint.startsWith("zone:")) {
        return network.subnet(node).orElseThrow().zone().equals(endpoint.substring(5));
      }
      if (endpoint.startsWith("container:")) {
        return network.container(endpoint.substring(10)).orElseThrow().attachments().stream()
            .anyMatch(a -> a.subnet().equals(node) && a.address().isPresent());
      }
      return endpoint.equals(node);
    }

    private static String text(org.cimnet.core.model.Endpoint endpoint) {
      return endpoint.text();
    }

    /** Some rule opens from {@code from} to {@code to}, and packets are delivered. */
    boolean direct(String from, String to) {
      if (!delivers(from, to)) {
        return false;
      }
      for (Rule r : network.rules()) {
        if (meets(text(r.from()), from) && meets(text(r.to()), to)) {
          return true;
        }
      }
      return false;
    }

    /** {@code from} may open to the address {@code a} of a container in {@code node}. */
    private boolean opensTo(String from, Ipv4Address a, String containerName, String node) {
      if (from.equals(node)) {
        return true;
      }
      if (!delivers(from, node)) {
        return false;
      }
      for (Rule r : network.rules()) {
        String to = text(r.to());
        boolean hits = to.equals("container:" + containerName) || !to.startsWith("container:")
            && meets(to, node);
        if (meets(text(r.from()), from) && hits) {
          return true;
        }
      }
      return false;
    }

    /** A relay's address may open to {@code to}: as its subnet does, or by its own name. */
    private boolean relayOpens(String containerName, String node, String to) {
      if (node.equals(to)) {
        return true;
      }
      if (!delivers(node, to)) {
        return false;
      }
      for (Rule r : network.rules()) {
        String from = text(r.from());
        boolean by = from.equals("container:" + containerName) || !from.startsWith("container:")
            && meets(from, node);
        if (by && meets(text(r.to()), to)) {
          return true;
        }
      }
      return false;
    }

    /** Directly, or through a chain of relays (containers with two or more addresses). */
    boolean reaches(String from, String to) {
      if (direct(from, to)) {
        return true;
      }
      List<Container> relays = network.containers().stream()
          .filter(c -> c.attachments().stream().filter(a -> a.address().isPresent())
              .map(Attachment::address).distinct().count() >= 2).toList();
      Set<String> seen = new HashSet<>();
      List<Container> queue = new ArrayList<>();
      for (Container c : relays) {
        if (c.attachments().stream().anyMatch(a -> opensTo(from, a.address().get(), c.name(),
            a.subnet()))) {
          seen.add(c.name());
          queue.add(c);
        }
      }
      while (!queue.isEmpty()) {
        Container c = queue.remove(0);
        for (Attachment mine : c.attachments()) {
          if (relayOpens(c.name(), mine.subnet(), to)) {
            return true;
          }
          for (Container next : relays) {
            if (!seen.contains(next.name()) && next.attachments().stream().anyMatch(a ->
                mine.subnet().equals(a.subnet()) || opensFromRelay(c, mine.subnet(), next,
                    a.subnet()))) {
              seen.add(next.name());
              queue.add(next);
            }
          }
        }
      }
      return false;
    }

    private boolean opensFromRelay(Container c, String node, Container next, String nextNode) {
      if (!delivers(node, nextNode)) {
        return false;
      }
      for (Rule r : network.rules()) {
        String from = text(r.from());
        String to = text(r.to());
        boolean by = from.equals("container:" + c.name()) || !from.startsWith("container:")
            && meets(from, node);
        boolean hits = to.equals("container:" + next.name()) || !to.startsWith("container:")
            && meets(to, nextNode);
        if (by && hits) {
          return true;
        }
      }
      return false;
    }
  }
}
