package org.cimnet.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What one lab run creates, and the promise to remove it: network namespaces under a prefix unique
 * to the run ({@code cl<pid><n>-<what>}), daemons known by their pid files, processes the lab
 * started, and a work folder. {@link #close()} removes all of it, and a JVM shutdown hook calls it
 * if the run is interrupted; removing a namespace removes every link inside it.
 */
final class Fabric implements AutoCloseable {
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final String prefix;
  private final Path work;
  private final boolean keepWork;
  private final List<String> namespaces = new ArrayList<>();
  private final List<Path> pidfiles = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private final Thread hook;
  private boolean closed;

  private Fabric(String prefix, Path work, boolean keepWork) {
    this.prefix = prefix;
    this.work = work;
    this.keepWork = keepWork;
    this.hook = new Thread(this::close, "cimnet-lab-cleanup " + prefix);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** A fresh fabric with its own prefix and work folder. */
  static Fabric create(boolean keepWork) {
    // pid and run counter in base 36 keep the prefix at most 8 characters, so that every
    // namespace name stays within 15 even with a 5-character suffix.
    String prefix = "cl" + Long.toString(ProcessHandle.current().pid() % 60_466_176L, 36)
        + Integer.toString(RUNS.getAndIncrement() % 36, 36);
    try {
      return new Fabric(prefix, Files.createTempDirectory("cimnet-lab-" + prefix + "-"),
          keepWork);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the lab's work folder", e);
    }
  }

  String prefix() {
    return prefix;
  }

  Path work() {
    return work;
  }

  List<String> namespaces() {
    synchronized (this) {
      return List.copyOf(namespaces);
    }
  }

  /** Creates the namespace {@code <prefix>-<suffix>} with its loopback up; returns its name. */
  String namespace(String suffix) {
    String name = prefix + "-" + suffix;
    if (name.length() > 15) {
      throw new IllegalArgumentException("Namespace name '" + name + "' is longer than 15");
    }
    Sh.run(10, "ip", "netns", "add", name).orThrow();
    synchronized (this) {
      namespaces.add(name);
    }
    exec(name, 10, "ip", "link", "set", "lo", "up").orThrow();
    return name;
  }

  /** Runs a command inside namespace {@code ns}. */
  Sh.Result exec(String ns, int seconds, String... command) {
    return exec(ns, seconds, List.of(command), Map.of());
  }

  Sh.Result exec(String ns, int seconds, List<String> command, Map<String, String> env) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    full.addAll(command);
    return Sh.run(full, env, work, seconds);
  }

  /** Records a daemon's pid file, so that {@link #close()} stops it. */
  void daemon(Path pidfile) {
    synchronized (this) {
      pidfiles.add(pidfile);
    }
  }

  /**
   * Starts a long-running command in {@code ns} and waits (at most {@code seconds}) for it to
   * print the line {@code ready}; its output after that goes to {@code log}.
   */
  Process spawn(String ns, List<String> command, Path log, int seconds) {
    return spawn(ns, command, log, seconds, new ArrayList<>());
  }

  /**
   * {@link #spawn(String, List, Path, int)}, with the lines the command printed before
   * {@code ready} added to {@code before}. A command that ends or stays silent instead is
   * stopped, and the exception quotes everything it printed (a helper's whole traceback).
   */
  Process spawn(String ns, List<String> command, Path log, int seconds, List<String> before) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    full.addAll(command);
    Process p;
    try {
      p = new ProcessBuilder(full).directory(work.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new LabException("Could not start " + String.join(" ", full), e);
    }
    synchronized (this) {
      processes.add(p);
    }
    Startup startup = new Startup();
    Thread reader = new Thread(() -> startup.read(p, log), "lab-" + ns);
    reader.setDaemon(true);
    reader.start();
    if (!startup.await(seconds)) {
      boolean ended = startup.ended();
      p.destroyForcibly();
      try {
        reader.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String said = startup.printed().strip();
      throw new LabException((ended ? "Ended before it was ready: "
          : "Did not start within " + seconds + "s: ") + String.join(" ", full)
          + (said.isEmpty() ? " (it printed nothing)" : "\n" + said));
    }
    before.addAll(startup.before());
    return p;
  }

  /** What a spawned command printed: the lines before {@code ready}, then its log. */
  private static final class Startup {
    private final List<String> lines = new ArrayList<>();
    private boolean ready;
    private boolean ended;

    void read(Process p, Path log) {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (this) {
            if (line.equals("ready")) {
              ready = true;
              notifyAll();
              break;
            }
            lines.add(line);
          }
        }
        if (line != null) {
          try (var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (line = in.readLine(); line != null; line = in.readLine()) {
              out.write(line);
              out.write('\n');
              out.flush();
            }
          }
        }
      } catch (IOException e) {
        // The process ended or was killed during cleanup; nothing left to read.
      } finally {
        synchronized (this) {
          ended = true;
          notifyAll();
        }
      }
    }

    synchronized boolean await(int seconds) {
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      while (!ready && !ended) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        try {
          wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LabException("Interrupted starting a lab process", e);
        }
      }
      return ready;
    }

    synchronized boolean ended() {
      return ended;
    }

    synchronized List<String> before() {
      return List.copyOf(lines);
    }

    synchronized String printed() {
      return String.join("\n", lines);
    }
  }

  /**
   * Stops every process and daemon, deletes every namespace (and so every link in it) and the
   * work folder; safe to call twice and from the shutdown hook. Failures are reported on stderr
   * and do not stop the rest of the cleanup.
   */
  @Override
  public void close() {
    List<String> nss;
    List<Path> pids;
    List<Process> procs;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      nss = new ArrayList<>(namespaces);
      pids = new ArrayList<>(pidfiles);
      procs = new ArrayList<>(processes);
    }
    procs.forEach(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    });
    // Daemons in reverse start order (vswitchd before its database).
    for (int i = pids.size() - 1; i >= 0; i--) {
      stop(pids.get(i));
    }
    for (String ns : nss) {
      // Anything else still running inside (started by a rendered script) is ours too.
      Sh.Result inside = Sh.run(10, "ip", "netns", "pids", ns);
      for (String pid : inside.output().strip().split("\\s+")) {
        if (pid.matches("\\d+")) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    }
    for (int i = nss.size() - 1; i >= 0; i--) {
      Sh.Result r = Sh.run(20, "ip", "netns", "delete", nss.get(i));
      if (!r.ok()) {
        System.err.println("cimnet lab: could not delete namespace " + nss.get(i) + ": "
            + r.output().strip());
      }
    }
    if (!keepWork) {
      deleteTree(work);
    }
    if (!Thread.currentThread().getName().startsWith("cimnet-lab-cleanup")) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook is this call's twin and finds us closed.
      }
    }
  }

  private static void stop(Path pidfile) {
    try {
      if (!Files.exists(pidfile)) {
        return;
      }
      String text = Files.readString(pidfile).strip();
      if (!text.matches("\\d+")) {
        return;
      }
      ProcessHandle.of(Long.parseLong(text)).ifPresent(h -> {
        h.destroy();
        try {
          h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          h.destroyForcibly();
        }
      });
    } catch (IOException e) {
      System.err.println("cimnet lab: could not read " + pidfile + ": " + e.getMessage());
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // A socket a daemon left behind; the folder is in the temporary directory anyway.
        }
      });
    } catch (IOException e) {
      System.err.println("cimnet lab: could not delete " + root + ": " + e.getMessage());
    }
  }
}
