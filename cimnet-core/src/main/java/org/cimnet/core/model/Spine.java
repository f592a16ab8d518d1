package org.cimnet.core.model;

/** A physical switch with a fixed number of ports, numbered from 1. */
public record Spine(String name, int ports) {
  public Spine {
    Names.check("Spine", name);
    if (ports < 1 || ports > 1024) {
      throw new IllegalArgumentException(
          "Spine '" + name + "': port count '" + ports + "' must be 1 to 1024");
    }
  }
}
