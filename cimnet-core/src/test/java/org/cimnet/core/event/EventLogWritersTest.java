package org.cimnet.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.addr.Ipv4Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several writers on one log, in one JVM and in several processes, from clean and torn starts:
 * every event appended is read back, once, in each writer's order; nothing another writer
 * appended is ever cut off; a complete line this version cannot read is never removed.
 */
class EventLogWritersTest {
  private static final String TORN = "{\"event\":\"subnet-removed\",\"na";

  @TempDir
  Path dir;

  static Event event(int writer, int i) {
    return new Event.AddressAssigned(Event.Owner.CONTAINER, "w" + writer + "-c" + i, "s0",
        Ipv4Address.of(0x0A000000L + writer * 100_000L + i));
  }

  private Path tornLog() throws IOException {
    Path log = dir.resolve("events.jsonl");
    EventLog.open(log).appendAll(List.of(new Event.SubnetRemoved("a"),
        new Event.SubnetRemoved("b")));
    Files.writeString(log, TORN, StandardOpenOption.APPEND);
    return log;
  }

  /** Finding 1: B's repair of the torn tail used to cut off what A appended meanwhile. */
  @Test
  void twoInstancesOpenedOnATornLogLoseNothing() throws IOException {
    Path log = tornLog();
    EventLog a = EventLog.open(log);
    EventLog b = EventLog.open(log);
    assertTrue(a.torn().isPresent() && b.torn().isPresent());
    a.append(event(0, 0));
    a.append(event(0, 1));
    b.append(event(1, 0));
    List<Event> expected = List.of(new Event.SubnetRemoved("a"), new Event.SubnetRemoved("b"),
        event(0, 0), event(0, 1), event(1, 0));
    assertEquals(expected, EventLog.open(log).events());
    // Each instance read the others' events before appending its own.
    assertEquals(expected, b.events());
    assertEquals(TORN, Files.readString(dir.resolve("events.jsonl.torn")));
  }

  @Test
  @Timeout(300)
  void threeProcessesAppending500EachFromATornStartLoseNothing() throws Exception {
    writers(tornLog(), 3, 500, 2);
    assertEquals(TORN, Files.readString(dir.resolve("events.jsonl.torn")),
        "the torn tail was cut once, and kept");
  }

  @Test
  @Timeout(300)
  void threeProcessesAppending500EachFromACleanStartLoseNothing() throws Exception {
    writers(dir.resolve("events.jsonl"), 3, 500, 0);
    assertTrue(Files.notExists(dir.resolve("events.jsonl.torn")));
  }

  /**
   * Starts {@code count} processes that each open the log, wait until all have opened it (so
   * all saw the same start, torn or not), then append {@code appends} events one at a time.
   */
  private void writers(Path log, int count, int appends, int before) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path go = dir.resolve("go");
    List<Process> children = new ArrayList<>();
    for (int w = 0; w < count; w++) {
      children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          Writer.class.getName(), log.toString(), go.toString(), String.valueOf(w),
          String.valueOf(appends)).redirectErrorStream(true).start());
    }
    for (Process p : children) {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8));
      assertEquals("opened", out.readLine());
    }
    Files.createFile(go);
    for (Process p : children) {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), output);
    }
    EventLog read = EventLog.open(log);
    assertTrue(read.torn().isEmpty(), read::report);
    List<Event> events = read.events();
    assertEquals(before + count * appends, events.size(), read.report());
    Map<String, Integer> next = new HashMap<>();
    for (Event e : events.subList(before, events.size())) {
      Event.AddressAssigned a = (Event.AddressAssigned) e;
      String writer = a.name().substring(0, a.name().indexOf('-'));
      int i = next.merge(writer, 1, Integer::sum) - 1;
      assertEquals("c" + i, a.name().substring(a.name().indexOf('-') + 1),
          "writer " + writer + "'s events in its order, each once");
    }
    for (int w = 0; w < count; w++) {
      assertEquals(appends, next.get("w" + w));
    }
  }

  /** Opens the log, says so, waits for the go file, then appends one event at a time. */
  public static final class Writer {
    public static void main(String[] args) throws Exception {
      EventLog log = EventLog.open(Path.of(args[0]));
      System.out.println("opened");
      System.out.flush();
      Path go = Path.of(args[1]);
      while (Files.notExists(go)) {
        Thread.sleep(2);
      }
      int writer = Integer.parseInt(args[2]);
      for (int i = 0; i < Integer.parseInt(args[3]); i++) {
        log.append(event(writer, i));
      }
    }
  }

  /** Finding 2: a complete line this version cannot read was called torn and removed. */
  @Test
  void aCompleteLineThisVersionCannotReadStopsTheLoadAndIsKept() throws IOException {
    Path log = dir.resolve("events.jsonl");
    EventLog early = EventLog.open(log);
    early.append(new Event.SubnetRemoved("a"));
    Files.writeString(log,
        "{\"event\":\"device-teleported\",\"mac\":\"52:54:00:00:00:01\"}\n",
        StandardOpenOption.APPEND);
    byte[] bytes = Files.readAllBytes(log);
    EventLogException e = assertThrows(EventLogException.class, () -> EventLog.open(log));
    assertTrue(e.getMessage().startsWith("events.jsonl:2:0: line 2 is a complete line that"
        + " this version of cimnet cannot read"), e.getMessage());
    assertTrue(e.getMessage().contains("event 'device-teleported' is not known"),
        e.getMessage());
    EventLogException onAppend = assertThrows(EventLogException.class,
        () -> early.append(new Event.SubnetRemoved("b")));
    assertEquals(e.getMessage(), onAppend.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(log), "the line is never removed");
  }

  @Test
  void aLastLineWithoutNewlineThatIsNotAnEventIsKept() throws IOException {
    Path log = dir.resolve("events.jsonl");
    EventLog early = EventLog.open(log);
    early.append(new Event.SubnetRemoved("a"));
    Files.writeString(log, "written by hand", StandardOpenOption.APPEND);
    byte[] bytes = Files.readAllBytes(log);
    EventLogException e = assertThrows(EventLogException.class, () -> EventLog.open(log));
    assertEquals("events.jsonl:2:0: line 2 has no newline and is not the start of an event,"
        + " so it is not an append that was cut off: read 'written by hand'; it is kept: fix or"
        + " remove it (nothing was applied)", e.getMessage());
    assertThrows(EventLogException.class, () -> early.append(new Event.SubnetRemoved("b")));
    assertArrayEquals(bytes, Files.readAllBytes(log));
  }

  @Test
  void anEventWhoseNewlineWasLostIsReadAndTheNextAppendEndsIt() throws IOException {
    Path log = dir.resolve("events.jsonl");
    Files.writeString(log, "{\"event\":\"subnet-removed\",\"name\":\"a\"}");
    EventLog first = EventLog.open(log);
    EventLog second = EventLog.open(log);
    first.append(new Event.SubnetRemoved("b"));
    second.append(new Event.SubnetRemoved("c"));
    assertEquals(List.of(new Event.SubnetRemoved("a"), new Event.SubnetRemoved("b"),
        new Event.SubnetRemoved("c")), EventLog.open(log).events());
    assertEquals(3, Files.readAllLines(log).size());
  }

  /** Finding 3, for the log: a device never ends, and a FIFO nobody writes blocks. */
  @Test
  @Timeout(20)
  void aDeviceOrAFifoIsRefusedNotRead() throws Exception {
    EventLogException zero = assertThrows(EventLogException.class,
        () -> EventLog.open(Path.of("/dev/zero")));
    assertEquals("zero:0:0: /dev/zero: is a character device, not a regular file: cimnet reads"
        + " only regular files", zero.getMessage());
    Path fifo = dir.resolve("events.jsonl");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    EventLogException pipe = assertThrows(EventLogException.class, () -> EventLog.open(fifo));
    assertTrue(pipe.getMessage().contains("is a FIFO (named pipe), not a regular file"),
        pipe.getMessage());
    assertThrows(EventLogException.class, () -> EventLog.open(Path.of("/tmp")));
  }

  @Test
  void aLineLongerThanAnyEventIsNotReadIntoMemory() throws IOException {
    Path log = dir.resolve("events.jsonl");
    Files.write(log, new byte[LogScan.MAX_LINE + 10]);
    EventLogException e = assertThrows(EventLogException.class, () -> EventLog.open(log));
    assertEquals("events.jsonl:1:0: line 1 has no newline and is not the start of an event, so"
        + " it is not an append that was cut off: read '(" + (LogScan.MAX_LINE + 10)
        + " bytes)'; it is kept: fix or remove it (nothing was applied)", e.getMessage());
  }
}
