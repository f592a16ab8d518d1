package org.cimnet.render.unbound;

import java.util.List;
import java.util.Map;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.gen.NetworkGenerator;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.core.plan.DnsPlans;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.Plans;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;

/**
 * Not a unit test: renders {@code NetworkGenerator.generate(Spec.large())} and prints the time
 * of each step. Run with
 * {@code mvn -q -pl cimnet-render-unbound -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.cimnet.render.unbound.UnboundBenchmark} or plain {@code java -cp}.
 */
public final class UnboundBenchmark {
  private UnboundBenchmark() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    NetworkGenerator.Spec spec = NetworkGenerator.Spec.large();
    Network network = NetworkGenerator.generate(spec);
    long t1 = System.nanoTime();
    Report report = Checker.check(network);
    if (!report.ok()) {
      // 4,096 subnets need more VLAN ids than 802.1Q has: fall back to the largest that fits.
      System.out.println("Spec.large() is not valid (" + report.violations().size()
          + " violations, first: " + report.violations().get(0) + "); using 4,000 subnets");
      spec = new NetworkGenerator.Spec(spec.hosts(), spec.leavesPerHost(), 4000,
          spec.subnetPrefix(), spec.containers(), spec.rules(), spec.spines(),
          spec.multiHomedEvery(), spec.seed());
      t0 = System.nanoTime();
      network = NetworkGenerator.generate(spec);
      t1 = System.nanoTime();
      report = Checker.check(network);
    }
    ValidatedNetwork validated = report.validated();
    long t2 = System.nanoTime();
    RenderContext context = RenderContext.defaults().with("unbound.forward", "9.9.9.9");
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    for (int run = 1; run <= runs; run++) {
      long p0 = System.nanoTime();
      Map<String, HostPlan> hostPlans = Plans.of(validated);
      long p1 = System.nanoTime();
      Map<String, DnsPlan> plans = DnsPlans.of(validated, List.of(), hostPlans);
      long p2 = System.nanoTime();
      List<RenderedFile> files = new UnboundRenderer().render(validated, context);
      long p3 = System.nanoTime();
      long bytes = files.stream().mapToLong(f -> f.content().length()).sum();
      DnsPlan any = plans.values().iterator().next();
      System.out.printf("run %d: Plans.of %d ms; DnsPlans.of %d ms (%d nameservers, %d records,"
          + " %d zones); whole render (both again, then formatting) %d ms: %d files, %.1f MB%n",
          run, ms(p1 - p0), ms(p2 - p1), plans.size(), any.records().size(), any.zones().size(),
          ms(p3 - p2), files.size(), bytes / 1e6);
    }
    System.out.printf("generate %d ms, check %d ms (%d names)%n", ms(t1 - t0), ms(t2 - t1),
        validated.names().size());
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
