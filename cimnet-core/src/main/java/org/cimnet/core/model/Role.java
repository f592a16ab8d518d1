package org.cimnet.core.model;

/** The reserved roles the address convention gives to addresses of every subnet. */
public enum Role {
  NETWORK,
  GATEWAY,
  NAMESERVER,
  BROADCAST;

  /** The lower-case name used in YAML, DNS names and messages. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
