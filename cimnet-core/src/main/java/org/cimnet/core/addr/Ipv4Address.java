package org.cimnet.core.addr;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.format.Quote;

/**
 * An IPv4 address, such as {@code 192.168.4.10}.
 *
 * <p>Parsing accepts only the dotted-quad form with four decimal parts; it never resolves a name
 * (it uses Guava's {@link InetAddresses}, not {@code InetAddress.getByName}). Ordering is
 * numeric. {@link #toString()} gives the canonical text that {@link #parse} accepts.
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

  /** Builds an address from its 32-bit value, read as unsigned. */
  public static Ipv4Address of(long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("IPv4 address value out of range: " + value);
    }
    return new Ipv4Address((int) value);
  }

  /**
   * Parses {@code a.b.c.d}.
   *
   * @throws IllegalArgumentException if {@code text} is not a dotted-quad IPv4 address
   */
  public static Ipv4Address parse(String text) {
    Objects.requireNonNull(text, "text == null");
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
        Quote.value(text) + " is not an IPv4 address: expected four numbers 0 to 255 joined by dots,"
            + " such as '192.168.1.10'"));
  }

  /** Parses {@code a.b.c.d}, or returns empty. */
  public static Optional<Ipv4Address> tryParse(String text) {
    // Guava accepts "::ffff:1.2.3.4" and 4-in-6 forms; cimnet wants exactly four decimal parts.
    if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return Optional.empty();
    }
    if (!InetAddresses.isInetAddress(text)) {
      return Optional.empty();
    }
    InetAddress address = InetAddresses.forString(text);
    if (!(address instanceof Inet4Address)) {
      return Optional.empty();
    }
    return Optional.of(new Ipv4Address(InetAddresses.coerceToInteger(address)));
  }

  /** Whether {@code text} is a dotted-quad IPv4 address. */
  public static boolean isValid(String text) {
    return tryParse(text).isPresent();
  }

  /** The address as an unsigned 32-bit value. */
  public long toLong() {
    return Integer.toUnsignedLong(bits);
  }

  /** The address {@code delta} further on; fails rather than wrap around the address space. */
  public Ipv4Address plus(long delta) {
    long next = toLong() + delta;
    if (next < 0 || next > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("Adding " + delta + " to " + this + " leaves IPv4 space");
    }
    return of(next);
  }

  /** The four bytes, most significant first. */
  public byte[] toBytes() {
    return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8),
        (byte) bits};
  }

  @Override
  public int compareTo(Ipv4Address other) {
    return Integer.compareUnsigned(bits, other.bits);
  }

  @Override
  public String toString() {
    return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "."
        + (bits & 0xFF);
  }
}
