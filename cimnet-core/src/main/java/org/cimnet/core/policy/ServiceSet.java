package org.cimnet.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cimnet.core.model.Service;

/**
 * A set of services over the whole (protocol, destination port) space: TCP and UDP port sets,
 * ICMP, and every other protocol (which only {@code any} reaches). Immutable.
 */
public final class ServiceSet {
  private static final ServiceSet NONE = new ServiceSet(PortSet.none(), PortSet.none(), false,
      false);
  private static final ServiceSet ANY = new ServiceSet(PortSet.all(), PortSet.all(), true, true);

  private final PortSet tcp;
  private final PortSet udp;
  private final boolean icmp;
  private final boolean other;

  private ServiceSet(PortSet tcp, PortSet udp, boolean icmp, boolean other) {
    this.tcp = tcp;
    this.udp = udp;
    this.icmp = icmp;
    this.other = other;
  }

  public static ServiceSet none() {
    return NONE;
  }

  /** Every protocol, every port. */
  public static ServiceSet any() {
    return ANY;
  }

  /** What a rule's services let through. */
  public static ServiceSet of(List<Service> services) {
    ServiceSet set = NONE;
    for (Service s : services) {
      set = set.union(of(s));
    }
    return set;
  }

  public static ServiceSet of(Service service) {
    Objects.requireNonNull(service, "service == null");
    return switch (service.protocol()) {
      case ANY -> ANY;
      case ICMP -> new ServiceSet(PortSet.none(), PortSet.none(), true, false);
      case TCP -> new ServiceSet(PortSet.range(service.fromPort(), service.toPort()),
          PortSet.none(), false, false);
      case UDP -> new ServiceSet(PortSet.none(),
          PortSet.range(service.fromPort(), service.toPort()), false, false);
    };
  }

  public ServiceSet union(ServiceSet o) {
    if (this == ANY || o == NONE) {
      return this;
    }
    if (o == ANY || this == NONE) {
      return o;
    }
    ServiceSet u = new ServiceSet(tcp.union(o.tcp), udp.union(o.udp), icmp || o.icmp,
        other || o.other);
    return u.isAny() ? ANY : u;
  }

  public boolean contains(Packet.Protocol protocol, int port) {
    return switch (protocol) {
      case TCP -> tcp.contains(port);
      case UDP -> udp.contains(port);
      case ICMP -> icmp;
      case OTHER -> other;
    };
  }

  public boolean containsAll(ServiceSet o) {
    return tcp.containsAll(o.tcp) && udp.containsAll(o.udp) && (icmp || !o.icmp)
        && (other || !o.other);
  }

  public boolean isEmpty() {
    return tcp.isEmpty() && udp.isEmpty() && !icmp && !other;
  }

  public boolean isAny() {
    return tcp.isAll() && udp.isAll() && icmp && other;
  }

  public PortSet tcp() {
    return tcp;
  }

  public PortSet udp() {
    return udp;
  }

  public boolean icmp() {
    return icmp;
  }

  /** Whether protocols other than TCP, UDP and ICMP are in the set. */
  public boolean other() {
    return other;
  }

  /**
   * The lowest member, to build a concrete counterexample: the lowest TCP port, else the lowest
   * UDP port, else ICMP, else another protocol. {@code any} gives {@code tcp/1}.
   *
   * @throws IllegalStateException if the set is empty
   */
  Packet.Protocol witnessProtocol() {
    if (!tcp.isEmpty()) {
      return Packet.Protocol.TCP;
    }
    if (!udp.isEmpty()) {
      return Packet.Protocol.UDP;
    }
    if (icmp) {
      return Packet.Protocol.ICMP;
    }
    if (other) {
      return Packet.Protocol.OTHER;
    }
    throw new IllegalStateException("The empty service set has no member");
  }

  int witnessPort() {
    return switch (witnessProtocol()) {
      case TCP -> tcp.first();
      case UDP -> udp.first();
      default -> 0;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceSet s && tcp.equals(s.tcp) && udp.equals(s.udp) && icmp == s.icmp
        && other == s.other;
  }

  @Override
  public int hashCode() {
    return Objects.hash(tcp, udp, icmp, other);
  }

  /**
   * {@code any}, {@code -} when empty, else the parts joined by spaces: {@code tcp/80,443},
   * {@code tcp} (every TCP port), {@code udp/53}, {@code icmp}, {@code other}.
   */
  @Override
  public String toString() {
    if (isAny()) {
      return "any";
    }
    if (isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    if (!tcp.isEmpty()) {
      parts.add(tcp.isAll() ? "tcp" : "tcp/" + tcp);
    }
    if (!udp.isEmpty()) {
      parts.add(udp.isAll() ? "udp" : "udp/" + udp);
    }
    if (icmp) {
      parts.add("icmp");
    }
    if (other) {
      parts.add("other");
    }
    return String.join(" ", parts);
  }
}
