package org.cimnet.core.model;

import java.util.Locale;

/** What runs a container; every kind attaches to its leaf the same way, by a switch port. */
public enum ContainerKind {
  VM, LXC, DOCKER, KUBERNETES, NIXOS_CONTAINER;

  /** The name used in YAML and messages: {@code vm}, ..., {@code nixos-container}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ContainerKind parse(String key) {
    for (ContainerKind kind : values()) {
      if (kind.key().equals(key)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Container kind '" + key
        + "' is not known: use vm, lxc, docker, kubernetes or nixos-container");
  }
}
