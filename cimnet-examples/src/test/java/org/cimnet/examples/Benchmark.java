package org.cimnet.examples;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.Plans;
import org.cimnet.core.policy.Policy;
import org.cimnet.core.policy.Prover;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;
import org.cimnet.core.spi.Renderers;
import org.cimnet.testkit.gen.NetworkGenerator;

/**
 * The one benchmark of every stage, over {@code NetworkGenerator.Spec.large()} (4,093 subnets, 64
 * hosts with 4 leaves each, 100,000 containers, 20,000 rules) and a tenth of it: generate, check
 * (IPAM, invariants, prover), plan, prove assertions that walk every relay, and render with each
 * renderer {@link Renderers#discover()} finds, separately. Not a unit test. Run it from the
 * repository root; the {@code benchmark} execution in this module's POM starts a JVM of its own
 * with the bounds ({@code -Xmx1g -XX:ActiveProcessorCount=2}):
 *
 * <pre>
 * mvn -q -B -pl cimnet-examples -am test-compile exec:exec@benchmark [-Dbenchmark.runs=5]
 * </pre>
 *
 * <p>Every stage shows its cold first run and the median of {@code RUNS} warm runs (default 5),
 * as wall time; as the CPU time of the whole process (every thread: renderers that work in
 * parallel, the garbage collector, the JIT compiler), which leaves out the neighbours of a shared
 * machine; as the main thread's CPU time (the code's own work when it runs on one thread); and as
 * the time the garbage collectors report. The large network runs first, so its cold figures are those of a fresh
 * JVM; the small one's are not. A renderer's time is its own: the host plans are made once by the
 * checker and shared through the {@link ValidatedNetwork}, so the plan stage is shown apart, and
 * the end-to-end line (check, then every renderer, as {@code cimnet render} does) adds them up.
 */
public final class Benchmark {
  /** The process's CPU time: renderers may use more than the main thread. */
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Benchmark() {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Nanoseconds of a cold first run and the warm medians: wall, process CPU, main thread CPU,
   * and the time the garbage collectors report (milliseconds, as nanoseconds).
   */
  private record Timing(long coldWall, long coldCpu, long wall, long cpu, long mainCpu,
      long gc) {
    String text() {
      return String.format("cold %8s (cpu %8s) | warm: %8s wall, %8s cpu, %8s main thread,"
          + " %8s in GC", ms(coldWall), ms(coldCpu), ms(wall), ms(cpu), ms(mainCpu), ms(gc));
    }
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    NetworkGenerator.Spec large = NetworkGenerator.Spec.large();
    System.out.printf("JVM %s, %d processors, max heap %d MiB, %d warm runs per stage%n",
        ManagementFactory.getRuntimeMXBean().getVmVersion(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        runs);
    Map<String, Timing> big = run("Spec.large()", large, runs);
    Map<String, Timing> small = run("Spec.large().times(0.1)", large.times(0.1), runs);
    System.out.printf("%n== 10x input: time of Spec.large() / time of Spec.large().times(0.1)"
        + " (warm medians; target <= ~13x)%n");
    for (String stage : big.keySet()) {
      Timing b = big.get(stage);
      Timing s = small.get(stage);
      if (s == null) {
        continue;
      }
      System.out.printf("%-26s wall %5.1fx  cpu %5.1fx  main thread %5.1fx%n", stage,
          ratio(b.wall(), s.wall()), ratio(b.cpu(), s.cpu()), ratio(b.mainCpu(), s.mainCpu()));
    }
  }

  private static Map<String, Timing> run(String name, NetworkGenerator.Spec spec, int runs) {
    Map<String, Timing> stages = new LinkedHashMap<>();
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    System.out.printf("%n== %s: %s%n", name, spec);
    stages.put("generate", time(runs, () -> NetworkGenerator.generate(spec)));
    Network network = NetworkGenerator.generate(spec);
    System.out.printf("network: %s%n", network);
    stages.put("check", time(runs, () -> Checker.check(network)));
    Report report = Checker.check(network);
    if (!report.ok()) {
      throw new IllegalStateException("the generated network is not valid:\n"
          + report.problems().stream().limit(10).map(Object::toString).toList());
    }
    ValidatedNetwork validated = report.validated();
    Network concrete = validated.network();
    // Made fresh every time: the checker already made (and the validated network holds) them.
    stages.put("plans (inside check)", time(runs, () -> Plans.of(concrete)));
    // The generated assertions touch no relay; these add two that walk every relay of the
    // private zone (never reaching management or the internet) and one that fails at once.
    Policy stressed = Policy.compile(concrete.toBuilder().never("zone:private", "zone:management")
        .never("zone:private", "internet").never("internet", "zone:dmz").build());
    stages.put("prove 5 (relay walk)", time(runs, () -> Prover.prove(stressed)));
    System.out.printf("proofs: %s; relays walked by the 5 assertions: %d%n",
        report.proofs().stream().map(p -> p.status().key()).toList(), stressed.relays().size());
    List<Renderer> renderers = Renderers.discover().all();
    List<Renderer> fitted = new ArrayList<>();
    for (Renderer r : renderers) {
      List<RenderedFile> files;
      try {
        stages.put("render " + r.id(), time(runs, () -> r.render(validated,
            RenderContext.defaults())));
        files = r.render(validated, RenderContext.defaults());
      } catch (OutOfMemoryError e) {
        // Said, not hidden: the renderer does not fit the heap; the others still run.
        System.out.printf("render %-8s OUT OF MEMORY (%s)%n", r.id(), e.getMessage());
        continue;
      }
      fitted.add(r);
      long bytes = 0;
      for (RenderedFile f : files) {
        bytes += f.content().getBytes(StandardCharsets.UTF_8).length;
      }
      System.out.printf("render %-8s %,d files, %,d bytes%n", r.id(), files.size(), bytes);
      if (r.id().equals("diagram")) {
        diagramTools(name, files, stages.get("render diagram"));
      }
    }
    // As cimnet render does: check, then every renderer over the one validated network.
    stages.put("end to end (" + fitted.size() + " renderers)", time(runs, () -> {
      ValidatedNetwork v = Checker.check(network).validated();
      List<RenderedFile> all = new ArrayList<>();
      for (Renderer r : fitted) {
        all.addAll(r.render(v, RenderContext.defaults()));
      }
      return all;
    }));
    System.out.println();
    stages.forEach((stage, t) -> System.out.printf("%-26s %s%n", stage, t.text()));
    System.gc();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("heap used after GC, holding the network and its report: %d MiB;"
        + " peak during this network's stages (sum of the heap pools' peaks): %d MiB%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20, peakHeap() >> 20);
    // Keep both reachable until the heap is read.
    if (report.network() != concrete || network.hosts().isEmpty()) {
      throw new AssertionError();
    }
    return stages;
  }

  /**
   * The diagram renderer's files beside the tools that read them, in the same run: each file's
   * size, Graphviz {@code dot -Tsvg} on {@code topology.dot}, and headless Chromium loading
   * {@code index.html} from the file system ({@code --dump-dom}: parse, style and lay out the
   * page), each against the renderer's warm time. The files stay in
   * {@code target/benchmark-diagram/<network>/} for a person to open. A missing tool is said.
   */
  private static void diagramTools(String name, List<RenderedFile> files, Timing render) {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "benchmark-diagram",
        name.replaceAll("[^A-Za-z0-9.]", "_"));
    org.cimnet.core.spi.OutputWriter.replace(dir, files);
    java.nio.file.Path diagram = dir.resolve("diagram").toAbsolutePath();
    for (RenderedFile f : files) {
      System.out.printf("  %-26s %,12d bytes%n", f.path(),
          f.content().getBytes(StandardCharsets.UTF_8).length);
    }
    tool("dot -Tsvg topology.dot", render, diagram, List.of("dot", "-Tsvg", "-o",
        diagram.resolve("topology-dot.svg").toString(), diagram.resolve("topology.dot")
            .toString()));
    java.nio.file.Path profile = dir.resolve("chromium-profile").toAbsolutePath();
    tool("chromium loads index.html", render, diagram, List.of("chromium", "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--dump-dom",
        diagram.resolve("index.html").toUri().toString()));
  }

  private static void tool(String what, Timing render, java.nio.file.Path dir,
      List<String> command) {
    try {
      long start = System.nanoTime();
      Process p = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      int exit = p.waitFor();
      long took = System.nanoTime() - start;
      System.out.printf("  %-26s %s, exit %d; render diagram (warm) %s: tool / cimnet %.1fx%n",
          what, ms(took), exit, ms(render.wall()), ratio(took, render.wall()));
    } catch (java.io.IOException e) {
      System.out.printf("  %-26s NOT RUN: %s%n", what, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One cold run, then the median of {@code runs} more. */
  private static Timing time(int runs, Supplier<Object> task) {
    long[] cold = once(task);
    long[][] warm = new long[4][runs];
    for (int i = 0; i < runs; i++) {
      long[] t = once(task);
      for (int k = 0; k < 4; k++) {
        warm[k][i] = t[k];
      }
    }
    for (long[] w : warm) {
      java.util.Arrays.sort(w);
    }
    return new Timing(cold[0], cold[1], warm[0][runs / 2], warm[1][runs / 2],
        warm[2][runs / 2], warm[3][runs / 2]);
  }

  private static long[] once(Supplier<Object> task) {
    long gc = gcMillis();
    long main = THREADS.getCurrentThreadCpuTime();
    long cpu = OS.getProcessCpuTime();
    long wall = System.nanoTime();
    Object result = task.get();
    long[] t = {System.nanoTime() - wall, OS.getProcessCpuTime() - cpu,
        THREADS.getCurrentThreadCpuTime() - main, (gcMillis() - gc) * 1_000_000};
    if (result == null) {
      throw new AssertionError("no result");
    }
    return t;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static String ms(long nanos) {
    return String.format("%,d ms", nanos / 1_000_000);
  }
}
