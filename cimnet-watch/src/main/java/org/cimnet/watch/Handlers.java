package org.cimnet.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.event.Observed;
import org.cimnet.core.event.Sighting;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Watch;

/**
 * Runs the user's programs for each event: the event's JSON line on stdin, the same facts in
 * {@code CIMNET_*} environment variables, killed (with its children) after its timeout. How it
 * ended is reported as an {@link Event.HandlerRan} (status {@code exited}, {@code timed-out} or
 * {@code not-started}, the exit status, the time taken, the first {@value #OUTPUT_LIMIT}
 * characters of its output). Programs run on their own threads: a program that hangs or fails
 * never holds up the watcher.
 */
public final class Handlers implements AutoCloseable {
  /** How much of a program's output (stdout and stderr together) the log keeps. */
  public static final int OUTPUT_LIMIT = 4096;

  private final List<Watch.Handler> handlers;
  private final Consumer<Event.HandlerRan> report;
  private final Clock clock;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "cimnet-handler");
    t.setDaemon(true);
    return t;
  });

  /** Runs {@code handlers}; every run ends in one call of {@code report}. */
  public Handlers(List<Watch.Handler> handlers, Consumer<Event.HandlerRan> report, Clock clock) {
    this.handlers = List.copyOf(handlers);
    this.report = report;
    this.clock = clock;
  }

  /** Starts every handler of {@code event}'s outcome; returns at once. */
  public void dispatch(Event event) {
    Watch.Outcome outcome;
    MacAddress mac;
    if (event instanceof Observed o) {
      outcome = o.outcome();
      mac = o.sighting().mac();
    } else if (event instanceof Event.DeviceAdmitted a) {
      outcome = Watch.Outcome.ADMITTED;
      mac = a.device().mac();
    } else {
      return;
    }
    for (Watch.Handler h : handlers) {
      if (h.on() == outcome) {
        pool.execute(() -> report.accept(run(h, event, mac)));
      }
    }
  }

  /** Runs one handler for one event, on this thread, and says how it ended. */
  Event.HandlerRan run(Watch.Handler h, Event event, MacAddress mac) {
    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(h.command()).redirectErrorStream(true);
    pb.environment().putAll(environment(event));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Event.HandlerRan(h.on(), mac, h.command(), "not-started", -1,
          millis(start), Text.escaped(String.valueOf(e.getMessage())), clock.instant());
    }
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> read(p.getInputStream(), output), "cimnet-handler-output");
    reader.setDaemon(true);
    reader.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write((EventLog.json(event) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The program closed its stdin without reading: that is its choice.
    }
    boolean ended;
    try {
      ended = p.waitFor(h.timeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    if (!ended) {
      // The program first, so it cannot report its children's death; then its children.
      List<ProcessHandle> children = p.descendants().toList();
      p.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
    }
    try {
      p.waitFor(5, TimeUnit.SECONDS);
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String out;
    synchronized (output) {
      out = output.toString();
    }
    return new Event.HandlerRan(h.on(), mac, h.command(), ended ? "exited" : "timed-out",
        ended ? p.exitValue() : -1, millis(start), out, clock.instant());
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void read(InputStream in, StringBuilder output) {
    byte[] buffer = new byte[4096];
    java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        int room = OUTPUT_LIMIT - kept.size();
        if (room > 0) {
          kept.write(buffer, 0, Math.min(room, n));
        }
      }
    } catch (IOException e) {
      // The program was killed: keep what was read.
    }
    synchronized (output) {
      output.append(kept.toString(StandardCharsets.UTF_8));
    }
  }

  /** The event's facts as {@code CIMNET_*} variables. */
  static Map<String, String> environment(Event event) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CIMNET_EVENT", event.type());
    if (event instanceof Observed o) {
      env.put("CIMNET_OUTCOME", o.outcome().key());
      env.put("CIMNET_AT", o.at().toString());
      put(env, "", o.sighting());
      if (o instanceof Observed.DeviceMoved m) {
        put(env, "FROM_", m.from());
      } else if (o instanceof Observed.DeviceUnauthorized u) {
        env.put("CIMNET_ENFORCEMENT", u.enforcement().key());
      }
    } else if (event instanceof Event.DeviceAdmitted a) {
      Device d = a.device();
      env.put("CIMNET_OUTCOME", Watch.Outcome.ADMITTED.key());
      env.put("CIMNET_DEVICE", d.name());
      env.put("CIMNET_MAC", d.mac().toString());
      env.put("CIMNET_KIND", d.kind());
      env.put("CIMNET_SUBNET", d.subnet());
      d.cable().ifPresent(c -> env.put("CIMNET_SPINE_PORT", c.toString()));
    }
    return env;
  }

  private static void put(Map<String, String> env, String prefix, Sighting s) {
    String p = "CIMNET_" + prefix;
    env.put(p + "HOST", s.host());
    env.put(p + "MAC", s.mac().toString());
    env.put(p + "BRIDGE", s.bridge());
    env.put(p + "PORT", s.port());
    env.put(p + "VLAN", Integer.toString(s.vlan()));
    env.put(p + "SUBNET", s.subnet().orElse(""));
    env.put(p + "OWNER", s.owner().orElse(""));
    env.put(p + "ADDRESS", s.address().map(Object::toString).orElse(""));
  }

  /** Takes no more events and waits up to 30 s for the programs still running. */
  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
