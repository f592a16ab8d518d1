package org.cimnet.core.model;

/** A physical switch with a fixed number of ports, numbered from 1. */
public record Spine(String name, int ports) {
  /** The most ports a spine may have, and so the highest port number a cable may name. */
  public static final int MAX_PORTS = 1024;

  public Spine {
    Names.check("Spine", name);
    if (ports < 1 || ports > MAX_PORTS) {
      throw new IllegalArgumentException(
          "Spine '" + name + "': port count '" + ports + "' must be 1 to " + MAX_PORTS);
    }
  }

  /**
   * The one rule for a port number a cable names, whatever the spine: 1 to {@value #MAX_PORTS}.
   * Whether the spine has that port is the checker's {@code link.port-range}.
   *
   * @throws IllegalArgumentException quoting the port
   */
  public static int checkPort(int port) {
    if (port < 1 || port > MAX_PORTS) {
      throw new IllegalArgumentException("spine port '" + port + "' must be 1 to " + MAX_PORTS);
    }
    return port;
  }
}
