package org.cimnet.cli;

import org.cimnet.core.model.Network;

/**
 * Where a JShell script run by {@code cimnet} hands its network over: the script's snippets run
 * in the command's own JVM and call {@link #take}, which must therefore be public.
 */
public final class ScriptHandoff {
  private static Network network;

  private ScriptHandoff() {}

  /** Called from inside the script's JShell. */
  public static synchronized void take(Network n) {
    network = n;
  }

  /** The network taken, once; null if none was. */
  static synchronized Network taken() {
    Network n = network;
    network = null;
    return n;
  }
}
