package org.cimnet.core.policy;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.gen.NetworkGenerator;
import org.cimnet.core.model.Network;

/**
 * Times the checker (IPAM, invariants, prover) on generated networks: {@code Spec.large()} (4,096
 * subnets, 256 leaves, 100,000 containers, 20,000 rules) and a tenth of it, to see how the cost
 * grows. Not a unit test; run it with a fixed heap to check the memory bound:
 *
 * <pre>
 * mvn -q -B -o -pl cimnet-core test-compile
 * java -Xmx1g -XX:ActiveProcessorCount=2 -cp cimnet-core/target/classes:cimnet-core/target/test-classes:GUAVA_JAR \
 *     org.cimnet.core.policy.PolicyBenchmark
 * </pre>
 */
public final class PolicyBenchmark {
  private PolicyBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    NetworkGenerator.Spec large = NetworkGenerator.Spec.large();
    for (NetworkGenerator.Spec spec : List.of(large.times(0.1), large)) {
      Network network = NetworkGenerator.generate(spec);
      System.out.printf("%s%n", network);
      for (int round = 1; round <= rounds; round++) {
        gc();
        long t0 = System.nanoTime();
        Report report = Checker.check(network);
        long t1 = System.nanoTime();
        List<Proof> proofs = Prover.prove(report.network());
        long t2 = System.nanoTime();
        long heap = used();
        String matrix = report.matrix().toText();
        long t3 = System.nanoTime();
        System.out.printf("  round %d: check (IPAM + invariants + prover) %d ms, prove again %d ms,"
            + " matrix text %d ms (%d lines); heap in use after check %d MiB; %d violations,"
            + " proofs %s%n", round, ms(t0, t1), ms(t1, t2), ms(t2, t3),
            matrix.lines().count(), heap >> 20, report.violations().size(),
            proofs.stream().map(p -> p.status().key()).toList());
      }
    }
    System.out.printf("max heap %d MiB, processors %d, %s%n", Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getRuntimeMXBean().getVmVersion());
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private static void gc() {
    System.gc();
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
