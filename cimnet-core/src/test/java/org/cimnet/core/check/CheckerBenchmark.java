package org.cimnet.core.check;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.Plans;
import org.cimnet.testkit.gen.NetworkGenerator;

/**
 * Times {@link Checker#check} on the benchmark network ({@code Spec.large()}: 4,093
 * subnets, 64 hosts with 256 leaves, 100,000 containers, 20,000 rules), rule family by rule
 * family, to find where the checker's time goes. Not a unit test: run it with {@code java -cp
 * <test classpath> org.cimnet.core.check.CheckerBenchmark [runs]}. Prints the median of each stage
 * over the runs after a warm-up, and the heap in use after a full check. The project's figures
 * come from {@code org.cimnet.examples.Benchmark}, which times every stage.
 */
public final class CheckerBenchmark {
  private CheckerBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    run("Spec.large()", NetworkGenerator.Spec.large(), runs);
  }

  private static void run(String name, NetworkGenerator.Spec spec, int runs) {
    long start = System.nanoTime();
    Network network = NetworkGenerator.generate(spec);
    System.out.printf("%n== %s: %s, generated in %d ms%n", name, network,
        (System.nanoTime() - start) / 1_000_000);
    Network assigned = Ipam.assign(network).network();
    Report report = Checker.check(network);
    System.out.printf("problems: %d, warnings: %d%n", report.problems().size(),
        report.warnings().size());
    report.problems().stream().limit(5).forEach(v -> System.out.println("  " + v));
    time("ipam", runs, () -> Ipam.assign(network));
    if (report.ok()) {
      time("plans", runs, () -> Plans.of(assigned));
    }
    time("names", runs, () -> Naming.records(assigned));
    time("invariants", runs, () -> {
      List<org.cimnet.core.model.Problem> v = new ArrayList<>();
      Invariants.check(network, assigned, v, new ArrayList<>());
      return v;
    });
    Facts facts = new Facts(assigned);
    Findings sink = new Findings(new ArrayList<>(), new ArrayList<>());
    time("  facts", runs, () -> new Facts(assigned));
    time("  addresses", runs, () -> {
      AddressRules.check(facts, sink);
      return sink;
    });
    time("  macs", runs, () -> {
      MacRules.check(network, facts, sink);
      return sink;
    });
    time("  names", runs, () -> {
      NameRules.check(facts, sink);
      return sink;
    });
    time("  topology", runs, () -> {
      TopologyRules.check(facts, sink);
      return sink;
    });
    time("  references", runs, () -> {
      ReferenceRules.check(facts, sink);
      return sink;
    });
    time("Checker.check", runs, () -> Checker.check(network));
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    Report kept = Checker.check(network);
    System.gc();
    System.out.printf("heap in use: %d MB with the network, %d MB with a report held too%n",
        before / (1024 * 1024), (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    if (kept.problems().size() != report.problems().size()) {
      throw new AssertionError("the check is not deterministic");
    }
  }

  private static void time(String what, int runs, Supplier<Object> task) {
    for (int i = 0; i < 3; i++) {
      task.get();
    }
    // Wall time, and this thread's CPU time: the machine is shared, so the CPU time says more
    // about the code when other work competes for the cores.
    List<Long> ms = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      task.get();
      ms.add((System.nanoTime() - t) / 1_000_000);
      cpu.add((threads.getCurrentThreadCpuTime() - c) / 1_000_000);
    }
    Collections.sort(ms);
    Collections.sort(cpu);
    System.out.printf("%-14s median %4d ms wall, %4d ms cpu (wall min %d, max %d; %d runs)%n",
        what, ms.get(ms.size() / 2), cpu.get(cpu.size() / 2), ms.get(0), ms.get(ms.size() - 1),
        runs);
  }
}
