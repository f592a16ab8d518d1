package org.cimnet.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.event.Observed;
import org.cimnet.core.event.Sighting;
import org.cimnet.core.model.Watch;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handler programs: their input, and how a failing, hanging or missing one is recorded. */
class HandlersTest {
  @TempDir
  Path dir;

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.UTC);
  static final Sighting HERE = new Sighting("hv", MacAddress.parse("02:00:00:00:66:01"),
      "uplink", "bond0", 101, Optional.of(Ipv4Address.parse("10.20.1.77")), Optional.empty(),
      Optional.of("a"));

  @Test
  void theProgramGetsTheEventAsJsonAndAsEnvironment() throws Exception {
    Tools.require("sh");
    Path json = dir.resolve("stdin.json");
    Path env = dir.resolve("env.txt");
    Watch.Handler h = new Watch.Handler(Watch.Outcome.UNAUTHORIZED, List.of("/bin/sh", "-c",
        "cat > " + json + "; env | grep ^CIMNET_ | sort > " + env + "; echo done; exit 3"),
        5000);
    Event e = new Observed.DeviceUnauthorized(HERE, Watch.Enforcement.QUARANTINE, CLOCK.instant());
    List<Event.HandlerRan> ran = new CopyOnWriteArrayList<>();
    try (Handlers handlers = new Handlers(List.of(h), ran::add, CLOCK)) {
      handlers.dispatch(e);
      handlers.dispatch(new Observed.DeviceSeen(HERE, CLOCK.instant()));
    }
    assertEquals(1, ran.size(), "one handler, for unauthorized only");
    Event.HandlerRan r = ran.get(0);
    assertEquals("exited", r.status());
    assertEquals(3, r.exit());
    assertEquals("done\n", r.output());
    assertEquals(EventLog.json(e) + "\n", Files.readString(json));
    assertEquals("CIMNET_ADDRESS=10.20.1.77\nCIMNET_AT=2026-11-30T04:00:00Z\n"
        + "CIMNET_BRIDGE=uplink\nCIMNET_ENFORCEMENT=quarantine\n"
        + "CIMNET_EVENT=device-unauthorized\nCIMNET_HOST=hv\nCIMNET_MAC=02:00:00:00:66:01\n"
        + "CIMNET_OUTCOME=unauthorized\nCIMNET_OWNER=\nCIMNET_PORT=bond0\nCIMNET_SUBNET=a\n"
        + "CIMNET_VLAN=101\n", Files.readString(env));
  }

  @Test
  void aHangingProgramIsKilledAtItsTimeoutAndAMissingOneIsRecorded() {
    Tools.require("sh", "sleep");
    Watch.Handler hangs = new Watch.Handler(Watch.Outcome.SEEN, List.of("/bin/sh", "-c",
        "echo started; sleep 600"), 300);
    Watch.Handler missing = new Watch.Handler(Watch.Outcome.SEEN,
        List.of("/nonexistent/notify"), 300);
    List<Event.HandlerRan> ran = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    try (Handlers handlers = new Handlers(List.of(hangs, missing), ran::add, CLOCK)) {
      handlers.dispatch(new Observed.DeviceSeen(HERE, CLOCK.instant()));
      assertTrue((System.nanoTime() - start) / 1_000_000 < 1000,
          "dispatching never waits for a program");
    }
    assertEquals(2, ran.size());
    Event.HandlerRan timedOut = ran.stream().filter(r -> r.command().equals(hangs.command()))
        .findFirst().orElseThrow();
    assertEquals("timed-out", timedOut.status());
    assertEquals(-1, timedOut.exit());
    assertTrue(timedOut.output().startsWith("started\n"), timedOut.output());
    assertTrue(timedOut.millis() >= 300 && timedOut.millis() < 10_000, "" + timedOut.millis());
    Event.HandlerRan notStarted = ran.stream().filter(r -> r.command().equals(
        missing.command())).findFirst().orElseThrow();
    assertEquals("not-started", notStarted.status());
    assertTrue(notStarted.output().contains("/nonexistent/notify"), notStarted.output());
  }
}
