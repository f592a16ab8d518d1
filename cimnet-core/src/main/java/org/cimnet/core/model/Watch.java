package org.cimnet.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the watcher runs on every host (network.yaml's {@code watch}): the enforcement of each
 * subnet against MACs the model does not know, the programs to run for each outcome, and how
 * often the forwarding tables are read. Declaring it enables the watcher's service in the NixOS
 * modules.
 *
 * @param enforcement per subnet; a subnet not listed is {@link Enforcement#ALERT}
 * @param pollMillis how often each bridge's forwarding table is read, 50 to 60000 ms
 */
public record Watch(Map<String, Enforcement> enforcement, List<Handler> handlers,
    int pollMillis) {

  /** The default poll interval: a new MAC is acted on within about this long. */
  public static final int DEFAULT_POLL_MILLIS = 250;

  /** What the watcher does about a MAC the model does not know, on one subnet. */
  public enum Enforcement {
    /** Report it (an {@code unauthorized} event and its handlers), nothing else. */
    ALERT,
    /** Report it and isolate it at once: a drop flow for that MAC on the uplink bridge. */
    QUARANTINE,
    /** Only the model's MACs pass the uplink on this subnet's VLAN, from the first frame. */
    CLOSED;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The enforcement named {@code text}, or an error saying which exist. */
    public static Enforcement parse(String text) {
      for (Enforcement e : values()) {
        if (e.key().equals(text)) {
          return e;
        }
      }
      throw new IllegalArgumentException("enforcement '" + text
          + "' is not known: use 'alert', 'quarantine' or 'closed'");
    }
  }

  /** What the watcher found, one per event type of the log. */
  public enum Outcome {
    SEEN, MOVED, GONE, UNAUTHORIZED, QUARANTINED, ADMITTED;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome parse(String text) {
      for (Outcome o : values()) {
        if (o.key().equals(text)) {
          return o;
        }
      }
      throw new IllegalArgumentException("outcome '" + text + "' is not known: use 'seen',"
          + " 'moved', 'gone', 'unauthorized', 'quarantined' or 'admitted'");
    }
  }

  /**
   * A program run for every event of one outcome: {@code command} is an absolute path and its
   * arguments; the event goes to it as JSON on stdin and as {@code CIMNET_*} environment
   * variables; it is killed after {@code timeoutMillis}.
   */
  public record Handler(Outcome on, List<String> command, int timeoutMillis) {
    public Handler {
      Objects.requireNonNull(on, "on == null");
      command = List.copyOf(command);
      String self = "Watch handler on '" + on.key() + "'";
      if (command.isEmpty() || !command.get(0).startsWith("/")) {
        throw new IllegalArgumentException(self + ": the program '"
            + (command.isEmpty() ? "" : escaped(command.get(0)))
            + "' must be an absolute path, such as '/usr/local/bin/notify'");
      }
      for (String word : command) {
        if (word.indexOf('\0') >= 0 || word.indexOf('\n') >= 0) {
          throw new IllegalArgumentException(self + ": the word '" + escaped(word)
              + "' holds a NUL or a line break: a command's words cannot");
        }
      }
      if (timeoutMillis < 1 || timeoutMillis > 3_600_000) {
        throw new IllegalArgumentException(self + ": timeout '" + timeoutMillis
            + "' ms must be 1 to 3600000");
      }
    }
  }

  /** The default timeout of a handler program. */
  public static final int DEFAULT_TIMEOUT_MILLIS = 10_000;

  public Watch {
    enforcement = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(enforcement));
    enforcement.forEach((subnet, mode) -> {
      Messages.in("Watch", () -> Names.check("Subnet", subnet));
      Objects.requireNonNull(mode, "Watch: subnet '" + subnet + "': enforcement == null");
    });
    handlers = List.copyOf(handlers);
    if (pollMillis < 50 || pollMillis > 60_000) {
      throw new IllegalArgumentException("Watch: poll interval '" + pollMillis
          + "' ms must be 50 to 60000");
    }
  }

  /** The enforcement of {@code subnet}: as declared, else alert. */
  public Enforcement enforcement(String subnet) {
    return enforcement.getOrDefault(subnet, Enforcement.ALERT);
  }

  /** The handlers of one outcome, in declaration order. */
  public List<Handler> handlers(Outcome outcome) {
    return handlers.stream().filter(h -> h.on() == outcome).toList();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static String escaped(String text) {
    return org.cimnet.core.format.Quote.escape(text);
  }

  /** Builds a {@link Watch}; every method checks its arguments at once. */
  public static final class Builder {
    private final Map<String, Enforcement> enforcement = new LinkedHashMap<>();
    private final List<Handler> handlers = new ArrayList<>();
    private int pollMillis = DEFAULT_POLL_MILLIS;

    private Builder() {}

    /** {@code subnet}'s enforcement: {@code "alert"}, {@code "quarantine"} or {@code "closed"}. */
    public Builder enforce(String subnet, String mode) {
      Messages.in("Watch", () -> Names.check("Subnet", subnet));
      Enforcement e = Messages.in("Watch: subnet '" + subnet + "'",
          () -> Enforcement.parse(mode));
      if (enforcement.putIfAbsent(subnet, e) != null) {
        throw new IllegalArgumentException("Watch: subnet '" + subnet
            + "' has its enforcement declared twice");
      }
      return this;
    }

    /** Runs {@code program} with {@code args} for every event of {@code outcome}. */
    public Builder on(String outcome, String program, String... args) {
      return on(outcome, DEFAULT_TIMEOUT_MILLIS, program, args);
    }

    /** As {@link #on(String, String, String...)}, killing the program after the timeout. */
    public Builder on(String outcome, int timeoutMillis, String program, String... args) {
      Outcome o = Messages.in("Watch handler", () -> Outcome.parse(outcome));
      List<String> command = new ArrayList<>();
      command.add(Objects.requireNonNull(program, "program == null"));
      command.addAll(List.of(args));
      handlers.add(new Handler(o, command, timeoutMillis));
      return this;
    }

    public Builder handler(Handler handler) {
      handlers.add(Objects.requireNonNull(handler, "handler == null"));
      return this;
    }

    /** How often the forwarding tables are read (default {@value Watch#DEFAULT_POLL_MILLIS} ms). */
    public Builder pollMillis(int millis) {
      this.pollMillis = millis;
      new Watch(Map.of(), List.of(), millis);
      return this;
    }

    public Watch build() {
      return new Watch(enforcement, handlers, pollMillis);
    }
  }
}
