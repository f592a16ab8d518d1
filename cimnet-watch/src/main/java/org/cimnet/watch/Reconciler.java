package org.cimnet.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.event.Observed;
import org.cimnet.core.event.Sighting;

/**
 * Compares what is plugged in (one snapshot of sightings per poll) with what was before and what
 * the model admits, and says what changed, as events:
 *
 * <ul>
 *   <li>{@code device-seen}: a MAC appeared, and the model admits it on that VLAN;
 *   <li>{@code device-unauthorized}: a MAC appeared (or moved) where the model does not admit it,
 *       with that subnet's enforcement;
 *   <li>{@code device-moved}: a MAC is on another host, bridge, port or VLAN than where it was
 *       last seen, whether it stayed in the tables or left them in between;
 *   <li>{@code device-gone}: a MAC left the tables (aged out, unplugged).
 * </ul>
 *
 * <p>Moving a cable takes a MAC out of every table until its first frame on the new port, and a
 * poll may fall in that gap: so a MAC that comes back is compared with its last place, and one
 * that comes back somewhere else is a move (and, where the model does not admit it there, also
 * unauthorized, as a first sight would be). The last places of {@value #DEPARTED} MACs are kept.
 *
 * <p>A snapshot equal to the last gives no event; every MAC is one entry of the state, so a MAC
 * that flaps between two ports gives one {@code device-moved} per change. Events come in MAC
 * order, so the same snapshots give the same events.
 */
public final class Reconciler {
  /** How many departed MACs keep their last place; the oldest departure is forgotten first. */
  static final int DEPARTED = 100_000;

  private final Map<MacAddress, Sighting> present = new HashMap<>();
  private final Map<MacAddress, Sighting> departed = new java.util.LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<MacAddress, Sighting> eldest) {
      return size() > DEPARTED;
    }
  };
  private Known known;

  public Reconciler(Known known) {
    this.known = known;
  }

  /** The model changed (a device admitted, a container placed): later events use it. */
  public void known(Known now) {
    this.known = now;
  }

  public Known known() {
    return known;
  }

  /** Every MAC present after the last step, and where. */
  public Map<MacAddress, Sighting> present() {
    return java.util.Collections.unmodifiableMap(present);
  }

  /**
   * One poll: {@code snapshot} is everything seen now (a MAC seen twice counts once: the first
   * by host, bridge and port order).
   */
  public List<Observed> step(Collection<Sighting> snapshot, Instant at) {
    TreeMap<MacAddress, Sighting> now = new TreeMap<>();
    for (Sighting s : snapshot) {
      now.merge(s.mac(), s, (a, b) -> order(a).compareTo(order(b)) <= 0 ? a : b);
    }
    List<Observed> events = new ArrayList<>();
    for (Sighting raw : now.values()) {
      Sighting s = known.sighting(raw.host(), raw.mac(), raw.bridge(), raw.port(), raw.vlan(),
          raw.address());
      Sighting before = present.put(s.mac(), s);
      Sighting last = before == null ? departed.remove(s.mac()) : null;
      if (last != null && !last.samePlace(s)) {
        events.add(new Observed.DeviceMoved(last, s, at));
        if (s.owner().isEmpty()) {
          events.add(new Observed.DeviceUnauthorized(s, known.enforcement(s.vlan()), at));
        }
      } else if (before == null) {
        events.add(s.owner().isPresent() ? new Observed.DeviceSeen(s, at)
            : new Observed.DeviceUnauthorized(s, known.enforcement(s.vlan()), at));
      } else if (!before.samePlace(s)) {
        events.add(new Observed.DeviceMoved(before, s, at));
        if (s.owner().isEmpty() && (before.owner().isPresent() || before.vlan() != s.vlan())) {
          events.add(new Observed.DeviceUnauthorized(s, known.enforcement(s.vlan()), at));
        }
      } else if (before.owner().isEmpty() && s.owner().isPresent()) {
        // Admitted while plugged in: now it is seen as what it is.
        events.add(new Observed.DeviceSeen(s, at));
      }
    }
    List<MacAddress> gone = new ArrayList<>();
    for (MacAddress mac : present.keySet()) {
      if (!now.containsKey(mac)) {
        gone.add(mac);
      }
    }
    gone.sort(null);
    for (MacAddress mac : gone) {
      Sighting left = present.remove(mac);
      departed.put(mac, left);
      events.add(new Observed.DeviceGone(left, at));
    }
    return events;
  }

  private static String order(Sighting s) {
    return s.host() + "\0" + s.bridge() + "\0" + s.port() + "\0" + s.vlan();
  }
}
