package org.cimnet.watch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Network;
import org.cimnet.core.yaml.LoadReport;
import org.cimnet.core.yaml.NetworkYaml;

/**
 * The watcher's entry point:
 *
 * <pre>
 * java org.cimnet.watch.WatchMain watch --model DIR --log FILE --host NAME [--polls N]
 * java org.cimnet.watch.WatchMain admit --model DIR --log FILE --name NAME --mac MAC
 *     --kind KIND --subnet SUBNET [--spine SPINE --port N]
 * java org.cimnet.watch.WatchMain ports --log FILE
 * </pre>
 *
 * <p>{@code watch} runs until stopped (or for {@code N} polls); {@code admit} appends a
 * {@code device-admitted} event once the model with the device still checks, and the running
 * watcher lifts the device's quarantine at its next poll; {@code ports} shows where every MAC
 * is now and since when, as the log says ({@link Whereabouts}). {@code DIR} holds network.yaml and
 * parts.yaml; {@code FILE} is the event log. Exit status: 0 done, 2 bad arguments or a model
 * that does not load or check, 3 the watcher stopped on an error.
 */
public final class WatchMain {
  private WatchMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !List.of("watch", "admit", "ports").contains(args[0])) {
      err.println("usage: watch --model DIR --log FILE --host NAME [--polls N]\n"
          + "       admit --model DIR --log FILE --name NAME --mac MAC --kind KIND"
          + " --subnet SUBNET [--spine SPINE --port N]\n"
          + "       ports --log FILE");
      return 2;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        err.println("cimnet " + args[0] + ": option '" + Text.escaped(args[i])
            + "' needs a value (--name VALUE)");
        return 2;
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    List<String> missing = new ArrayList<>();
    List<String> required = switch (args[0]) {
      case "watch" -> List.of("model", "log", "host");
      case "ports" -> List.of("log");
      default -> List.of("model", "log", "name", "mac", "kind", "subnet");
    };
    required.stream().filter(k -> !options.containsKey(k)).forEach(k -> missing.add("--" + k));
    if (!missing.isEmpty()) {
      err.println("cimnet " + args[0] + ": missing " + String.join(", ", missing));
      return 2;
    }
    if (args[0].equals("ports")) {
      out.print(Whereabouts.toText(Whereabouts.of(EventLog.open(Path.of(options.get("log")))
          .events())));
      return 0;
    }
    LoadReport loaded = NetworkYaml.load(Path.of(options.get("model")));
    if (!loaded.ok()) {
      err.print(loaded.toText());
      return 2;
    }
    Path log = Path.of(options.get("log"));
    try {
      return args[0].equals("watch") ? watch(loaded.orThrow(), log, options, out, err)
          : admit(loaded.orThrow(), log, options, out, err);
    } catch (WatchException | IllegalArgumentException e) {
      err.println("cimnet " + args[0] + ": " + e.getMessage());
      return e instanceof IllegalArgumentException ? 2 : 3;
    }
  }

  private static int watch(Network origin, Path log, Map<String, String> options,
      PrintStream out, PrintStream err) {
    long polls = Long.parseLong(options.getOrDefault("polls", "-1"));
    try (Watcher w = new Watcher(origin, log, options.get("host"), new Ovs(System.getenv()),
        Clock.systemUTC(), err)) {
      out.println("cimnet watch: host " + options.get("host") + ", every " + w.pollMillis()
          + " ms, events to " + log);
      for (long i = 0; polls < 0 || i < polls; i++) {
        long start = System.nanoTime();
        for (Event e : w.poll()) {
          out.println(EventLog.json(e));
        }
        long left = w.pollMillis() - (System.nanoTime() - start) / 1_000_000;
        if (left > 0) {
          try {
            Thread.sleep(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
          }
        }
      }
    }
    return 0;
  }

  private static int admit(Network origin, Path log, Map<String, String> options,
      PrintStream out, PrintStream err) {
    Device.Builder b = Device.builder(options.get("name"), options.get("mac"),
        options.get("kind"), options.get("subnet"));
    if (options.containsKey("spine") != options.containsKey("port")) {
      err.println("cimnet admit: give both --spine and --port, or neither");
      return 2;
    }
    if (options.containsKey("spine")) {
      b.cable(options.get("spine"), Integer.parseInt(options.get("port")));
    }
    Device device = b.build();
    Event admitted;
    try {
      admitted = Inventory.admit(origin, log, device);
    } catch (WatchException e) {
      err.println("cimnet admit: " + e.getMessage());
      return 2;
    }
    out.println(EventLog.json(admitted));
    return 0;
  }
}
