package org.cimnet.render.unbound;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.core.plan.DnsPlans;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.testkit.gen.NetworkGenerator;

/**
 * Not a unit test: renders {@code NetworkGenerator.generate(Spec.large())} and prints the time
 * of each step and the output size. Run with
 * {@code mvn -q -pl cimnet-render-unbound -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.cimnet.render.unbound.UnboundBenchmark} or plain {@code java -cp}; the
 * optional argument is the number of runs (default 5; the first ones warm the JIT up).
 */
public final class UnboundBenchmark {
  private UnboundBenchmark() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Network network = NetworkGenerator.generate(NetworkGenerator.Spec.large());
    long t1 = System.nanoTime();
    ValidatedNetwork validated = Checker.validate(network);
    long t2 = System.nanoTime();
    System.out.printf("generate %d ms, check %d ms (%d subnets, %d names)%n", ms(t1 - t0),
        ms(t2 - t1), network.subnets().size(), validated.names().size());
    RenderContext context = RenderContext.defaults().with("unbound.forward", "9.9.9.9");
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    for (int run = 1; run <= runs; run++) {
      long p1 = System.nanoTime();
      Map<String, DnsPlan> plans = validated.dnsPlans(List.of());
      long p2 = System.nanoTime();
      long c2 = cpu();
      List<RenderedFile> files = new UnboundRenderer().render(validated, context);
      long p3 = System.nanoTime();
      long c3 = cpu();
      long bytes = files.stream().mapToLong(f -> f.content().length()).sum();
      long conf = files.stream().filter(f -> f.path().endsWith(".conf"))
          .mapToLong(f -> f.content().length()).sum();
      long records = plans.values().stream().mapToLong(p -> p.records().size()).sum();
      long pointers = plans.values().stream().mapToLong(p -> p.pointers().size()).sum();
      long delegations = plans.values().stream().mapToLong(p -> p.delegations().size()).sum();
      System.out.printf("run %d: DnsPlans.of %d ms (%d nameservers; summed over them %d A,"
          + " %d PTR, %d delegations); whole render (plans again, then formatting) %d ms"
          + " (%d ms CPU of this thread):"
          + " %d files, %.1f MB (conf %.1f MB)%n", run, ms(p2 - p1),
          plans.size(), records, pointers, delegations, ms(p3 - p2), ms(c3 - c2), files.size(),
          bytes / 1e6, conf / 1e6);
    }
  }

  /** CPU time of this thread: the wall time is unreliable on a machine shared by others. */
  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
