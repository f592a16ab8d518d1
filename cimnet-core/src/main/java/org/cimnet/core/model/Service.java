package org.cimnet.core.model;

import java.util.Locale;
import java.util.Objects;
import org.cimnet.core.format.Quote;

/**
 * What a rule lets through: a protocol and, for TCP and UDP, a destination port range.
 *
 * <p>Text forms: {@code tcp/443}, {@code udp/53}, {@code tcp/8000-8080}, {@code tcp} (every TCP
 * port), {@code udp}, {@code icmp}, {@code any}.
 */
public record Service(Protocol protocol, int fromPort, int toPort) implements Comparable<Service> {

  /** The protocols rules can name. */
  public enum Protocol {
    TCP, UDP, ICMP, ANY;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasPorts() {
      return this == TCP || this == UDP;
    }
  }

  /** Every protocol, every port. */
  public static final Service ANY = new Service(Protocol.ANY, 0, 65535);

  public Service {
    Objects.requireNonNull(protocol, "protocol == null");
    if (protocol.hasPorts()) {
      if (fromPort < 1 || toPort > 65535 || fromPort > toPort) {
        throw new IllegalArgumentException("Service '" + protocol.key() + "/" + fromPort + "-"
            + toPort + "' has a bad port range: ports are 1 to 65535, low to high");
      }
    } else if (fromPort != 0 || toPort != 65535) {
      throw new IllegalArgumentException(
          "Service '" + protocol.key() + "' takes no ports: only tcp and udp do");
    }
  }

  public static Service tcp(int port) {
    return new Service(Protocol.TCP, port, port);
  }

  public static Service udp(int port) {
    return new Service(Protocol.UDP, port, port);
  }

  /**
   * Parses a service's text form.
   *
   * @throws IllegalArgumentException quoting the text and listing the accepted forms
   */
  public static Service parse(String text) {
    Objects.requireNonNull(text, "service == null");
    String allowed = "use tcp/PORT, udp/PORT, tcp/LOW-HIGH, tcp, udp, icmp or any"
        + " (ports 1 to 65535)";
    String[] parts = text.split("/", -1);
    Protocol protocol;
    try {
      protocol = Protocol.valueOf(parts[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Service " + Quote.value(text) + " is not valid: "
          + allowed, e);
    }
    if (!parts[0].equals(protocol.key()) || parts.length > 2) {
      throw new IllegalArgumentException("Service " + Quote.value(text) + " is not valid: "
          + allowed);
    }
    if (parts.length == 1) {
      return protocol.hasPorts() ? new Service(protocol, 1, 65535) : new Service(protocol, 0,
          65535);
    }
    if (!protocol.hasPorts() || !parts[1].matches("\\d{1,5}(-\\d{1,5})?")) {
      throw new IllegalArgumentException("Service " + Quote.value(text) + " is not valid: "
          + allowed);
    }
    String[] range = parts[1].split("-");
    int low = Integer.parseInt(range[0]);
    int high = range.length == 2 ? Integer.parseInt(range[1]) : low;
    if (low < 1 || high > 65535 || low > high) {
      throw new IllegalArgumentException("Service " + Quote.value(text) + " is not valid: "
          + allowed);
    }
    return new Service(protocol, low, high);
  }

  /** Whether every packet this service matches is also matched by {@code other}. */
  public boolean within(Service other) {
    if (other.protocol == Protocol.ANY) {
      return true;
    }
    return protocol == other.protocol && fromPort >= other.fromPort && toPort <= other.toPort;
  }

  /** Whether every port of the protocol is included (tcp, udp, icmp or any). */
  public boolean allPorts() {
    return !protocol.hasPorts() || (fromPort == 1 && toPort == 65535);
  }

  @Override
  public int compareTo(Service other) {
    int c = protocol.compareTo(other.protocol);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(fromPort, other.fromPort);
    return c != 0 ? c : Integer.compare(toPort, other.toPort);
  }

  @Override
  public String toString() {
    if (!protocol.hasPorts() || allPorts()) {
      return protocol.key();
    }
    return protocol.key() + "/" + (fromPort == toPort ? "" + fromPort : fromPort + "-" + toPort);
  }
}
