package org.cimnet.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cimnet.core.model.Service;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.InterfacePlan;
import org.cimnet.lab.LabReport.Kind;
import org.cimnet.lab.LabReport.Observation;

/**
 * Direct connections: from every container and the internet to every container address, every
 * gateway address, the internet and (from the internet) the public address, on every probed port.
 */
final class TcpProbes {
  private record Probe(int id, Node from, Node to, Service service) {}

  private final Built b;
  private final Probing probing;
  private final Expectation expectation;
  private final Consumer<String> log;

  TcpProbes(Built built, Probing probing, Expectation expectation, Consumer<String> log) {
    this.b = built;
    this.probing = probing;
    this.expectation = expectation;
    this.log = log;
  }

  List<Observation> run() {
    List<Integer> ports = probing.ports();
    List<Node> targets = new ArrayList<>(b.containerNodes());
    for (HostPlan plan : b.plans.values()) {
      for (InterfacePlan i : plan.interfaces()) {
        for (InterfacePlan.InterfaceAddress a : i.addresses()) {
          if (a.purpose() == InterfacePlan.Purpose.GATEWAY) {
            targets.add(new Node(Node.Kind.GATEWAY, plan.host(), i.subnet(), a.address()));
          }
        }
      }
    }
    Optional<Node> internetNode = b.internetNode();
    Optional<Node> publicNode = b.internet.map(in -> new Node(Node.Kind.PUBLIC,
        b.routerOf(in.via()), "", in.publicAddress()));

    Map<String, List<Probe>> bySource = new LinkedHashMap<>();
    int id = 0;
    for (ContainerPlan cp : b.containerPlans.values()) {
      List<Probe> probes = bySource.computeIfAbsent(b.containers.get(cp.name()),
          k -> new ArrayList<>());
      List<Node> to = new ArrayList<>(targets);
      internetNode.ifPresent(to::add);
      for (Node target : to) {
        if (target.kind() == Node.Kind.CONTAINER && target.name().equals(cp.name())) {
          continue;
        }
        Node from = source(cp, target);
        for (int port : ports) {
          probes.add(new Probe(id++, from, target, Service.tcp(port)));
        }
      }
    }
    if (internetNode.isPresent()) {
      List<Probe> probes = bySource.computeIfAbsent(b.internetNs, k -> new ArrayList<>());
      List<Node> to = new ArrayList<>(targets);
      publicNode.ifPresent(to::add);
      for (Node target : to) {
        for (int port : ports) {
          probes.add(new Probe(id++, internetNode.get(), target, Service.tcp(port)));
        }
      }
    }
    Map<Integer, String> outcome = new HashMap<>();
    List<Runnable> runs = new ArrayList<>();
    for (Map.Entry<String, List<Probe>> e : bySource.entrySet()) {
      List<Probing.Line> lines = e.getValue().stream().map(p -> new Probing.Line(p.id(),
          p.to().address() + " " + p.service().fromPort())).toList();
      runs.add(() -> {
        Map<Integer, String> results = probing.connect(e.getKey(),
            e.getValue().get(0).from().name(), lines, 1);
        synchronized (outcome) {
          outcome.putAll(results);
        }
      });
    }
    long start = System.nanoTime();
    Tasks.parallel(runs);
    log.accept(id + " TCP probes in " + (System.nanoTime() - start) / 1_000_000 + " ms");

    List<Observation> observations = new ArrayList<>();
    for (List<Probe> probes : bySource.values()) {
      for (Probe p : probes) {
        Expectation.Verdict v = expectation.tcp(p.from(), p.to(), p.service());
        String observed = probing.observed(outcome.getOrDefault(p.id(), "lost"),
            b.namespaceOf(p.to()), p.to().identity(), p.service().fromPort());
        observations.add(observation(Kind.TCP, p.from(), p.to(), p.service().toString(), v,
            observed));
      }
    }
    return observations;
  }

  /** Compares one answer with its verdict: open must reach the expected identity. */
  static Observation observation(Kind kind, Node from, Node to, String service,
      Expectation.Verdict v, String observed) {
    boolean agrees = v.open()
        ? observed.equals("connected " + v.reaches().orElse(""))
        : !observed.startsWith("connected");
    return new Observation(kind, from.label(), to.label(), service, v.text(),
        Probing.text(observed), agrees, v.why());
  }

  /** The address the kernel sends from: the NIC in the target's subnet, else the first. */
  private static Node source(ContainerPlan cp, Node target) {
    ContainerPlan.Nic nic = cp.nics().stream().filter(n -> n.subnet().equals(target.subnet()))
        .findFirst().orElse(cp.nics().get(0));
    return new Node(Node.Kind.CONTAINER, cp.name(), nic.subnet(), nic.address());
  }
}
