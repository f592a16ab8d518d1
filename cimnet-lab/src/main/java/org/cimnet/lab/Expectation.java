package org.cimnet.lab;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.model.Service;
import org.cimnet.core.policy.ServiceSet;

/**
 * What the checker proved about one probe: may {@code from} open a connection to {@code to} for
 * {@code service}, and who answers. The lab compares what really happens against it.
 */
@FunctionalInterface
public interface Expectation {

  /** The verdict for a TCP connection from {@code from} to {@code to} on {@code service}. */
  Verdict tcp(Node from, Node to, Service service);

  /**
   * The cells (a subnet or the internet to another) where connecting through relaying
   * containers opens more than the rules do directly; the lab opens such connections through
   * the relays and expects exactly {@code via} beyond {@code direct}. None by default: an
   * expectation that speaks of direct connections only.
   */
  default List<RelayedCell> relayedCells() {
    return List.of();
  }

  /**
   * One cell relays widen.
   *
   * @param from the source: a subnet's name or {@code internet}
   * @param to the destination: a subnet's name or {@code internet}
   * @param direct what {@code from} may open to {@code to} without relays
   * @param via what it may open through relays
   * @param why how the expectation says so, such as {@code any via bus}
   */
  record RelayedCell(String from, String to, ServiceSet direct, ServiceSet via, String why) {
    public RelayedCell {
      Objects.requireNonNull(from, "from == null");
      Objects.requireNonNull(to, "to == null");
      Objects.requireNonNull(direct, "direct == null");
      Objects.requireNonNull(via, "via == null");
      Objects.requireNonNull(why, "why == null");
    }

    /** Whether a TCP connection to {@code port} opens only through relays. */
    public boolean onlyVia(int port) {
      return via.contains(org.cimnet.core.policy.Packet.Protocol.TCP, port)
          && !direct.contains(org.cimnet.core.policy.Packet.Protocol.TCP, port);
    }

    /** Whether nothing opens a TCP connection to {@code port}, directly or through relays. */
    public boolean closed(int port) {
      return !via.contains(org.cimnet.core.policy.Packet.Protocol.TCP, port)
          && !direct.contains(org.cimnet.core.policy.Packet.Protocol.TCP, port);
    }
  }

  /**
   * A verdict.
   *
   * @param reaches the identity expected to answer when open (see {@link Node#identity()})
   * @param why the rule that allows it, or why nothing does
   */
  record Verdict(boolean open, Optional<String> reaches, String why) {
    public Verdict {
      Objects.requireNonNull(reaches, "reaches == null");
      Objects.requireNonNull(why, "why == null");
    }

    public static Verdict open(String reaches, String why) {
      return new Verdict(true, Optional.of(reaches), why);
    }

    public static Verdict closed(String why) {
      return new Verdict(false, Optional.empty(), why);
    }

    /** How a report prints it: {@code open (web1)} or {@code closed}. */
    public String text() {
      return open ? "open (" + reaches.orElse("?") + ")" : "closed";
    }
  }
}
