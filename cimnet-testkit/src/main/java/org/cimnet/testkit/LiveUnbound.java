package org.cimnet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.plan.DnsPlans;

/**
 * A real {@code unbound -d} answering on a loopback address (127.0.0.1 unless told; any 127/8
 * address works on Linux, so several servers can run side by side), asked with {@code dig}:
 * start it with a rendered configuration, {@link #ask} questions in one batch, and close it
 * (always, in a try-with-resources), which stops the process.
 *
 * <p>Callers gate on {@code Tools.require("unbound", "dig")} first.
 */
public final class LiveUnbound implements AutoCloseable {
  private static final Pattern HEADER = Pattern.compile(";; ->>HEADER<<- .* status: ([A-Z]+),");
  private static final Pattern QUESTION = Pattern.compile(";(\\S+)\\s+IN\\s+(\\S+)");

  private final Process process;
  private final String address;
  private final int port;
  private final Path log;

  private LiveUnbound(Process process, String address, int port, Path log) {
    this.process = process;
    this.address = address;
    this.port = port;
    this.log = log;
  }

  /** A question: an absolute name (final dot optional) and a type such as {@code A}. */
  public record Question(String name, String type) {
    public Question {
      name = (name.endsWith(".") ? name : name + ".").toLowerCase(Locale.ROOT);
      type = type.toUpperCase(Locale.ROOT);
    }
  }

  /** An answer: the response code ({@code NOERROR}, {@code NXDOMAIN}, ...) and the rdata. */
  public record Answer(String status, List<String> data) {
    public Answer {
      data = List.copyOf(data);
    }
  }

  /** A port free for UDP and TCP on 127.0.0.1 right now. */
  public static int freePort() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
        int port = udp.getLocalPort();
        try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException busy) {
          // Try another: the TCP side is taken.
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("No free port on 127.0.0.1");
  }

  /**
   * Starts {@code unbound -d -c conf} (its output goes to {@code unbound.log} beside the conf)
   * and waits until it answers on {@code port}, asking {@code probe} (a name it serves).
   *
   * @throws IllegalStateException with Unbound's output if it exits or does not answer
   */
  public static LiveUnbound start(Path conf, int port, String probe) {
    return start(conf, "127.0.0.1", port, probe);
  }

  /**
   * As {@link #start(Path, int, String)}, for an Unbound listening on {@code address} (its log
   * is {@code unbound.log} beside the conf, so give each server its own folder).
   */
  public static LiveUnbound start(Path conf, String address, int port, String probe) {
    Path log = conf.resolveSibling("unbound.log");
    Process p;
    try {
      p = new ProcessBuilder("unbound", "-d", "-c", conf.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile())
          .directory(conf.getParent().toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start unbound", e);
    }
    LiveUnbound live = new LiveUnbound(p, address, port, log);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      Question q = new Question(probe, "A");
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new IllegalStateException("unbound exited with " + p.exitValue() + ":\n"
              + live.log());
        }
        if (!live.ask(List.of(q)).isEmpty()) {
          return live;
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("unbound did not answer on " + address + " port " + port
          + ":\n"
          + live.log());
    } catch (RuntimeException | InterruptedException e) {
      live.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /** What Unbound has written so far. */
  public String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** Asks every question in one {@code dig} batch; unanswered questions are missing. */
  public Map<Question, Answer> ask(List<Question> questions) {
    Map<Question, Answer> answers = new HashMap<>();
    Path batch;
    try {
      batch = Files.createTempFile(log.getParent(), "questions", ".txt");
      StringBuilder text = new StringBuilder();
      questions.forEach(q -> text.append(q.name()).append(' ').append(q.type()).append('\n'));
      Files.writeString(batch, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Proc.Result r = Proc.run(List.of("dig", "@" + address, "-p", String.valueOf(port),
        "+tries=1", "+time=3", "+noall", "+comments", "+question", "+answer", "-f",
        batch.toString()), null, 120);
    String status = null;
    Question current = null;
    List<String> data = new ArrayList<>();
    for (String line : r.output().split("\n")) {
      Matcher header = HEADER.matcher(line);
      Matcher question = QUESTION.matcher(line);
      if (header.find()) {
        if (current != null) {
          answers.put(current, new Answer(status, data));
        }
        status = header.group(1);
        current = null;
        data = new ArrayList<>();
      } else if (status != null && current == null && question.matches()) {
        current = new Question(question.group(1), question.group(2));
      } else if (current != null && !line.isBlank() && !line.startsWith(";")) {
        String[] rr = line.trim().split("\\s+", 5);
        if (rr.length == 5) {
          data.add(rr[4]);
        }
      }
    }
    if (current != null) {
      answers.put(current, new Answer(status, data));
    }
    return answers;
  }

  /**
   * Asks for every A and PTR the names imply plus {@code absent} names (which must answer
   * NXDOMAIN), and returns every disagreement with the model, one per line (empty: all agree).
   */
  public List<String> compare(List<Naming.NameRecord> names, List<String> absent) {
    Map<Question, String> expected = new java.util.LinkedHashMap<>();
    for (Naming.NameRecord n : names) {
      expected.put(new Question(n.fqdn(), "A"), n.address().toString());
      expected.put(new Question(DnsPlans.reverseName(n.address()), "PTR"), n.fqdn() + ".");
    }
    List<Question> questions = new ArrayList<>(expected.keySet());
    absent.forEach(a -> questions.add(new Question(a, "A")));
    Map<Question, Answer> answers = ask(questions);
    List<String> problems = new ArrayList<>();
    expected.forEach((q, want) -> {
      Answer got = answers.get(q);
      if (got == null || !got.status().equals("NOERROR") || !got.data().equals(List.of(want))) {
        problems.add(q + ": expected NOERROR " + want + ", got " + got);
      }
    });
    for (String a : absent) {
      Answer got = answers.get(new Question(a, "A"));
      if (got == null || !got.status().equals("NXDOMAIN") || !got.data().isEmpty()) {
        problems.add(a + " A: expected NXDOMAIN, got " + got);
      }
    }
    return problems;
  }

  /** Stops Unbound and waits for it to exit. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
