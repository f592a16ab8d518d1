package org.cimnet.core.model;

import java.util.Objects;

/**
 * {@code never(from, to)}: no packet from {@code from} may open a connection to {@code to}, over
 * every source, destination, protocol and port, directly or through multi-homed containers.
 */
public record Assertion(Endpoint from, Endpoint to) {
  public Assertion {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
  }

  @Override
  public String toString() {
    return "never(" + from.text() + ", " + to.text() + ")";
  }
}
