package org.cimnet.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;

/**
 * The listeners and the prober the TCP and relayed probes share: a listener in every namespace
 * answering with its identity on every probed port (and relaying on request), and
 * {@code connect.py} running a list of probes from one namespace.
 */
final class Probing {
  /** One probe line for {@code connect.py} and the id its answer comes back with. */
  record Line(int id, String text) {}

  private final Built b;
  private final Lab.Options options;
  private final List<Integer> ports;
  /** Namespace to the probed ports its own services hold (no listener of the lab there). */
  private final Map<String, Set<Integer>> held = new HashMap<>();

  Probing(Built built, Lab.Options options) {
    this.b = built;
    this.options = options;
    this.ports = ports(built, options);
  }

  /** The TCP ports the rules and published services name, plus the extra ones, ascending. */
  private static List<Integer> ports(Built b, Lab.Options options) {
    Set<Integer> ports = new TreeSet<>(options.extraPorts());
    for (Rule r : b.network.rules()) {
      for (Service s : r.services()) {
        if (s.protocol() == Service.Protocol.TCP && !s.allPorts()) {
          ports.add(s.fromPort());
        }
      }
    }
    b.network.containers().forEach(c -> c.publishes().stream()
        .filter(s -> s.protocol() == Service.Protocol.TCP).forEach(s -> ports.add(s.fromPort())));
    return List.copyOf(ports);
  }

  List<Integer> ports() {
    return ports;
  }

  /** Starts a listener in every container, every router and the internet. */
  void listen() {
    List<Runnable> starts = new ArrayList<>();
    b.containers.forEach((name, ns) -> starts.add(() -> listen(ns, name)));
    b.routers.forEach((host, ns) -> starts.add(() -> listen(ns, "router:" + host)));
    starts.add(() -> listen(b.internetNs, "internet"));
    Tasks.parallel(starts);
  }

  private void listen(String ns, String identity) {
    List<String> command = new ArrayList<>(List.of("python3", "listen.py", identity,
        String.valueOf(options.connectTimeoutMillis() / 1000.0)));
    ports.forEach(p -> command.add(String.valueOf(p)));
    List<String> before = new ArrayList<>();
    b.fabric.spawn(ns, command, b.fabric.work().resolve("listen-" + ns + ".log"), 20, before);
    Set<Integer> mine = new HashSet<>();
    for (String line : before) {
      String[] f = line.split(" ");
      if (f.length == 2 && f[0].equals("held")) {
        mine.add(Integer.parseInt(f[1]));
      }
    }
    synchronized (held) {
      held.put(ns, mine);
    }
    if (!mine.isEmpty()) {
      b.note(identity + " serves tcp/" + new TreeSet<>(mine) + " itself: probes there reach"
          + " its own service");
    }
  }

  /**
   * What a probe's answer means: {@code connected X} stays, except that a silent answer from a
   * port a namespace's own service holds counts as that namespace answering.
   */
  String observed(String answer, String targetNs, String identity, int port) {
    if (answer.equals("connected (silent)") && targetNs != null
        && held.getOrDefault(targetNs, Set.of()).contains(port)) {
      return "connected " + identity;
    }
    return answer;
  }

  /**
   * Runs {@code lines} from {@code ns}, whose prober is {@code who}, hops at most {@code hops}
   * deep; answers by id.
   */
  Map<Integer, String> connect(String ns, String who, List<Line> lines, int hops) {
    Path file = b.fabric.work().resolve("probes-" + ns + "-" + hops + ".txt");
    StringBuilder text = new StringBuilder();
    lines.forEach(l -> text.append(l.id()).append(' ').append(l.text()).append('\n'));
    Tasks.write(file, text.toString());
    double seconds = options.connectTimeoutMillis() / 1000.0;
    // Bounded as a whole too: every probe in its own slot of 48, each hop at most 2 timeouts.
    int bound = 30 + (int) Math.ceil(lines.size() / 48.0 * 2 * hops * seconds) + 10;
    Sh.Result r = b.fabric.exec(ns, bound, List.of("python3", "connect.py", file.toString(),
        String.valueOf(seconds), who), Map.of());
    Map<Integer, String> results = new HashMap<>();
    for (String line : r.output().split("\n")) {
      String[] parts = line.strip().split(" ", 2);
      if (parts.length == 2 && parts[0].matches("\\d+")) {
        results.put(Integer.parseInt(parts[0]), parts[1]);
      }
    }
    if (results.isEmpty() && !lines.isEmpty()) {
      throw new LabException("The prober answered nothing in " + ns + " (exit " + r.exit()
          + "):\n" + r.output().strip());
    }
    return results;
  }

  /** How a report prints an answer: {@code open (web1)}, or the failure as it is. */
  static String text(String observed) {
    return observed.startsWith("connected ")
        ? "open (" + observed.substring("connected ".length()) + ")" : observed;
  }
}
