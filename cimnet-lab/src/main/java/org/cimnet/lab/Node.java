package org.cimnet.lab;

import java.util.Objects;
import org.cimnet.core.addr.Ipv4Address;

/**
 * One end of a probe: a container at one of its addresses, a router's gateway address in a
 * subnet, the one public address, or the internet.
 *
 * @param name the container's or host's name; {@code internet} for the internet
 * @param subnet the subnet the address sits in; empty for the internet and the public address
 */
public record Node(Kind kind, String name, String subnet, Ipv4Address address) {
  /** What a node stands for. */
  public enum Kind { CONTAINER, GATEWAY, PUBLIC, INTERNET }

  public Node {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(subnet, "subnet == null");
    Objects.requireNonNull(address, "address == null");
  }

  /** The identity a listener at this node answers with. */
  public String identity() {
    return switch (kind) {
      case CONTAINER -> name;
      case GATEWAY, PUBLIC -> "router:" + name;
      case INTERNET -> "internet";
    };
  }

  /** How reports name the node: {@code web1@dmz}, {@code gw.dmz}, {@code public}, ... */
  public String label() {
    return switch (kind) {
      case CONTAINER -> name + "@" + subnet;
      case GATEWAY -> "gw." + subnet;
      case PUBLIC -> "public " + address;
      case INTERNET -> "internet";
    };
  }

  @Override
  public String toString() {
    return label();
  }
}
