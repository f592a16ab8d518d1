package org.cimnet.core.policy;

import java.util.Locale;
import java.util.Objects;
import org.cimnet.core.addr.Ipv4Address;

/**
 * One packet that opens a connection: source and destination address, protocol and, for TCP and
 * UDP, the destination port. The prover's counterexamples are packets.
 *
 * @param port 1 to 65535 for TCP and UDP, 0 for the others
 */
public record Packet(Ipv4Address src, Ipv4Address dst, Protocol protocol, int port) {

  /** The protocols of the packet space; {@code OTHER} stands for every protocol but these. */
  public enum Protocol {
    TCP, UDP, ICMP, OTHER;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasPorts() {
      return this == TCP || this == UDP;
    }
  }

  public Packet {
    Objects.requireNonNull(src, "src == null");
    Objects.requireNonNull(dst, "dst == null");
    Objects.requireNonNull(protocol, "protocol == null");
    if (protocol.hasPorts() ? port < 1 || port > 65535 : port != 0) {
      throw new IllegalArgumentException("Packet port '" + port + "' is not valid for "
          + protocol.key() + ": tcp and udp take 1 to 65535, the others 0");
    }
  }

  /** {@code tcp/22}, {@code icmp}. */
  public String service() {
    return protocol.hasPorts() ? protocol.key() + "/" + port : protocol.key();
  }

  /** {@code src 192.168.4.2, dst 192.168.3.2, tcp/22}. */
  @Override
  public String toString() {
    return "src " + src + ", dst " + dst + ", " + service();
  }
}
