package org.cimnet.lab;

/** The lab could not build or run the fabric: a command failed, timed out, or a file is missing. */
public final class LabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LabException(String message) {
    super(message);
  }

  public LabException(String message, Throwable cause) {
    super(message, cause);
  }
}
