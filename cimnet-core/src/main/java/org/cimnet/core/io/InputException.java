package org.cimnet.core.io;

/** An input cimnet refuses to read: the message names it and says why. */
public final class InputException extends RuntimeException {
  public InputException(String message) {
    super(message, null, false, false);
  }
}
