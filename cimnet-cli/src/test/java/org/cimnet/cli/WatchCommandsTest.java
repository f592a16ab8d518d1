package org.cimnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.event.Observed;
import org.cimnet.core.event.Sighting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cimnet watch}, {@code admit} and {@code ports} on the seed's YAML. */
class WatchCommandsTest {
  @TempDir
  Path dir;

  @Test
  void admitPutsADeviceInTheInventoryOnce() {
    Path log = dir.resolve("events.jsonl");
    Cli r = Cli.run("admit", Cli.SEED, "--log", log, "--name", "printer-2", "--mac",
        "02:00:00:00:66:01", "--kind", "printer", "--subnet", "lan", "--spine", "spine1",
        "--port", "6");
    assertEquals(0, r.exit(), r::both);
    assertEquals("{\"event\":\"device-admitted\",\"device\":{\"name\":\"printer-2\",\"mac\":"
        + "\"02:00:00:00:66:01\",\"kind\":\"printer\",\"subnet\":\"lan\",\"spine\":\"spine1\","
        + "\"port\":6}}\n", r.out());
    Cli again = Cli.run("admit", Cli.SEED, "--log", log, "--name", "printer-2", "--mac",
        "02:00:00:00:66:02", "--kind", "printer", "--subnet", "lan");
    assertEquals(1, again.exit(), again::both);
    assertTrue(again.err().contains("device 'printer-2' is already in the inventory"),
        again::both);
    Cli half = Cli.run("admit", Cli.SEED, "--log", log, "--name", "x", "--mac",
        "02:00:00:00:66:03", "--kind", "printer", "--subnet", "lan", "--spine", "spine1");
    assertEquals(2, half.exit(), half::both);
    assertTrue(half.err().contains("give both --spine and --port, or neither"), half::both);
    assertEquals(1, EventLog.open(log).events().size());
  }

  @Test
  void portsShowsWhereEveryMacIs() {
    Path log = dir.resolve("events.jsonl");
    Sighting s = new Sighting("vhost-dev", MacAddress.parse("02:00:00:00:66:01"), "uplink",
        "bond0", 101, Optional.empty(), Optional.empty(), Optional.of("lan"));
    EventLog.open(log).appendAll(List.of(new Observed.DeviceSeen(s,
        Instant.parse("2026-11-30T04:00:00Z"))));
    Cli r = Cli.run("ports", "--log", log);
    assertEquals(0, r.exit(), r::both);
    assertEquals("MAC                WHAT     HOST       BRIDGE  PORT   VLAN  SUBNET  ADDRESS"
        + "  SINCE\n02:00:00:00:66:01  unknown  vhost-dev  uplink  bond0  101   lan     -"
        + "        2026-11-30T04:00:00Z\n", r.out());
  }

  @Test
  void watchNamesAHostTheModelDoesNotHave() {
    Cli r = Cli.run("watch", Cli.SEED, "--log", dir.resolve("events.jsonl"), "--host", "nope",
        "--polls", "1");
    assertEquals(3, r.exit(), r::both);
    assertTrue(r.err().contains("host 'nope' is not declared in the model: declared are"
        + " [vhost-dev]"), r::both);
  }
}
