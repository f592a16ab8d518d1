package org.cimnet.examples;

import static org.cimnet.core.dsl.Cimnet.lxc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.Firewalls;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.spi.OutputWriter;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;
import org.cimnet.core.spi.Renderers;
import org.cimnet.testkit.gen.NetworkGenerator;
import org.cimnet.testkit.gen.NetworkGenerator.Spec;

/**
 * cimnet's side of the benchmark beside the real tools: generates the one-host networks, times
 * cimnet on each, and writes what cimnet rendered with the times, for
 * {@code scripts/benchmark-tools.sh} to run the real tools on (nft, ovs-vsctl against a private
 * switch, unbound-checkconf) and print both with their ratio. Not a unit test:
 *
 * <pre>
 * mvn -q -B -pl cimnet-examples -am test-compile exec:exec@benchmark-tools
 * sudo scripts/benchmark-tools.sh target/benchmark-tools
 * </pre>
 *
 * <p>Arguments: the output folder, the warm runs per stage (5), and the cases to run,
 * comma-separated (all of them); {@code -Dbenchmark.cases=ports-10000} selects through Maven.
 *
 * <p>The cases, all on one host with four leaves:
 * <ul>
 *   <li>{@code firewall}: 4,093 subnets (every VLAN a fabric has), 20,000 rules, 10,000
 *       containers: the one-host firewall and nameserver;
 *   <li>{@code ports-8000} and {@code ports-10000}: 8,000 and 10,000 container ports, and, in
 *       {@code <case>-plus-one}, the same host with one container more.
 * </ul>
 * Each case folder holds the rendered files (Open vSwitch for the userspace datapath, which the
 * private switch runs) and {@code cimnet.tsv}: one line per stage, its name, the median wall
 * milliseconds and the median process CPU milliseconds of the warm runs, and the wall
 * milliseconds of its first, cold call.
 */
public final class ToolBenchmark {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final RenderContext NETDEV = RenderContext.defaults()
      .with("ovs.datapath", "netdev");

  /** The renderers whose output a real tool here loads: nftables, setup.sh, unbound.conf. */
  private static final List<String> TOOLS = List.of("nix", "ovs", "unbound");

  private ToolBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/benchmark-tools");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> cases = args.length > 2
        ? List.of(args[2].split(","))
        : List.of("firewall", "ports-8000", "ports-10000");
    for (String name : cases) {
      switch (name) {
        case "firewall" -> run(out.resolve(name),
            new Spec(1, 4, 4093, 24, 10_000, 20_000, 2, 50, 1), runs, false);
        case "ports-8000" -> run(out.resolve(name), ports(8000), runs, true);
        case "ports-10000" -> run(out.resolve(name), ports(10_000), runs, true);
        default -> throw new IllegalArgumentException("Unknown benchmark case '" + name
            + "': the cases are firewall, ports-8000 and ports-10000");
      }
    }
  }

  /** One host whose bridges hold {@code containers} container ports (single-homed). */
  private static Spec ports(int containers) {
    return new Spec(1, 4, containers / 200 + 4, 24, containers, 100, 2, 0, 1);
  }

  private static void run(Path dir, Spec spec, int runs, boolean plusOne) throws IOException {
    Network network = NetworkGenerator.generate(spec);
    List<String> tsv = new ArrayList<>();
    tsv.add(time("check", runs, () -> Checker.check(network)));
    Report report = Checker.check(network);
    if (!report.ok()) {
      throw new IllegalStateException("Benchmark network is invalid:\n" + report.toText());
    }
    ValidatedNetwork v = report.validated();
    String host = network.hosts().get(0).name();
    tsv.add(time("firewall", runs, () -> Firewalls.plan(v.network(), v.plans(), host)));
    List<RenderedFile> files = new ArrayList<>();
    for (Renderer r : Renderers.discover().all()) {
      if (TOOLS.contains(r.id())) {
        tsv.add(time("render " + r.id(), runs, () -> r.render(v, NETDEV)));
        files.addAll(r.render(v, NETDEV));
      }
    }
    HostPlan plan = v.plans().get(host);
    tsv.add("ports\t" + plan.bridges().stream().mapToInt(b -> b.ports().size()).sum());
    OutputWriter.replace(dir, files);
    Files.write(dir.resolve("cimnet.tsv"), tsv);
    System.out.println(dir + ": " + String.join("; ", tsv));
    if (plusOne) {
      // The same network with one container more on the host's first leaf's first subnet.
      BridgePlan leaf = plan.bridges().get(1);
      String subnet = plan.containers().stream()
          .flatMap(c -> c.nics().stream()).filter(n -> n.bridge().equals(leaf.name()))
          .findFirst().orElseThrow().subnet();
      Network more = network.toBuilder().container(lxc("extra").on(host).attach(subnet))
          .build();
      ValidatedNetwork mv = Checker.check(more, java.util.Optional.of(v.network()))
          .validated();
      List<RenderedFile> moreFiles = new ArrayList<>();
      for (Renderer r : Renderers.discover().all()) {
        if (r.id().equals("ovs")) {
          moreFiles.addAll(r.render(mv, NETDEV));
        }
      }
      OutputWriter.replace(dir.resolveSibling(dir.getFileName() + "-plus-one"), moreFiles);
    }
  }

  /**
   * "stage, median wall ms, median process CPU ms, first call's wall ms": the medians over
   * {@code runs} runs after as many untimed ones, so the JIT has compiled what the stage runs
   * (a 20 ms stage is still interpreted in part after one run); the first call is the cold one.
   */
  private static String time(String stage, int runs, Supplier<Object> task) {
    long first = System.nanoTime();
    task.get();
    long cold = System.nanoTime() - first;
    for (int i = 0; i < runs; i++) {
      task.get();
    }
    long[] wall = new long[runs];
    long[] cpu = new long[runs];
    for (int i = 0; i < runs; i++) {
      long c = OS.getProcessCpuTime();
      long w = System.nanoTime();
      if (task.get() == null) {
        throw new AssertionError("no result");
      }
      wall[i] = System.nanoTime() - w;
      cpu[i] = OS.getProcessCpuTime() - c;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return stage + "\t" + wall[runs / 2] / 1_000_000 + "\t" + cpu[runs / 2] / 1_000_000 + "\t"
        + cold / 1_000_000;
  }
}
