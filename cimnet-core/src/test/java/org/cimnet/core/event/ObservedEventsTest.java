package org.cimnet.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Watch;
import org.cimnet.core.yaml.YamlProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher's events: their JSON lines, and what replaying them does to the model. */
class ObservedEventsTest {
  @TempDir
  Path dir;

  private static final Instant AT = Instant.parse("2026-11-30T04:00:00.123Z");
  private static final Sighting HERE = new Sighting("hv", MacAddress.parse("3c:ec:ef:00:00:09"),
      "uplink", "bond0", 101, Optional.of(Ipv4Address.parse("10.20.1.50")),
      Optional.of("device:ilo-a"), Optional.of("a"));
  private static final Sighting THERE = new Sighting("hv", HERE.mac(), "leaf1", "c1-a", 102,
      Optional.empty(), Optional.empty(), Optional.empty());

  static List<Event> all() {
    Device d = Device.builder("ilo-a", "3c:ec:ef:00:00:09", "ilo", "a").cable("s1", 5).build();
    return List.of(new Observed.DeviceSeen(HERE, AT), new Observed.DeviceMoved(HERE, THERE, AT),
        new Observed.DeviceGone(THERE, AT),
        new Observed.DeviceUnauthorized(THERE, Watch.Enforcement.QUARANTINE, AT),
        new Observed.DeviceQuarantined(THERE, AT), new Event.DeviceAdmitted(d),
        new Event.HandlerRan(Watch.Outcome.UNAUTHORIZED, HERE.mac(),
            List.of("/bin/sh", "-c", "echo \"hi\"\n"), "exited", 3, 12, "hi\n\u0001", AT),
        new Event.DeviceRemoved("ilo-a"),
        new Event.WatchSet(Optional.of(Watch.builder().enforce("a", "closed").build())),
        new Event.WatchSet(Optional.empty()));
  }

  @Test
  void everyEventSurvivesItsJsonLine() {
    for (Event e : all()) {
      String line = EventEncoder.encode(e);
      List<YamlProblem> problems = new ArrayList<>();
      assertEquals(e, EventDecoder.decode(line.getBytes(StandardCharsets.UTF_8), "log", 1,
          problems).orElseThrow(() -> new AssertionError(problems + " in " + line)));
      assertTrue(EventDecoder.TYPES.contains(e.type()), e.type());
    }
    assertEquals("{\"event\":\"device-seen\",\"at\":\"2026-11-30T04:00:00.123Z\",\"host\":\"hv\","
        + "\"mac\":\"3c:ec:ef:00:00:09\",\"bridge\":\"uplink\",\"port\":\"bond0\",\"vlan\":101,"
        + "\"subnet\":\"a\",\"owner\":\"device:ilo-a\",\"address\":\"10.20.1.50\"}",
        EventLog.json(new Observed.DeviceSeen(HERE, AT)));
  }

  @Test
  void observationsLeaveTheModelAndAdmissionAddsToTheInventory() {
    Network origin = org.cimnet.core.check.InventoryTest.base().build();
    Network after = Replay.fold(origin, all().subList(0, 7));
    assertEquals(origin.toBuilder().device(Device.builder("ilo-a", "3c:ec:ef:00:00:09", "ilo",
        "a").cable("s1", 5)).build(), after);
    assertEquals(origin, Replay.fold(origin, all().subList(0, 8)));
    assertThrows(IllegalArgumentException.class, () -> Replay.fold(origin,
        List.of(new Event.DeviceRemoved("nobody"))));
  }

  @Test
  void aBadObservationLineIsNamedAndNothingIsLost() throws Exception {
    Path log = dir.resolve("events.jsonl");
    EventLog.open(log).append(new Observed.DeviceSeen(HERE, AT));
    Files.writeString(log, "{\"event\":\"device-seen\",\"at\":\"yesterday\",\"host\":\"hv\"}\n"
        + EventLog.json(new Observed.DeviceGone(HERE, AT)) + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    byte[] bytes = Files.readAllBytes(log);
    EventLogException e = assertThrows(EventLogException.class, () -> EventLog.open(log));
    String text = e.getMessage();
    assertTrue(text.contains("line 2 is a complete line that this version of cimnet cannot"
        + " read"), text);
    org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, Files.readAllBytes(log),
        "nothing is lost from the log");
    assertTrue(text.contains("time 'yesterday' is not an ISO-8601 instant"), text);
  }
}
