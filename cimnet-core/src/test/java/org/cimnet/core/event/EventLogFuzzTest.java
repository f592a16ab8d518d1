package org.cimnet.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Network;
import org.cimnet.core.yaml.Fuzz;
import org.cimnet.core.yaml.YamlProblem;
import org.cimnet.testkit.gen.NetworkGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event log reader under mutated logs (see {@link Fuzz}): opening gives a log or an
 * {@link EventLogException} with clean messages, and leaves the file as it was; an append to a
 * log that opened cuts off at most the unfinished tail it reported and adds exactly its line.
 */
class EventLogFuzzTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(600)
  void onlyReportsComeOutOfTheReaderAndAnAppendCutsOnlyATornTail() throws IOException {
    Path seedLog = dir.resolve("seed.jsonl");
    Network n = NetworkGenerator.generate(NetworkGenerator.Spec.small(1));
    EventLog log = EventLog.open(seedLog);
    log.assign(n);
    log.appendAll(List.of(new Event.SubnetRemoved("s0"), new Event.ContainerMoved("c1", "h0"),
        new Event.ContainerPlaced(Container.builder(ContainerKind.DOCKER, "web").on("h0")
            .attach("s1").publish("tcp/443").build())));
    List<byte[]> corpus = new ArrayList<>(List.of(Files.readAllBytes(seedLog)));
    Event added = new Event.SubnetRemoved("fuzz");
    byte[] addedLine = (EventEncoder.encode(added) + "\n").getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("events.jsonl");
    long count = Fuzz.run("event-log", corpus, input -> {
      Files.deleteIfExists(dir.resolve("events.jsonl.torn"));
      Files.write(file, input);
      EventLog opened;
      try {
        opened = EventLog.open(file);
      } catch (EventLogException e) {
        for (YamlProblem p : e.problems()) {
          Fuzz.clean(p.toString());
        }
        assertArrayEquals(input, Files.readAllBytes(file), "a refused log is left as it was");
        return;
      }
      opened.torn().ifPresent(t -> Fuzz.clean(t.toString()));
      int before = opened.events().size();
      opened.append(added);
      byte[] after = Files.readAllBytes(file);
      int keep = input.length;
      if (Files.exists(dir.resolve("events.jsonl.torn"))) {
        keep = lastNewline(input) + 1;
        assertArrayEquals(Arrays.copyOfRange(input, keep, input.length),
            Files.readAllBytes(dir.resolve("events.jsonl.torn")), "the cut tail is kept");
      }
      assertArrayEquals(Arrays.copyOf(input, keep), Arrays.copyOf(after, keep),
          "nothing but an unfinished tail is cut");
      byte[] rest = Arrays.copyOfRange(after, keep, after.length);
      if (rest.length == addedLine.length + 1) {
        assertEquals('\n', rest[0], "a newline ends an event that had lost its own");
        rest = Arrays.copyOfRange(rest, 1, rest.length);
      }
      assertArrayEquals(addedLine, rest);
      EventLog reopened = EventLog.open(file);
      assertTrue(reopened.torn().isEmpty(), reopened::report);
      assertEquals(opened.events(), reopened.events());
      assertEquals(added, reopened.events().get(before));
    });
    assertTrue(count > 0);
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
