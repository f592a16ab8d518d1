package org.cimnet.examples;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.testkit.gen.NetworkGenerator;
import org.cimnet.testkit.gen.NetworkGenerator.Spec;
import org.cimnet.core.model.Network;
import org.cimnet.core.spi.OutputWriter;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.Renderer;
import org.cimnet.core.spi.Renderers;

/**
 * The memory benchmark: 200,000 containers (the generator's large spec with twice the hosts,
 * containers and rules: 128 hosts, 4,093 subnets, 40,000 rules) run end to end as
 * {@code cimnet render} does (generate, check with IPAM and the prover, every renderer, the files
 * written to disk) in a JVM of its own with {@code -Xmx1g}. Not a unit test:
 *
 * <pre>
 * mvn -q -B -pl cimnet-examples -am test-compile exec:exec@benchmark-memory
 * </pre>
 *
 * <p>It prints the live heap after a full GC at each stage's end (holding what that stage
 * holds), the heap in use after every collection the JVM made on its own (the largest is the
 * live set's peak while the stage ran, garbage not yet collected included), and the class
 * histogram of the live heap at the end, for what holds the memory.
 */
public final class MemoryBenchmark {
  /** 200,000 containers over 128 hosts with 40,000 rules; the subnets stay every VLAN a fabric has. */
  static final Spec SPEC = new Spec(128, 4, 4093, 24, 200_000, 40_000, 2, 50, 1);

  private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();
  private static final AtomicInteger COLLECTIONS = new AtomicInteger();

  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/benchmark-memory");
    int histogramLines = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    listen();
    System.out.printf("JVM %s, %d processors, max heap %d MiB; %s%n",
        ManagementFactory.getRuntimeMXBean().getVmVersion(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        SPEC);
    long start = System.nanoTime();
    Network network = NetworkGenerator.generate(SPEC);
    stage("generate", start);
    Report report = Checker.check(network);
    if (!report.ok()) {
      throw new IllegalStateException("the generated network is not valid:\n"
          + report.problems().stream().limit(10).map(Object::toString).toList());
    }
    ValidatedNetwork validated = report.validated();
    stage("check (IPAM, invariants, policy, prover, plans)", start);
    System.out.printf("%nlive heap classes, holding the network and its report (top %d):%n",
        histogramLines);
    histogram(histogramLines);
    Renderers renderers = Renderers.discover();
    for (Renderer r : renderers.all()) {
      try {
        long[] made = new long[2];
        r.render(validated, RenderContext.defaults(), f -> {
          made[0]++;
          made[1] += f.content().length();
        });
        stage(String.format("render %s alone (%,d files, %,d chars)", r.id(), made[0],
            made[1]), start);
      } catch (OutOfMemoryError e) {
        stage("render " + r.id() + " alone: OUT OF MEMORY", start);
      }
    }
    try {
      // As cimnet render does: every renderer, each file written as it is made.
      List<String> written = OutputWriter.replace(out,
          sink -> renderers.render(validated, RenderContext.defaults(), sink));
      stage("render " + String.join(", ", renderers.ids()) + " and write " + written.size()
          + " files", start);
    } catch (OutOfMemoryError e) {
      // Said, not hidden: what the run reached is the figure.
      stage("render " + String.join(", ", renderers.ids()) + ": OUT OF MEMORY", start);
    }
    if (report.network() != validated.network() || network.hosts().isEmpty()) {
      throw new AssertionError("keep both reachable until the heap is read");
    }
  }

  /** Full GC, then the live heap and the largest heap after any collection so far. */
  private static void stage(String name, long start) {
    long peak = PEAK_AFTER_GC.getAndSet(0);
    int collections = COLLECTIONS.getAndSet(0);
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long live = rt.totalMemory() - rt.freeMemory();
    System.out.printf("%-60s at %6.1f s: live after full GC %4d MiB; during the stage %3d"
        + " collections, largest heap after one %4d MiB; GC time so far %,d ms%n", name,
        (System.nanoTime() - start) / 1e9, live >> 20, collections, peak >> 20, gcMillis());
    PEAK_AFTER_GC.set(0);
    COLLECTIONS.set(0);
  }

  /** Records the heap in use after every collection (all heap pools summed). */
  private static void listen() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (info.getGcCause().equals("System.gc()")) {
          return;
        }
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
            .mapToLong(MemoryUsage::getUsed).sum();
        COLLECTIONS.incrementAndGet();
        PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
      }, null, null);
    }
  }

  /** {@code jcmd <pid> GC.class_histogram}, from inside: live objects only (a full GC first). */
  private static void histogram(int lines) throws Exception {
    String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    List<String> all = text.lines().toList();
    List<String> shown = new ArrayList<>(all.subList(0, Math.min(all.size(), lines + 2)));
    shown.add(all.get(all.size() - 1));
    shown.forEach(System.out::println);
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }
}
