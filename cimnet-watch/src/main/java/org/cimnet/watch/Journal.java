package org.cimnet.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.EventLog;

/**
 * The event log as the watcher shares it with other writers (a person admitting a device, the
 * handlers' reports): reopened whenever its size is not the size this process left it at, so
 * events others appended are seen and never cut off.
 */
final class Journal {
  private final Path path;
  private EventLog log;
  private long size;

  Journal(Path path) {
    this.path = path;
    this.log = open();
    this.size = size();
  }

  /** The log as it is now; true if others appended since this process last looked. */
  synchronized boolean refresh() {
    if (size() == size) {
      return false;
    }
    log = open();
    size = size();
    return true;
  }

  synchronized EventLog log() {
    return log;
  }

  synchronized void append(List<? extends Event> events) {
    if (events.isEmpty()) {
      return;
    }
    if (size() != size) {
      log = open();
    }
    log.appendAll(events);
    size = size();
  }

  /**
   * Opens the log; a torn last line may be another writer's append in progress, so it is read
   * again before the log is taken as torn (an append of this process would cut a torn line off).
   */
  private EventLog open() {
    EventLog opened = EventLog.open(path);
    for (int i = 0; i < 5 && opened.torn().isPresent(); i++) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      opened = EventLog.open(path);
    }
    return opened;
  }

  private long size() {
    try {
      return Files.exists(path) ? Files.size(path) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the event log " + path, e);
    }
  }
}
