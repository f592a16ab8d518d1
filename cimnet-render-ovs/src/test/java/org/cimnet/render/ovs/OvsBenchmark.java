package org.cimnet.render.ovs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.gen.NetworkGenerator;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.Plans;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;

/**
 * Renders the large generated network ({@code Spec.large()}: 64 hosts, 100,000 containers) with
 * the Open vSwitch renderer and reports the time (target: under 1 s). Not a unit test; run with
 * {@code mvn -q -pl cimnet-render-ovs -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.cimnet.render.ovs.OvsBenchmark}.
 */
public final class OvsBenchmark {
  private OvsBenchmark() {}

  public static void main(String[] args) {
    NetworkGenerator.Spec spec = NetworkGenerator.Spec.large();
    long t0 = System.nanoTime();
    Network network = NetworkGenerator.generate(spec);
    long t1 = System.nanoTime();
    Report report = Checker.check(network);
    if (!report.ok()) {
      // 4,096 subnets need more VLAN ids than 802.1Q has (2..4094 are free): say so, and
      // measure the same network with as many subnets as there are VLAN ids instead.
      System.out.println("Spec.large() does not validate (" + report.violations().size()
          + " violations, first: " + report.violations().get(0) + ");"
          + " measuring it with 4,000 subnets instead");
      spec = new NetworkGenerator.Spec(spec.hosts(), spec.leavesPerHost(), 4000,
          spec.subnetPrefix(), spec.containers(), spec.rules(), spec.spines(),
          spec.multiHomedEvery(), spec.seed());
      t0 = System.nanoTime();
      network = NetworkGenerator.generate(spec);
      t1 = System.nanoTime();
      report = Checker.check(network);
      if (!report.ok()) {
        throw new IllegalStateException("Generated network is invalid:\n" + report.toText());
      }
    }
    System.out.println("network: " + spec);
    ValidatedNetwork validated = report.validated();
    long t2 = System.nanoTime();
    OvsRenderer renderer = new OvsRenderer();
    List<RenderedFile> files = List.of();
    // CPU time of this thread as well as wall time: on a shared machine the wall time also
    // measures the neighbours.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    long bestCpu = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      long start = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      files = renderer.render(validated, RenderContext.defaults());
      long wall = System.nanoTime() - start;
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      best = Math.min(best, wall);
      bestCpu = Math.min(bestCpu, cpu);
      System.out.printf("ovs render run %d: %.3f s wall, %.3f s CPU%n", run + 1, wall / 1e9,
          cpu / 1e9);
    }
    long planCpu = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long cpu = threads.getCurrentThreadCpuTime();
      Plans.of(validated);
      planCpu = Math.min(planCpu, threads.getCurrentThreadCpuTime() - cpu);
    }
    System.out.printf("of which the plan alone (Plans.of, core): %.3f s CPU%n", planCpu / 1e9);
    long bytes = files.stream().mapToLong(f -> f.content().length()).sum();
    System.out.printf("generate %.2f s, check %.2f s, ovs render (plan included) best of 5:"
        + " %.3f s wall, %.3f s CPU: %d files, %.1f MB (target < 1 s)%n", (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, best / 1e9, bestCpu / 1e9, files.size(), bytes / 1e6);
  }
}
