package org.cimnet.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cimnet.core.plan.Admission;

/**
 * The real tools: {@code ovs-appctl}, {@code ovs-ofctl} (OpenFlow 1.3) and {@code ip}. As with
 * the rendered {@code setup.sh}, the environment variables {@code OVS_APPCTL}, {@code OVS_OFCTL}
 * {@code CIMNET_IP} and {@code CIMNET_LLDPCLI} replace the commands (split into words, so
 * {@code OVS_APPCTL="ovs-appctl -t /run/openvswitch/ovs-vswitchd.ctl"} works), and
 * {@code OVS_RUNDIR} points the tools at another switch's sockets.
 */
public final class Ovs implements Tables {
  private static final int SECONDS = 10;
  private final List<String> appctl;
  private final List<String> ofctl;
  private final List<String> ip;
  private final List<String> lldpcli;

  public Ovs(Map<String, String> env) {
    this.appctl = words(env.getOrDefault("OVS_APPCTL", "ovs-appctl"));
    this.ofctl = words(env.getOrDefault("OVS_OFCTL", "ovs-ofctl"));
    this.ip = words(env.getOrDefault("CIMNET_IP", "ip"));
    this.lldpcli = words(env.getOrDefault("CIMNET_LLDPCLI", "lldpcli"));
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  @Override
  public String fdb(String bridge) {
    return run(appctl, null, "fdb/show", bridge);
  }

  @Override
  public String ports(String bridge) {
    return run(ofctl, null, "-O", "OpenFlow13", "dump-ports-desc", bridge);
  }

  @Override
  public String records(String bridge) {
    return run(ofctl, null, "-O", "OpenFlow13", "dump-flows", bridge,
        "table=" + Admission.RECORD_TABLE);
  }

  @Override
  public String neighbours() {
    return run(ip, null, "-j", "neigh", "show");
  }

  @Override
  public String lldp() {
    return run(lldpcli, null, "-f", "json", "show", "neighbors");
  }

  @Override
  public void addFlows(String bridge, List<String> flows) {
    run(ofctl, String.join("\n", flows) + "\n", "-O", "OpenFlow13", "add-flows", bridge, "-");
  }

  @Override
  public void deleteFlows(String bridge, String match) {
    run(ofctl, null, "-O", "OpenFlow13", "del-flows", bridge, match);
  }

  private static String run(List<String> tool, String stdin, String... args) {
    List<String> command = new ArrayList<>(tool);
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      byte[][] out = new byte[1][];
      Thread reader = new Thread(() -> {
        try {
          out[0] = p.getInputStream().readAllBytes();
        } catch (IOException e) {
          out[0] = new byte[0];
        }
      }, "cimnet-watch-tool");
      reader.setDaemon(true);
      reader.start();
      if (!p.waitFor(SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new WatchException("'" + String.join(" ", command) + "' did not finish in "
            + SECONDS + " s");
      }
      reader.join(2000);
      String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new WatchException("'" + String.join(" ", command) + "' failed (exit "
            + p.exitValue() + "): " + Text.escaped(text.strip()));
      }
      return text;
    } catch (IOException e) {
      throw new WatchException("'" + String.join(" ", command) + "' could not run: "
          + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WatchException("interrupted running '" + String.join(" ", command) + "'");
    }
  }
}
