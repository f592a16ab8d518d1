package org.cimnet.cli;

/**
 * A failure the command reports as a message, without a stack trace, and the exit status it
 * ends with.
 */
class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The network is invalid or its description cannot be loaded. */
  static final int INVALID = 1;
  /** The arguments are wrong: an unknown renderer, a source that does not exist. */
  static final int USAGE = 2;
  /** Something outside the network failed: a file could not be written, the lab could not run. */
  static final int FAILED = 3;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
