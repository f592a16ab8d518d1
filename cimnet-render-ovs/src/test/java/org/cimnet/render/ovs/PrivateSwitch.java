package org.cimnet.render.ovs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.cimnet.core.spi.OutputWriter;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.testkit.Proc;

/**
 * A private Open vSwitch for tests: its own database and {@code ovsdb-server}, and an
 * {@code ovs-vswitchd} running inside a fresh network namespace (so the userspace datapath's
 * devices never touch the machine's), all under one temporary folder. Closing it stops both
 * daemons, deletes every namespace it made and the folder; a JVM shutdown hook closes what a
 * crashed test left open. Public, in this module's test jar, for the watcher's tests.
 */
public final class PrivateSwitch implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Set<PrivateSwitch> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(PrivateSwitch::close),
        "cimnet-ovs-cleanup"));
  }

  public final Path dir;
  /** The namespace ovs-vswitchd (and so every bridge, internal and container port) lives in. */
  public final String netns;
  private final String id;
  private final List<String> namespaces = new ArrayList<>();
  private final List<Process> daemons = new ArrayList<>();
  private int applied;

  private PrivateSwitch() throws IOException {
    id = ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    dir = Files.createTempDirectory("cimnet-ovs");
    netns = "cimnet-ovs-" + id;
  }

  /** Starts both daemons; on any failure everything started so far is stopped again. */
  public static PrivateSwitch start() {
    PrivateSwitch sw;
    try {
      sw = new PrivateSwitch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OPEN.add(sw);
    try {
      sw.boot();
      return sw;
    } catch (RuntimeException | Error e) {
      sw.close();
      throw e;
    }
  }

  private void boot() {
    addNamespace(netns);
    check(Proc.run(List.of("ovsdb-tool", "create", dir.resolve("conf.db").toString(),
        "/usr/share/openvswitch/vswitch.ovsschema"), null, 30));
    daemon("ovsdb-server", dir.resolve("conf.db").toString(),
        "--remote=punix:" + dir.resolve("db.sock"),
        "--unixctl=" + dir.resolve("ovsdb-server.ctl"),
        "--pidfile=" + dir.resolve("ovsdb-server.pid"),
        "--log-file=" + dir.resolve("ovsdb-server.log"));
    waitFor(() -> Files.exists(dir.resolve("db.sock")), "ovsdb-server's socket");
    check(vsctl("--no-wait", "init"));
    daemon("ovs-vswitchd", "unix:" + dir.resolve("db.sock"),
        "--unixctl=" + dir.resolve("ovs-vswitchd.ctl"),
        "--log-file=" + dir.resolve("ovs-vswitchd.log"));
    waitFor(() -> Proc.run(List.of("ovs-appctl", "-t", dir.resolve("ovs-vswitchd.ctl").toString(),
        "version"), null, 10).ok(), "ovs-vswitchd's control socket");
  }

  private void daemon(String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", netns));
    cmd.addAll(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(command[0] + ".out").toFile());
    env(pb.environment());
    try {
      daemons.add(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + command[0], e);
    }
  }

  private void env(java.util.Map<String, String> env) {
    env.put("OVS_RUNDIR", dir.toString());
    env.put("OVS_LOGDIR", dir.toString());
    env.put("OVS_DBDIR", dir.toString());
  }

  /** Runs ovs-vsctl against this switch (waiting at most 30 s for ovs-vswitchd). */
  public Proc.Result vsctl(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ovs-vsctl", "--db=unix:" + dir.resolve("db.sock"),
        "--timeout=30"));
    cmd.addAll(List.of(args));
    return Proc.run(cmd, null, 60);
  }

  /** Runs ovs-ofctl against this switch's bridges (OpenFlow 1.3). */
  public Proc.Result ofctl(String... args) {
    List<String> cmd = new ArrayList<>(List.of("env", "OVS_RUNDIR=" + dir, "ovs-ofctl", "-O",
        "OpenFlow13"));
    cmd.addAll(List.of(args));
    return Proc.run(cmd, null, 60);
  }

  /** The output of an ovs-vsctl command that must succeed, without its final newline. */
  public String get(String... args) {
    return check(vsctl(args)).output().strip();
  }

  /**
   * Writes {@code files} to a fresh folder and runs {@code hosts/<host>/ovs/setup.sh} against
   * this switch, the way an operator would, with the script's documented environment.
   */
  public Proc.Result apply(List<RenderedFile> files, String host) {
    return apply(files, host, "", List.of());
  }

  /** The folder where the scripts run against this switch remember its state. */
  Path memory() {
    return dir.resolve("memory");
  }

  /**
   * As {@link #apply(List, String)}, and every call the script makes to ovsdb-client, ovs-vsctl
   * and ovs-ofctl is logged, one line per call (the tool, then its arguments), to
   * {@link #callLog()}, which starts empty.
   */
  Proc.Result applyLogged(List<RenderedFile> files, String host) {
    return applyLogged(files, host, List.of());
  }

  /**
   * As {@link #applyLogged(List, String)}, with more of the environment: {@code NAME=value}, or
   * {@code -uNAME} to unset it ({@code -uCIMNET_STATE}: no folder of this switch's own).
   */
  Proc.Result applyLogged(List<RenderedFile> files, String host, List<String> env) {
    Path wrapper = dir.resolve("log-call.sh");
    try {
      Files.writeString(wrapper, "printf '%s\\n' \"$*\" >>'" + callLog() + "'\nexec \"$@\"\n");
      Files.deleteIfExists(callLog());
      Files.createFile(callLog());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return apply(files, host, "bash " + wrapper + " ", env);
  }

  /** The calls {@link #applyLogged} recorded, one per line. */
  Path callLog() {
    return dir.resolve("calls.log");
  }

  private Proc.Result apply(List<RenderedFile> files, String host, String prefix,
      List<String> env) {
    Path out = dir.resolve("render-" + (++applied));
    OutputWriter.replace(out, files);
    Path script = out.resolve("hosts").resolve(host).resolve("ovs").resolve("setup.sh");
    // env's options ("-uNAME" unsets NAME) come before its assignments.
    List<String> cmd = new ArrayList<>(List.of("env"));
    env.stream().filter(e -> e.startsWith("-")).forEach(cmd::add);
    cmd.addAll(List.of("OVS_RUNDIR=" + dir, "OVSDB_CLIENT=" + prefix + "ovsdb-client",
        "OVS_VSCTL=" + prefix + "ovs-vsctl --db=unix:" + dir.resolve("db.sock") + " --timeout=30",
        "OVS_OFCTL=" + prefix + "ovs-ofctl"));
    if (!env.contains("-uCIMNET_STATE")) {
      cmd.add("CIMNET_STATE=" + memory());
    }
    env.stream().filter(e -> !e.startsWith("-")).forEach(cmd::add);
    cmd.addAll(List.of("bash", script.toString()));
    return Proc.run(cmd, null, 300);
  }

  /** Creates a network namespace that {@link #close()} deletes; the name is unique per run. */
  public String namespace(String suffix) {
    String name = "cimnet-" + suffix + "-" + id;
    addNamespace(name);
    return name;
  }

  private void addNamespace(String name) {
    check(Proc.run(List.of("ip", "netns", "add", name), null, 10));
    namespaces.add(name);
  }

  /** Runs a command inside namespace {@code ns}. */
  public static Proc.Result in(String ns, String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    cmd.addAll(List.of(command));
    return Proc.run(cmd, null, 30);
  }

  public static Proc.Result check(Proc.Result r) {
    assertTrue(r.ok(), () -> "command failed (exit " + r.exit() + "):\n" + r.output());
    return r;
  }

  /** The last lines of the daemons' logs, for failure messages. */
  public String logs() {
    StringBuilder b = new StringBuilder();
    for (String log : List.of("ovsdb-server.log", "ovs-vswitchd.log")) {
      try {
        List<String> lines = Files.readAllLines(dir.resolve(log));
        b.append("--- ").append(log).append('\n');
        lines.subList(Math.max(0, lines.size() - 30), lines.size())
            .forEach(l -> b.append(l).append('\n'));
      } catch (IOException e) {
        b.append("--- ").append(log).append(": ").append(e.getMessage()).append('\n');
      }
    }
    return b.toString();
  }

  private static void waitFor(java.util.function.BooleanSupplier ready, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!ready.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted waiting for " + what, e);
      }
    }
  }

  /** Polls {@code ready} for up to 20 s; false if it never held. */
  public static boolean eventually(java.util.function.BooleanSupplier ready) {
    try {
      waitFor(ready, "a condition");
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Stops the daemons (vswitchd first), deletes the namespaces and the folder; idempotent. */
  @Override
  public synchronized void close() {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      Process p = daemons.get(i);
      p.destroy();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    daemons.clear();
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      Proc.Result r = Proc.run(List.of("ip", "netns", "del", namespaces.get(i)), null, 10);
      if (!r.ok()) {
        System.err.println("cimnet test: could not delete namespace " + namespaces.get(i)
            + ": " + r.output());
      }
    }
    namespaces.clear();
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        System.err.println("cimnet test: could not delete " + dir + ": " + e.getMessage());
      }
    }
    OPEN.remove(this);
  }
}
