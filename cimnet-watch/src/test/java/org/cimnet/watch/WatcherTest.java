package org.cimnet.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.event.Observed;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Watch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher's poll over stand-in tables: events, quarantine, admission, bad input. */
class WatcherTest {
  @TempDir
  Path dir;

  /** Tables a test writes; flows added and deleted are recorded. */
  static final class Fake implements Tables {
    final Map<String, String> fdb = new HashMap<>();
    String records = "";
    final List<String> added = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();

    @Override
    public String fdb(String bridge) {
      if (bridge.equals("leaf2")) {
        throw new WatchException("'ovs-appctl fdb/show leaf2' failed (exit 2): no such bridge");
      }
      return fdb.getOrDefault(bridge, "");
    }

    @Override
    public String ports(String bridge) {
      // The bond's members under the names the host gives the NICs eth0 and eth1.
      return bridge.equals("uplink")
          ? "OFPST_PORT_DESC reply (OF1.3) (xid=0x2):\n 1(nic_eth0): addr:52:54:00:00:01:00\n"
              + " 2(nic_eth1): addr:52:54:00:00:01:01\n 3(up-leaf1): addr:aa:bb:cc:dd:ee:ff\n"
          : " 1(patch-leaf1): addr:aa:bb:cc:dd:ee:ff\n 5000(c1-a): addr:aa:bb:cc:dd:ee:01\n";
    }

    @Override
    public String lldp() {
      throw new WatchException("'lldpcli -f json show neighbors' failed (exit 1): unable to"
          + " connect to lldpd daemon");
    }

    @Override
    public String records(String bridge) {
      return records;
    }

    @Override
    public String neighbours() {
      return "[]";
    }

    @Override
    public void addFlows(String bridge, List<String> flows) {
      flows.forEach(f -> added.add(bridge + " " + f));
    }

    @Override
    public void deleteFlows(String bridge, String match) {
      deleted.add(bridge + " " + match);
    }
  }

  @Test
  void unknownMacsAreQuarantinedUntilAdmittedAndNothingIsLost() {
    Network origin = Lab.model(Watch.builder());
    Path log = dir.resolve("events.jsonl");
    Fake fake = new Fake();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Clock clock = Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.UTC);
    try (Watcher w = new Watcher(origin, log, Lab.HOST, fake, clock,
        new PrintStream(err, true, StandardCharsets.UTF_8))) {
      fake.fdb.put("uplink", " port  VLAN  MAC                Age\n"
          + "    1   101  " + Lab.ILO + "    1\n"
          + "    2   101  02:00:00:00:66:01    1\n"
          + "    1   101  this is not a line\n"
          + "    3   101  02:00:00:00:77:77    1\n");
      fake.records = " cookie=0x0, duration=1s, table=250, n_packets=0, n_bytes=0,"
          + " idle_timeout=300, priority=32768,vlan_tci=0x0066/0x0fff,dl_src=02:00:00:00:66:02"
          + " actions=drop\n";
      List<Event> first = w.poll();
      // In MAC order; 02:00:00:00:77:77 was learned on a patch port, which is never an edge.
      assertEquals(List.of("device-unauthorized", "device-quarantined", "device-unauthorized",
          "device-seen"), first.stream().map(Event::type).toList(), first::toString);
      Observed.DeviceSeen seen = (Observed.DeviceSeen) first.get(3);
      assertEquals("bond0", seen.sighting().port(), "a bond member's port is the bond's");
      assertEquals("uplink/bond0/vlan 101".replace("/vlan", " vlan"), seen.sighting().place()
          .substring(3));
      assertEquals(Watch.Enforcement.CLOSED,
          ((Observed.DeviceUnauthorized) first.get(2)).enforcement());
      assertEquals(List.of("uplink cookie=0xc1a70001,priority=400,dl_src=02:00:00:00:66:01"
          + ",actions=drop"), fake.added);
      String problems = err.toString(StandardCharsets.UTF_8);
      assertTrue(problems.contains("fdb/show uplink line 4 is not 'port vlan mac age': '1"
          + "   101  this is not a line'"), problems);
      assertTrue(problems.contains("no such bridge"), problems);
      assertTrue(problems.contains("no LLDP neighbours (lldpd does not answer; not asked"
          + " again)"), problems);
      assertEquals(4, EventLog.open(log).events().size(), "every event is in the log");

      // A person admits the device; the next poll lifts its quarantine and sees it as known.
      EventLog.open(log).append(new Event.DeviceAdmitted(Device.builder("printer",
          "02:00:00:00:66:01", "printer", "a").build()));
      List<Event> second = w.poll();
      assertEquals(List.of("uplink cookie=0xc1a70001/-1,dl_src=02:00:00:00:66:01"),
          fake.deleted);
      assertEquals(List.of("device-seen"), second.stream().map(Event::type).toList());
      assertEquals("device:printer",
          ((Observed.DeviceSeen) second.get(0)).sighting().owner().orElseThrow());

      // The device moves to another port.
      fake.fdb.put("uplink", "    1   101  " + Lab.ILO + "    1\n");
      fake.fdb.put("leaf1", " 5000   101  02:00:00:00:66:01    1\n");
      List<Event> third = w.poll();
      assertEquals(List.of("device-moved"), third.stream().map(Event::type).toList());
      assertEquals("hv/leaf1/c1-a vlan 101", ((Observed.DeviceMoved) third.get(0)).sighting()
          .place());
      List<Event> all = EventLog.open(log).events();
      assertEquals(4 + 1 + 1 + 1, all.size(), all::toString);
    }
  }
}
