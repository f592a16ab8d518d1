package org.cimnet.watch;

import java.nio.file.Path;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Network;

/** Admitting a device: an event in the log, and then it is in the inventory. */
public final class Inventory {
  private Inventory() {}

  /**
   * Appends {@code device}'s {@code device-admitted} event to {@code log}, once the model (the
   * origin plus the log) with the device still checks.
   *
   * @throws WatchException saying why not (the device is there already, or every problem)
   */
  public static Event.DeviceAdmitted admit(Network origin, Path log, Device device) {
    EventLog events = EventLog.open(log);
    Network now = events.replay(origin);
    if (now.device(device.name()).isPresent()) {
      throw new WatchException("device '" + device.name() + "' is already in the inventory");
    }
    Report report = Checker.check(now.toBuilder().device(device).build());
    if (!report.ok()) {
      throw new WatchException("the model with device '" + device.name()
          + "' does not check:\n" + report.toText().stripTrailing());
    }
    Event.DeviceAdmitted admitted = new Event.DeviceAdmitted(device);
    events.append(admitted);
    return admitted;
  }
}
