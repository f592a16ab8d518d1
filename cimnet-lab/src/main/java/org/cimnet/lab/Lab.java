package org.cimnet.lab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;

/**
 * Runs a validated network's rendered files for real and compares what happens with what the
 * checker proved.
 *
 * <p>The lab renders the network with every renderer on the class path and the settings of
 * {@link #renderContext(Path)}, then uses the files as they are. Inside Linux network namespaces
 * whose names start with a prefix unique to the run ({@code cl<pid><n>-}) it builds:
 * <ul>
 *   <li>per host a router namespace with the host's trunk NICs (veths) and a private Open vSwitch
 *       ({@code ovsdb-server} and {@code ovs-vswitchd}, userspace datapath, own run folder)
 *       configured by the host's rendered {@code ovs/setup.sh} and flow files; the plan's L3
 *       addresses and default route, forwarding on; the rendered {@code nftables.nft} loaded with
 *       {@code nft -f}; on nameserver hosts the rendered {@code unbound.conf} running;
 *   <li>per container a namespace whose {@code eth<i>} is a veth to the container's switch port
 *       in its host, with the container's MAC, address and default route;
 *   <li>a spine namespace standing for the physical spines: a learning switch of the lab's own
 *       (another private Open vSwitch; the kernel may lack Linux bridges and VLAN devices)
 *       joining each host's first trunk NIC, tagged, (the others stay without carrier, so the
 *       bond uses that one) and the internet namespace on an access port of the {@code via}
 *       subnet's VLAN; the internet holds the upstream gateway address.
 * </ul>
 * Then it probes every ordered pair (container or internet to container, gateway, public address
 * or internet) with real TCP connections on every service the rules name plus a few they do not,
 * opens a connection through the relays of every cell the expectation says relays widen (see
 * {@link Expectation#relayedCells()}), resolves every name forward and reverse from every subnet
 * through its nameserver, and sends forged source addresses from every subnet. Every namespace, link, daemon and file it created
 * is removed when the run ends, fails or is interrupted.
 */
public final class Lab {
  /** The tools the lab runs; every one must be on the PATH. */
  public static final List<String> TOOLS = List.of("ip", "ovs-vsctl", "ovs-ofctl", "ovsdb-tool",
      "ovsdb-server", "ovsdb-client", "ovs-vswitchd", "nft", "unbound", "dig", "python3");

  private Lab() {}

  /** The stages of a run, in order. */
  public enum Stage { RENDER, BUILD, LISTEN, TCP, RELAY, DNS, SPOOF, DONE }

  /** Told when each stage of a run begins, and at the end. */
  @FunctionalInterface
  public interface Progress {
    /**
     * {@code stage} begins ({@link Stage#DONE}: the run ended).
     *
     * @param detail one line on what it does or, for {@code DONE}, the summary's figures
     */
    void stage(Stage stage, String detail);

    /** Tells nothing. */
    static Progress none() {
      return (stage, detail) -> { };
    }
  }

  /**
   * How to run.
   *
   * @param connectTimeoutMillis the bound on each probe's connection (and its answer)
   * @param extraPorts TCP ports probed besides those the rules name, to show what is closed
   * @param keepWork keep the work folder (rendered files, daemon logs) after the run
   * @param edit applied to the rendered files before they are used; identity unless a test
   *     breaks a rule on purpose
   * @param log where progress goes, as lines of text
   * @param progress told when each stage begins
   */
  public record Options(int connectTimeoutMillis, List<Integer> extraPorts, boolean keepWork,
      UnaryOperator<List<RenderedFile>> edit, PrintStream log, Progress progress) {
    public Options {
      extraPorts = List.copyOf(extraPorts);
      Objects.requireNonNull(edit, "edit == null");
      Objects.requireNonNull(log, "log == null");
      Objects.requireNonNull(progress, "progress == null");
      if (connectTimeoutMillis < 100 || connectTimeoutMillis > 10_000) {
        throw new IllegalArgumentException("connectTimeoutMillis " + connectTimeoutMillis
            + " is out of range: 100 to 10000");
      }
    }

    /** Options without progress callbacks. */
    public Options(int connectTimeoutMillis, List<Integer> extraPorts, boolean keepWork,
        UnaryOperator<List<RenderedFile>> edit, PrintStream log) {
      this(connectTimeoutMillis, extraPorts, keepWork, edit, log, Progress.none());
    }

    public static Options defaults() {
      return new Options(1500, List.of(22, 8080), false, UnaryOperator.identity(), System.err);
    }

    public Options withEdit(UnaryOperator<List<RenderedFile>> changed) {
      return new Options(connectTimeoutMillis, extraPorts, keepWork, changed, log, progress);
    }

    public Options withKeepWork(boolean keep) {
      return new Options(connectTimeoutMillis, extraPorts, keep, edit, log, progress);
    }

    public Options withLog(PrintStream to) {
      return new Options(connectTimeoutMillis, extraPorts, keepWork, edit, to, progress);
    }

    public Options withProgress(Progress to) {
      return new Options(connectTimeoutMillis, extraPorts, keepWork, edit, log, to);
    }
  }

  /**
   * The renderer settings the lab renders with: the userspace datapath for Open vSwitch, and
   * Unbound working in {@code work} as the starting user, in the foreground, without a pid file.
   */
  public static RenderContext renderContext(Path work) {
    return RenderContext.defaults()
        .with("ovs.datapath", "netdev")
        .with("unbound.directory", work.toString())
        .with("unbound.pidfile", "")
        .with("unbound.username", "");
  }

  /** Runs the lab and compares with the checker's prover ({@link ProverExpectation}). */
  public static LabReport run(ValidatedNetwork network) {
    return run(network, ProverExpectation.of(network.network()), Options.defaults());
  }

  /** Runs the lab and compares with {@code expectation}. */
  public static LabReport run(ValidatedNetwork network, Expectation expectation,
      Options options) {
    Objects.requireNonNull(network, "network == null");
    Objects.requireNonNull(expectation, "expectation == null");
    Objects.requireNonNull(options, "options == null");
    try (Fabric fabric = Fabric.create(options.keepWork())) {
      options.log().println("cimnet lab: namespaces " + fabric.prefix() + "-*, work folder "
          + fabric.work());
      return new LabRun(network, expectation, options, fabric).run();
    }
  }
}
