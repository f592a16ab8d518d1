package org.cimnet.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.Observed;
import org.cimnet.core.event.Sighting;

/**
 * Port management: where every MAC is now, and since when, folded from the log's observations
 * (seen, unauthorized and moved put a MAC somewhere; gone takes it away). The rows come in MAC
 * order.
 */
public final class Whereabouts {
  /** A MAC's place, what it is, and when it got there. */
  public record Place(Sighting sighting, Instant since, boolean quarantined) {}

  private Whereabouts() {}

  public static List<Place> of(List<Event> events) {
    Map<MacAddress, Place> places = new TreeMap<>();
    for (Event e : events) {
      if (e instanceof Observed.DeviceGone g) {
        places.remove(g.sighting().mac());
      } else if (e instanceof Observed.DeviceQuarantined q) {
        places.computeIfPresent(q.sighting().mac(),
            (mac, p) -> new Place(p.sighting(), p.since(), true));
      } else if (e instanceof Event.DeviceAdmitted a) {
        places.computeIfPresent(a.device().mac(),
            (mac, p) -> new Place(p.sighting(), p.since(), false));
      } else if (e instanceof Observed o) {
        Place before = places.get(o.sighting().mac());
        boolean moved = before == null || !before.sighting().samePlace(o.sighting());
        places.put(o.sighting().mac(), new Place(o.sighting(),
            moved ? o.at() : before.since(), before != null && before.quarantined()));
      }
    }
    return new ArrayList<>(places.values());
  }

  /** The places as a table for people: one line per MAC, columns aligned. */
  public static String toText(List<Place> places) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"MAC", "WHAT", "HOST", "BRIDGE", "PORT", "VLAN", "SUBNET", "ADDRESS",
        "SINCE"});
    for (Place p : places) {
      Sighting s = p.sighting();
      rows.add(new String[] {s.mac().toString(),
          s.owner().orElse(p.quarantined() ? "unknown, quarantined" : "unknown"), s.host(),
          s.bridge(), s.port(), Integer.toString(s.vlan()), s.subnet().orElse("-"),
          s.address().map(Object::toString).orElse("-"), p.since().toString()});
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(i == 0 ? "" : "  ").append(r[i]);
        if (i < r.length - 1) {
          line.append(" ".repeat(width[i] - r[i].length()));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
