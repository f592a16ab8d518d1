package org.cimnet.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.check.Checker;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.Observed;
import org.cimnet.core.event.Sighting;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Watch;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation against a separate model: the state rebuilt from the events alone must be the
 * last snapshot; every change gives exactly the events it should, none when nothing changed.
 */
class ReconcilerProperties {
  static final Network NETWORK = Checker.check(Lab.model(Watch.builder())).network();
  static final Known KNOWN = Known.of(NETWORK);
  static final Instant AT = Instant.parse("2026-11-30T04:00:00Z");
  static final List<String> PORTS = List.of("bond0", "c1-a", "c2-a", "eth0");
  static final List<Integer> VLANS = List.of(101, 102, 103);
  /** Known MACs first (c1, c2, c3, the iLO, the workstation), then unknown ones. */
  static final List<MacAddress> MACS = macs();

  private static List<MacAddress> macs() {
    List<MacAddress> out = new ArrayList<>();
    NETWORK.containers().forEach(c -> out.add(c.attachments().get(0).mac().orElseThrow()));
    out.add(MacAddress.parse(Lab.ILO));
    out.add(MacAddress.parse(Lab.WORKSTATION));
    for (int i = 0; i < 6; i++) {
      out.add(MacAddress.parse("02:00:00:00:66:" + String.format("%02x", i)));
    }
    return out;
  }

  static Sighting at(int mac, int port, int vlan) {
    return new Sighting(Lab.HOST, MACS.get(mac), port == 0 || port == 3 ? "uplink" : "leaf1",
        PORTS.get(port), VLANS.get(vlan), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Provide
  Arbitrary<List<List<Sighting>>> histories() {
    Arbitrary<Sighting> one = net.jqwik.api.Combinators.combine(
        Arbitraries.integers().between(0, MACS.size() - 1),
        Arbitraries.integers().between(0, PORTS.size() - 1),
        Arbitraries.integers().between(0, VLANS.size() - 1)).as(ReconcilerProperties::at);
    return one.list().ofMaxSize(12).list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 300)
  void theEventsRebuildTheLastSnapshot(@ForAll("histories") List<List<Sighting>> history) {
    Reconciler r = new Reconciler(KNOWN);
    Map<MacAddress, Sighting> rebuilt = new HashMap<>();
    Map<MacAddress, Sighting> before = new HashMap<>();
    Map<MacAddress, Sighting> departed = new HashMap<>();
    for (List<Sighting> snapshot : history) {
      Map<MacAddress, Sighting> now = new LinkedHashMap<>();
      snapshot.forEach(s -> now.merge(s.mac(), s, (a, b) -> key(a).compareTo(key(b)) <= 0
          ? a : b));
      List<Observed> events = r.step(snapshot, AT);
      int appeared = 0;
      int moved = 0;
      int gone = 0;
      for (MacAddress mac : now.keySet()) {
        if (!before.containsKey(mac)) {
          appeared++;
        } else if (!before.get(mac).samePlace(now.get(mac))) {
          moved++;
        }
      }
      for (MacAddress mac : before.keySet()) {
        if (!now.containsKey(mac)) {
          gone++;
        }
      }
      int firstSight = 0;
      for (Observed e : events) {
        Sighting s = e.sighting();
        if (e instanceof Observed.DeviceGone) {
          Sighting left = rebuilt.remove(s.mac());
          assertTrue(left != null, "gone only what was there");
          departed.put(s.mac(), left);
          gone--;
        } else if (e instanceof Observed.DeviceMoved m && !rebuilt.containsKey(s.mac())) {
          // Back after leaving the tables, somewhere else: a move from its last place.
          Sighting last = departed.remove(s.mac());
          assertTrue(last != null && m.from().samePlace(last) && !last.samePlace(s),
              "back somewhere else: moved from its last place: " + e);
          rebuilt.put(s.mac(), s);
          firstSight++;
        } else if (e instanceof Observed.DeviceMoved m) {
          assertTrue(m.from().samePlace(rebuilt.get(s.mac())), "moved from where it was");
          rebuilt.put(s.mac(), s);
          moved--;
        } else if (!rebuilt.containsKey(s.mac())) {
          // The first sight of a MAC: seen if the model admits it on that VLAN, else not.
          assertEquals(KNOWN.owner(s.mac(), s.vlan()).isPresent(),
              e instanceof Observed.DeviceSeen, e::toString);
          Sighting last = departed.remove(s.mac());
          assertTrue(last == null || last.samePlace(s), "back elsewhere is a move: " + e);
          rebuilt.put(s.mac(), s);
          firstSight++;
        } else {
          assertTrue(e instanceof Observed.DeviceUnauthorized && s.owner().isEmpty(),
              "a MAC moved to where it is not admitted: " + e);
        }
        assertEquals(KNOWN.owner(s.mac(), s.vlan()), s.owner());
        assertEquals(KNOWN.subnet(s.vlan()), s.subnet());
      }
      assertEquals(appeared, firstSight);
      assertEquals(0, moved);
      assertEquals(0, gone);
      assertEquals(places(now), places(rebuilt));
      assertEquals(places(now), places(r.present()));
      // The same snapshot again says nothing.
      assertEquals(List.of(), r.step(snapshot, AT));
      before = now;
    }
  }

  private static String key(Sighting s) {
    return s.host() + "\0" + s.bridge() + "\0" + s.port() + "\0" + s.vlan();
  }

  private static Map<MacAddress, String> places(Map<MacAddress, Sighting> m) {
    Map<MacAddress, String> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.place()));
    return out;
  }

  @Test
  void flappingGivesOneMovePerChangeAndNothingElse() {
    Reconciler r = new Reconciler(KNOWN);
    int ilo = 3;
    assertEquals(1, r.step(List.of(at(ilo, 0, 0)), AT).size());
    for (int i = 1; i <= 50; i++) {
      List<Observed> events = r.step(List.of(at(ilo, i % 2 == 0 ? 0 : 3, 0)), AT);
      assertEquals(1, events.size(), events::toString);
      assertTrue(events.get(0) instanceof Observed.DeviceMoved);
    }
    // Flapping between present and gone: one event per change.
    for (int i = 0; i < 20; i++) {
      assertEquals(1, r.step(i % 2 == 0 ? List.of() : List.of(at(ilo, 0, 0)), AT).size());
    }
  }

  @Test
  void everyOutcomeOfOneMac() {
    Reconciler r = new Reconciler(KNOWN);
    int ilo = 3;
    int stranger = 6;
    Observed seen = r.step(List.of(at(ilo, 0, 0)), AT).get(0);
    assertEquals("device-seen", seen.type());
    assertEquals(Optional.of("device:ilo-a"), seen.sighting().owner());
    List<Observed> wrongVlan = r.step(List.of(at(ilo, 0, 1)), AT);
    assertEquals(List.of("device-moved", "device-unauthorized"),
        wrongVlan.stream().map(Event::type).toList());
    assertEquals(Watch.Enforcement.CLOSED,
        ((Observed.DeviceUnauthorized) wrongVlan.get(1)).enforcement());
    Observed unknown = r.step(List.of(at(ilo, 0, 1), at(stranger, 0, 0)), AT).get(0);
    assertEquals("device-unauthorized", unknown.type());
    assertEquals(Watch.Enforcement.QUARANTINE, ((Observed.DeviceUnauthorized) unknown)
        .enforcement());
    assertEquals(List.of("device-gone", "device-gone"), r.step(List.of(), AT).stream()
        .map(Event::type).toList());
  }

  /** A cable moved between two polls: gone from the old port, then back on a new one. */
  @Test
  void backOnAnotherPortAfterAGapIsAMove() {
    Reconciler r = new Reconciler(KNOWN);
    int ilo = 3;
    Sighting first = at(ilo, 0, 0);
    r.step(List.of(first), AT);
    assertEquals(List.of("device-gone"), r.step(List.of(), AT).stream().map(Event::type)
        .toList());
    List<Observed> back = r.step(List.of(at(ilo, 3, 0)), AT);
    assertEquals(List.of("device-moved"), back.stream().map(Event::type).toList());
    assertTrue(((Observed.DeviceMoved) back.get(0)).from().samePlace(first));
    // Back where it was last seen: seen again, not moved.
    r.step(List.of(), AT);
    assertEquals(List.of("device-seen"), r.step(List.of(at(ilo, 3, 0)), AT).stream()
        .map(Event::type).toList());
  }

  /** Tables of thousands of MACs: every MAC once, and a later change gives only its events. */
  @Test
  void thousandsOfMacs() {
    StringBuilder fdb = new StringBuilder(" port  VLAN  MAC                Age\n");
    for (int i = 0; i < 8000; i++) {
      fdb.append(String.format("%5d  %4d  02:01:%02x:%02x:%02x:%02x  %3d%n", 1 + i % 40,
          101 + i % 3, (i >> 24) & 255, (i >> 16) & 255, (i >> 8) & 255, i & 255, i % 300));
    }
    FdbTable.Read read = FdbTable.parse("uplink", fdb.toString());
    assertEquals(8000, read.entries().size());
    List<Sighting> snapshot = new ArrayList<>();
    for (FdbTable.Entry e : read.entries()) {
      snapshot.add(new Sighting(Lab.HOST, e.mac(), "uplink", "p" + e.port(), e.vlan(),
          Optional.empty(), Optional.empty(), Optional.empty()));
    }
    Reconciler r = new Reconciler(KNOWN);
    List<Observed> first = r.step(snapshot, AT);
    assertEquals(8000, first.size());
    assertTrue(first.stream().allMatch(e -> e instanceof Observed.DeviceUnauthorized));
    List<Sighting> next = new ArrayList<>(snapshot.subList(10, snapshot.size()));
    Sighting moved = next.get(0);
    next.set(0, new Sighting(moved.host(), moved.mac(), "uplink", "p999", moved.vlan(),
        Optional.empty(), Optional.empty(), Optional.empty()));
    List<Observed> changes = r.step(next, AT);
    assertEquals(11, changes.size());
    assertEquals(10, changes.stream().filter(e -> e instanceof Observed.DeviceGone).count());
    assertEquals(1, changes.stream().filter(e -> e instanceof Observed.DeviceMoved).count());
  }
}
