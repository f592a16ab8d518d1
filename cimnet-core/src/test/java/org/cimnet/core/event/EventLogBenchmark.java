package org.cimnet.core.event;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Times appends to the event log: one writer, then three processes at once, against the floor
 * the disk sets (the same lines written and forced with no lock and no read-back), and the
 * open of the resulting log. Not a unit test. Run it with the bounds:
 *
 * <pre>
 * mvn -q -B -o -pl cimnet-core test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -XX:ActiveProcessorCount=2 \
 *     -cp cimnet-core/target/classes:cimnet-core/target/test-classes:$(cat cimnet-core/cp.txt) \
 *     org.cimnet.core.event.EventLogBenchmark [appends]
 * </pre>
 */
public final class EventLogBenchmark {
  private EventLogBenchmark() {}

  public static void main(String[] args) throws Exception {
    int appends = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path dir = Files.createTempDirectory("cimnet-log-bench");
    byte[] line = (EventEncoder.encode(EventLogWritersTest.event(0, 0)) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    long raw = raw(dir.resolve("raw.jsonl"), line, appends);
    Path one = dir.resolve("one.jsonl");
    EventLog log = EventLog.open(one);
    long start = System.nanoTime();
    for (int i = 0; i < appends; i++) {
      log.append(EventLogWritersTest.event(0, i));
    }
    long single = System.nanoTime() - start;
    long three = processes(dir.resolve("three.jsonl"), dir.resolve("go"), appends / 3);
    start = System.nanoTime();
    int events = EventLog.open(dir.resolve("three.jsonl")).events().size();
    long open = System.nanoTime() - start;
    System.out.printf("raw write+force, no lock:   %6d ms for %d lines, %5d us each%n",
        raw / 1_000_000, appends, raw / 1000 / appends);
    System.out.printf("EventLog.append, 1 writer:  %6d ms for %d events, %5d us each (%.2fx"
        + " raw)%n", single / 1_000_000, appends, single / 1000 / appends,
        (double) single / raw);
    System.out.printf("3 processes x %d appends:  %6d ms, %5d us per event (wall, JVM starts"
        + " included)%n", appends / 3, three / 1_000_000, three / 1000 / (3L * (appends / 3)));
    System.out.printf("EventLog.open of %d events: %6d ms%n", events, open / 1_000_000);
  }

  private static long raw(Path file, byte[] line, int appends) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < appends; i++) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        channel.write(ByteBuffer.wrap(line));
        channel.force(true);
      }
    }
    return System.nanoTime() - start;
  }

  private static long processes(Path log, Path go, int each) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> children = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          EventLogWritersTest.Writer.class.getName(), log.toString(), go.toString(),
          String.valueOf(w), String.valueOf(each)).redirectErrorStream(true).start());
    }
    for (Process p : children) {
      new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
    }
    long start = System.nanoTime();
    Files.createFile(go);
    for (Process p : children) {
      p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("a writer failed");
      }
    }
    return System.nanoTime() - start;
  }
}
