package org.cimnet.core.policy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Network;
import org.cimnet.testkit.gen.NetworkGenerator;

/**
 * Times the checker (IPAM, invariants, prover) and the prover alone on generated networks:
 * {@code Spec.large()} (4,093 subnets, 256 leaves, 100,000 containers, 20,000 rules) and a tenth
 * of it, to see how the cost grows, with the compile and the matrix text apart. Not a unit test;
 * the project's figures come from {@code org.cimnet.examples.Benchmark}, which times every stage
 * (these relay-walking assertions included). Wall time and the main thread's CPU time are
 * both shown, since the machine may be shared. Run it with the bounds:
 *
 * <pre>
 * mvn -q -B -o -pl cimnet-core test-compile
 * java -Xmx1g -XX:ActiveProcessorCount=2 \
 *     -cp cimnet-core/target/classes:cimnet-core/target/test-classes:GUAVA_JAR \
 *     org.cimnet.core.policy.PolicyBenchmark [rounds]
 * </pre>
 */
public final class PolicyBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private PolicyBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    NetworkGenerator.Spec large = NetworkGenerator.Spec.large();
    for (NetworkGenerator.Spec spec : List.of(large.times(0.1), large)) {
      Network network = NetworkGenerator.generate(spec);
      Network concrete = Ipam.assign(network).network();
      // The generated assertions touch no relay; these walk every relay of the private zone
      // (never reaching management or the internet) or fail at once (internet reaches dmz).
      Network stressed = concrete.toBuilder().never("zone:private", "zone:management")
          .never("zone:private", "internet").never("internet", "zone:dmz").build();
      Policy stressedPolicy = Policy.compile(stressed);
      System.out.printf("%s%n", network);
      for (int round = 1; round <= rounds; round++) {
        System.gc();
        long[] check = time(() -> Checker.check(network));
        long[] compile = time(() -> Policy.compile(concrete));
        Policy policy = Policy.compile(concrete);
        long[] prove = time(() -> Prover.prove(policy));
        long[] stress = time(() -> Prover.prove(stressedPolicy));
        Report report = Checker.check(network);
        long[] matrix = time(() -> report.matrix().toText());
        System.out.printf("  round %d: Checker.check %s | Policy.compile %s | Prover.prove %s"
            + " | 5 assertions through %d relays %s | matrix text %s (%d lines) | %d problems,"
            + " proofs %s%n", round, ms(check), ms(compile), ms(prove),
            stressedPolicy.relays().size(), ms(stress), ms(matrix),
            report.matrix().toText().lines().count(),
            report.problems().size(),
            report.proofs().stream().map(p -> p.status().key()).toList());
      }
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("heap: max %d MiB, peak used (sum of pools) %d MiB; processors %d; %s%n",
        Runtime.getRuntime().maxMemory() >> 20, peak >> 20,
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getRuntimeMXBean().getVmVersion());
  }

  /** Wall and main-thread CPU nanoseconds of one run. */
  private static long[] time(Runnable work) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    work.run();
    return new long[] {System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu};
  }

  private static String ms(long[] t) {
    return String.format("%d ms (cpu %d)", t[0] / 1_000_000, t[1] / 1_000_000);
  }
}
