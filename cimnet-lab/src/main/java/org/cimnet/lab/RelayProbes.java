package org.cimnet.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.cimnet.core.model.Service;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.lab.LabReport.Kind;
import org.cimnet.lab.LabReport.Observation;

/**
 * Connections through relays, one or two per relayed cell of the expectation (a subnet or the
 * internet reaching another only through a container attached to both, such as the seed's
 * {@code bus} from comms to internal).
 *
 * <p>For each cell the lab picks a source (a container of the cell's source subnet not attached
 * to the destination subnet, or the internet) and a target (a container of the destination
 * subnet not attached to the source subnet, or the internet), and a chain of relays as a real relay would use it: each hop a
 * direct connection the expectation opens, sent from the relay's address in the next hop's
 * subnet where it has one. The source connects to the first relay; each relay's listener opens
 * the next hop from there (see {@code hops.py}). Two probes per cell: a port the cell opens only
 * through relays, which must reach the target, and a port nothing opens, which must not.
 */
final class RelayProbes {
  private record Hop(Node from, Node to, int port) {}

  private record Probe(int id, Expectation.RelayedCell cell, Node from, Node to, int port,
      boolean open, List<Hop> chain) {}

  private final Built b;
  private final Probing probing;
  private final Expectation expectation;
  private final Consumer<String> log;
  /** The relaying containers: two or more interfaces, in plan order. */
  private final Map<String, List<Node>> relays = new LinkedHashMap<>();

  RelayProbes(Built built, Probing probing, Expectation expectation, Consumer<String> log) {
    this.b = built;
    this.probing = probing;
    this.expectation = expectation;
    this.log = log;
    for (Node n : built.containerNodes()) {
      relays.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(n);
    }
    relays.values().removeIf(nics -> nics.size() < 2);
  }

  List<Observation> run() {
    List<Probe> probes = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    for (Expectation.RelayedCell cell : expectation.relayedCells()) {
      plan(cell, probes, observations);
    }
    Map<String, List<Probe>> bySource = probes.stream().collect(Collectors.groupingBy(
        p -> b.namespaceOf(p.from()), LinkedHashMap::new, Collectors.toList()));
    Map<Integer, String> outcome = new HashMap<>();
    List<Runnable> runs = new ArrayList<>();
    for (Map.Entry<String, List<Probe>> e : bySource.entrySet()) {
      int depth = e.getValue().stream().mapToInt(p -> p.chain().size()).max().orElse(1);
      List<Probing.Line> lines = e.getValue().stream().map(p -> new Probing.Line(p.id(),
          line(p))).toList();
      runs.add(() -> {
        Map<Integer, String> results = probing.connect(e.getKey(),
            e.getValue().get(0).from().name(), lines, depth);
        synchronized (outcome) {
          outcome.putAll(results);
        }
      });
    }
    long start = System.nanoTime();
    Tasks.parallel(runs);
    log.accept(probes.size() + " relayed probes for " + expectation.relayedCells().size()
        + " relayed cells in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    for (Probe p : probes) {
      String through = p.chain().stream().skip(1).map(h -> h.from().name())
          .collect(Collectors.joining(", "));
      Expectation.Verdict v = p.open()
          ? Expectation.Verdict.open(p.to().identity(), p.cell().why() + "; through "
              + chainText(p.chain()))
          : Expectation.Verdict.closed(p.cell().why() + ": tcp/" + p.port()
              + " is not among them; through " + chainText(p.chain()));
      String observed = probing.observed(outcome.getOrDefault(p.id(), "lost"),
          b.namespaceOf(p.to()), p.to().identity(), p.port());
      observations.add(TcpProbes.observation(Kind.RELAY, p.from(), p.to(), "tcp/" + p.port()
          + " via " + through, v, observed));
    }
    return observations;
  }

  /** The probes of one cell, or an observation saying why the lab cannot open it. */
  private void plan(Expectation.RelayedCell cell, List<Probe> probes,
      List<Observation> observations) {
    List<Integer> ports = probing.ports();
    Optional<Integer> open = ports.stream().filter(cell::onlyVia).findFirst();
    Optional<Integer> shut = ports.stream().filter(cell::closed).findFirst();
    if (open.isEmpty()) {
      b.note("relayed cell " + cell.from() + " -> " + cell.to() + " opens no probed TCP port"
          + " through relays (" + cell.why() + "): not probed");
      return;
    }
    List<Node> sources = ends(cell.from()).stream().filter(s -> !attached(s, cell.to()))
        .toList();
    // A container on both subnets is reached inside the source subnet, not through a relay.
    List<Node> targets = ends(cell.to()).stream().filter(t -> !attached(t, cell.from()))
        .toList();
    if (sources.isEmpty() || targets.isEmpty()) {
      b.note("relayed cell " + cell.from() + " -> " + cell.to() + " has no "
          + (sources.isEmpty() ? "source" : "target") + " to probe (no container of "
          + (sources.isEmpty() ? cell.from() + " outside " + cell.to()
              : cell.to() + " outside " + cell.from()) + ")");
      return;
    }
    for (Node from : sources) {
      for (Node to : targets) {
        if (from.name().equals(to.name())) {
          continue;
        }
        Optional<List<Hop>> chain = chain(from, to, open.get());
        if (chain.isPresent()) {
          probes.add(new Probe(probes.size(), cell, from, to, open.get(), true, chain.get()));
          shut.ifPresent(port -> probes.add(new Probe(probes.size(), cell, from, to, port,
              false, withLastPort(chain.get(), port))));
          return;
        }
      }
    }
    Node from = sources.get(0);
    Node to = targets.stream().filter(t -> !t.name().equals(from.name())).findFirst()
        .orElse(targets.get(0));
    observations.add(new Observation(Kind.RELAY, from.label(), to.label(), "tcp/" + open.get(),
        "open (" + to.identity() + ")", "no chain of relays the rules open between any"
        + " container of " + cell.from() + " and of " + cell.to(), false, cell.why()));
  }

  /** The containers' addresses in {@code subnet}, or the internet. */
  private List<Node> ends(String subnet) {
    if (subnet.equals("internet")) {
      return b.internetNode().stream().toList();
    }
    List<Node> nodes = new ArrayList<>(b.containerNodes().stream()
        .filter(n -> n.subnet().equals(subnet)).toList());
    // Single-homed containers first: the plainest source, no relay of its own.
    nodes.sort((x, y) -> Boolean.compare(relays.containsKey(x.name()),
        relays.containsKey(y.name())));
    return nodes;
  }

  private boolean attached(Node node, String subnet) {
    return node.kind() == Node.Kind.CONTAINER && b.containerPlans.get(node.name()).nics()
        .stream().map(ContainerPlan.Nic::subnet).anyMatch(subnet::equals);
  }

  /**
   * The shortest chain of relays from {@code from} to {@code to} on {@code port} whose every hop
   * the expectation opens directly; breadth first, relays in plan order.
   */
  private Optional<List<Hop>> chain(Node from, Node to, int port) {
    Map<String, List<Hop>> reached = new LinkedHashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    for (String relay : relays.keySet()) {
      if (!relay.equals(from.name()) && !relay.equals(to.name())) {
        hop(from, relay).ifPresent(h -> {
          reached.put(relay, List.of(h));
          queue.add(relay);
        });
      }
    }
    while (!queue.isEmpty()) {
      String relay = queue.poll();
      List<Hop> so = reached.get(relay);
      for (Node out : exits(relay, to)) {
        if (expectation.tcp(out, to, Service.tcp(port)).open()) {
          List<Hop> chain = new ArrayList<>(so);
          chain.add(new Hop(out, to, port));
          return Optional.of(chain);
        }
      }
      for (String next : relays.keySet()) {
        if (!reached.containsKey(next) && !next.equals(from.name()) && !next.equals(to.name())) {
          hop(so.get(so.size() - 1).to(), next).ifPresent(h -> {
            List<Hop> longer = new ArrayList<>(so);
            longer.add(h);
            reached.put(next, longer);
            queue.add(next);
          });
        }
      }
    }
    return Optional.empty();
  }

  /** A hop from {@code from} (or from the relay it stands in) to some address of a relay. */
  private Optional<Hop> hop(Node from, String relay) {
    for (Node target : relays.get(relay)) {
      List<Node> sources = relays.containsKey(from.name()) ? exits(from.name(), target)
          : List.of(from);
      for (Node source : sources) {
        for (int port : probing.ports()) {
          Expectation.Verdict v = expectation.tcp(source, target, Service.tcp(port));
          if (v.open() && v.reaches().orElse("").equals(relay)) {
            return Optional.of(new Hop(source, target, port));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The addresses a relay may send from towards {@code target}: its address in the target's
   * subnet alone where it has one (a reply could not leave by another port), else every one,
   * each leaving through its own subnet's gateway (the plan's source routes).
   */
  private List<Node> exits(String relay, Node target) {
    List<Node> nics = relays.get(relay);
    List<Node> inSubnet = nics.stream().filter(n -> n.subnet().equals(target.subnet())).toList();
    return inSubnet.isEmpty() ? nics : inSubnet;
  }

  private static List<Hop> withLastPort(List<Hop> chain, int port) {
    List<Hop> changed = new ArrayList<>(chain);
    Hop last = changed.remove(changed.size() - 1);
    changed.add(new Hop(last.from(), last.to(), port));
    return changed;
  }

  /** {@code chain BIND ADDRESS PORT WANT ...}, as {@code connect.py} reads it. */
  private static String line(Probe p) {
    StringBuilder text = new StringBuilder("chain");
    for (int i = 0; i < p.chain().size(); i++) {
      Hop h = p.chain().get(i);
      boolean last = i == p.chain().size() - 1;
      text.append(' ').append(h.from().address()).append(' ').append(h.to().address())
          .append(' ').append(h.port()).append(' ').append(last ? "*" : h.to().name());
    }
    return text.toString();
  }

  /** {@code mq1@comms -> bus@comms, bus@internal -> db1@internal}. */
  private static String chainText(List<Hop> chain) {
    StringBuilder text = new StringBuilder(chain.get(0).from().label());
    for (Hop h : chain) {
      if (h != chain.get(0)) {
        text.append(", ").append(h.from().label());
      }
      text.append(" -> ").append(h.to().label());
    }
    return text.toString();
  }
}
