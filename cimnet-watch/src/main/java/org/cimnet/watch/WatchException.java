package org.cimnet.watch;

/** A source or an action that failed: what ran, and what it said. */
public final class WatchException extends RuntimeException {
  public WatchException(String message) {
    super(message);
  }
}
