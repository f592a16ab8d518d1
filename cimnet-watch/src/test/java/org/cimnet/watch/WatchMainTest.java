package org.cimnet.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.event.Observed;
import org.cimnet.core.event.Sighting;
import org.cimnet.core.model.Watch;
import org.cimnet.core.yaml.NetworkYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point: admitting a device (checked first), and where every MAC is. */
class WatchMainTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return WatchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void admittingIsAnEventAndThenTheDeviceIsInTheInventory() {
    NetworkYaml.save(Lab.model(Watch.builder()), dir);
    String log = dir.resolve("events.jsonl").toString();
    String model = dir.toString();
    assertEquals(0, run("admit", "--model", model, "--log", log, "--name", "printer", "--mac",
        "02:00:00:00:66:01", "--kind", "printer", "--subnet", "a"));
    assertEquals("{\"event\":\"device-admitted\",\"device\":{\"name\":\"printer\",\"mac\":"
        + "\"02:00:00:00:66:01\",\"kind\":\"printer\",\"subnet\":\"a\"}}\n",
        out.toString(StandardCharsets.UTF_8));
    assertTrue(EventLog.open(dir.resolve("events.jsonl")).replay(Lab.model(Watch.builder()))
        .device("printer").isPresent());

    assertEquals(2, run("admit", "--model", model, "--log", log, "--name", "printer", "--mac",
        "02:00:00:00:66:09", "--kind", "printer", "--subnet", "a"));
    assertEquals("cimnet admit: device 'printer' is already in the inventory\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals(2, run("admit", "--model", model, "--log", log, "--name", "twin", "--mac",
        Lab.ILO, "--kind", "ilo", "--subnet", "a"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("[mac.duplicate] devices[twin].mac:"
        + " Device 'twin' has MAC '3c:ec:ef:00:00:01', already used by device 'ilo-a'"),
        err::toString);
    assertEquals(2, run("admit", "--model", model, "--log", log, "--name", "x"));
    assertEquals("cimnet admit: missing --mac, --kind, --subnet\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals(2, run("admit", "--model", model, "--log", log, "--name", "x", "--mac",
        "nope", "--kind", "ilo", "--subnet", "a"));
    assertEquals("cimnet admit: Device 'x': 'nope' is not a MAC address: expected six pairs of"
        + " hex digits joined by ':', such as '52:54:00:12:34:56'\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals(1, EventLog.open(dir.resolve("events.jsonl")).events().size(),
        "refused admissions write nothing");
  }

  @Test
  void portsShowsWhereEveryMacIsAndSinceWhen() {
    Path log = dir.resolve("events.jsonl");
    Sighting bond = new Sighting("hv", MacAddress.parse(Lab.ILO), "uplink", "bond0", 101,
        Optional.empty(), Optional.of("device:ilo-a"), Optional.of("a"));
    Sighting leaf = new Sighting("hv", bond.mac(), "leaf1", "p-ilo", 101, Optional.empty(),
        Optional.of("device:ilo-a"), Optional.of("a"));
    Sighting stranger = new Sighting("hv", MacAddress.parse("02:00:00:00:66:01"), "uplink",
        "bond0", 101, Optional.empty(), Optional.empty(), Optional.of("a"));
    Sighting gone = new Sighting("hv", MacAddress.parse("02:00:00:00:66:02"), "uplink",
        "bond0", 102, Optional.empty(), Optional.empty(), Optional.of("b"));
    Instant t0 = Instant.parse("2026-11-30T04:00:00Z");
    EventLog.open(log).appendAll(List.of(new Observed.DeviceSeen(bond, t0),
        new Observed.DeviceUnauthorized(stranger, Watch.Enforcement.QUARANTINE, t0),
        new Observed.DeviceQuarantined(stranger, t0),
        new Observed.DeviceUnauthorized(gone, Watch.Enforcement.CLOSED, t0),
        new Observed.DeviceMoved(bond, leaf, t0.plusSeconds(60)),
        new Observed.DeviceGone(gone, t0.plusSeconds(90))));
    assertEquals(0, run("ports", "--log", log.toString()));
    assertEquals("MAC                WHAT                  HOST  BRIDGE  PORT   VLAN  SUBNET"
        + "  ADDRESS  SINCE\n"
        + "02:00:00:00:66:01  unknown, quarantined  hv    uplink  bond0  101   a       -"
        + "        2026-11-30T04:00:00Z\n"
        + "3c:ec:ef:00:00:01  device:ilo-a          hv    leaf1   p-ilo  101   a       -"
        + "        2026-11-30T04:01:00Z\n", out.toString(StandardCharsets.UTF_8));
  }
}
