package org.cimnet.core.event;

import java.time.Instant;
import java.util.Objects;
import org.cimnet.core.model.Watch;

/**
 * What the watcher observed, one record per kind. These events leave the model as it is: they
 * are the history of what was plugged in where, and each triggers the handlers of its
 * {@link #outcome()}. The watcher's other record, {@link Event.HandlerRan}, is what a handler did.
 */
public sealed interface Observed extends Event {
  /** When the watcher observed it. */
  Instant at();

  /** The sighting the event is about (for a move, where it is now). */
  Sighting sighting();

  /** The handlers' outcome this event triggers. */
  Watch.Outcome outcome();

  /** {@inheritDoc} The outcome's, as {@code device-seen}: one name for both. */
  @Override
  default String type() {
    return "device-" + outcome().key();
  }

  /** A MAC appeared in a forwarding table. */
  record DeviceSeen(Sighting sighting, Instant at) implements Observed {
    public DeviceSeen {
      Objects.requireNonNull(sighting, "sighting == null");
      Objects.requireNonNull(at, "at == null");
    }

    @Override
    public Watch.Outcome outcome() {
      return Watch.Outcome.SEEN;
    }
  }

  /** A MAC seen before is now on another host, bridge, port or VLAN. */
  record DeviceMoved(Sighting from, Sighting sighting, Instant at) implements Observed {
    public DeviceMoved {
      Objects.requireNonNull(from, "from == null");
      Objects.requireNonNull(sighting, "sighting == null");
      Objects.requireNonNull(at, "at == null");
    }

    @Override
    public Watch.Outcome outcome() {
      return Watch.Outcome.MOVED;
    }
  }

  /** A MAC left every forwarding table (aged out or unplugged); {@code sighting} was its last. */
  record DeviceGone(Sighting sighting, Instant at) implements Observed {
    public DeviceGone {
      Objects.requireNonNull(sighting, "sighting == null");
      Objects.requireNonNull(at, "at == null");
    }

    @Override
    public Watch.Outcome outcome() {
      return Watch.Outcome.GONE;
    }
  }

  /** A MAC the model does not know, and the enforcement of the subnet it was seen on. */
  record DeviceUnauthorized(Sighting sighting, Watch.Enforcement enforcement, Instant at)
      implements Observed {
    public DeviceUnauthorized {
      Objects.requireNonNull(sighting, "sighting == null");
      Objects.requireNonNull(enforcement, "enforcement == null");
      Objects.requireNonNull(at, "at == null");
    }

    @Override
    public Watch.Outcome outcome() {
      return Watch.Outcome.UNAUTHORIZED;
    }
  }

  /** An unknown MAC isolated: the drop flow is installed on {@code sighting}'s host. */
  record DeviceQuarantined(Sighting sighting, Instant at) implements Observed {
    public DeviceQuarantined {
      Objects.requireNonNull(sighting, "sighting == null");
      Objects.requireNonNull(at, "at == null");
    }

    @Override
    public Watch.Outcome outcome() {
      return Watch.Outcome.QUARANTINED;
    }
  }
}
