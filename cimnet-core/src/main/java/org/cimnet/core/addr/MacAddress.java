package org.cimnet.core.addr;

import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.format.Quote;

/**
 * A 48-bit Ethernet MAC address, such as {@code 52:54:00:12:34:56}.
 *
 * <p>Parsing accepts six two-digit hex groups separated by {@code :} or {@code -}, in either
 * case; {@link #toString()} always prints lower-case with colons, the form OVS, systemd and nft
 * print back.
 */
public record MacAddress(long bits) implements Comparable<MacAddress> {

  public MacAddress {
    if (bits < 0 || bits > 0xFFFF_FFFF_FFFFL) {
      throw new IllegalArgumentException("MAC value out of range: " + bits);
    }
  }

  /**
   * Parses {@code aa:bb:cc:dd:ee:ff}.
   *
   * @throws IllegalArgumentException if the text is not six hex pairs joined by ':' or '-'
   */
  public static MacAddress parse(String text) {
    Objects.requireNonNull(text, "text == null");
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException(Quote.value(text)
        + " is not a MAC address: expected six pairs of hex digits joined by ':',"
        + " such as '52:54:00:12:34:56'"));
  }

  /** Parses a MAC address, or returns empty. */
  public static Optional<MacAddress> tryParse(String text) {
    // By hand, not by regex: the watcher reads every MAC of every forwarding table each poll.
    if (text == null || text.length() != 17) {
      return Optional.empty();
    }
    char separator = text.charAt(2);
    if (separator != ':' && separator != '-') {
      return Optional.empty();
    }
    long bits = 0;
    for (int i = 0; i < 17; i++) {
      char c = text.charAt(i);
      if (i % 3 == 2) {
        if (c != separator) {
          return Optional.empty();
        }
        continue;
      }
      int digit = Character.digit(c, 16);
      if (digit < 0 || c > 'f') {
        return Optional.empty();
      }
      bits = bits << 4 | digit;
    }
    return Optional.of(new MacAddress(bits));
  }

  public static boolean isValid(String text) {
    return tryParse(text).isPresent();
  }

  /** The first octet, whose two low bits say group/individual and local/universal. */
  private int firstOctet() {
    return (int) (bits >>> 40) & 0xFF;
  }

  /** Whether this is an individual (unicast) address: the I/G bit of the first octet is 0. */
  public boolean isUnicast() {
    return (firstOctet() & 0x01) == 0;
  }

  /** Whether the U/L bit of the first octet marks the address as locally administered. */
  public boolean isLocallyAdministered() {
    return (firstOctet() & 0x02) != 0;
  }

  /** Whether a port may use it as its own address: unicast and not all zeros. */
  public boolean isValidUnicast() {
    return isUnicast() && bits != 0;
  }

  @Override
  public int compareTo(MacAddress other) {
    return Long.compare(bits, other.bits);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(17);
    for (int shift = 40; shift >= 0; shift -= 8) {
      if (shift != 40) {
        text.append(':');
      }
      int octet = (int) (bits >>> shift) & 0xFF;
      text.append(Character.forDigit(octet >> 4, 16)).append(Character.forDigit(octet & 0xF, 16));
    }
    return text.toString();
  }
}
