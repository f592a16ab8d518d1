package org.cimnet.core.addr;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.format.Quote;

/**
 * An IPv4 CIDR block, such as {@code 192.168.4.0/24}.
 *
 * <p>A prefix is a block, never an address with a length: {@link #parse} <b>rejects</b> host bits
 * ({@code 192.168.4.7/24} is an error that suggests {@code 192.168.4.0/24}), and the record's
 * constructor rejects them too. Use {@link #containing} to mask deliberately. Ordering is by
 * network address, then by length (shorter first).
 */
public record Prefix(Ipv4Address network, int length) implements Comparable<Prefix> {

  public Prefix {
    Objects.requireNonNull(network, "network == null");
    checkLength(length);
    if ((network.bits() & ~mask(length)) != 0) {
      throw new IllegalArgumentException("'" + network + "/" + length + "' has host bits set: "
          + "did you mean '" + containing(network, length) + "'?");
    }
  }

  /** The block of the given length that contains {@code address} (host bits masked off). */
  public static Prefix containing(Ipv4Address address, int length) {
    java.util.Objects.requireNonNull(address, "address == null");
    checkLength(length);
    return new Prefix(new Ipv4Address(address.bits() & mask(length)), length);
  }

  /**
   * Returns {@code length} if it is a prefix length, 0 to 32.
   *
   * @throws IllegalArgumentException quoting the length
   */
  public static int checkLength(int length) {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException(
          "Prefix length " + length + " is out of range: must be 0 to 32");
    }
    return length;
  }

  /**
   * Parses {@code a.b.c.d/n}.
   *
   * @throws IllegalArgumentException if the text is not a prefix, the length is not 0 to 32, or
   *     host bits are set
   */
  public static Prefix parse(String text) {
    Objects.requireNonNull(text, "text == null");
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(Quote.value(text) + " is not an IPv4 prefix: expected"
          + " address/length, such as '192.168.4.0/24'");
    }
    Optional<Ipv4Address> address = Ipv4Address.tryParse(text.substring(0, slash));
    String lengthText = text.substring(slash + 1);
    if (address.isEmpty()) {
      throw new IllegalArgumentException(Quote.value(text) + " is not an IPv4 prefix: "
          + Quote.value(text.substring(0, slash)) + " is not an IPv4 address");
    }
    if (!lengthText.matches("\\d{1,2}") || Integer.parseInt(lengthText) > 32) {
      throw new IllegalArgumentException(Quote.value(text) + " is not an IPv4 prefix: the length "
          + Quote.value(lengthText) + " must be a number from 0 to 32");
    }
    int length = Integer.parseInt(lengthText);
    Ipv4Address network = address.get();
    if ((network.bits() & ~mask(length)) != 0) {
      throw new IllegalArgumentException(Quote.value(text) + " has host bits set: did you mean '"
          + containing(network, length) + "'?");
    }
    return new Prefix(network, length);
  }

  /** Parses {@code a.b.c.d/n}, or returns empty. */
  public static Optional<Prefix> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code text} is a prefix without host bits. */
  public static boolean isValid(String text) {
    return tryParse(text).isPresent();
  }

  static int mask(int length) {
    return length == 0 ? 0 : -1 << (32 - length);
  }

  /** The netmask, such as {@code 255.255.255.0} for a /24. */
  public Ipv4Address netmask() {
    return new Ipv4Address(mask(length));
  }

  /** How many addresses the block holds, network and broadcast included. */
  public long size() {
    return 1L << (32 - length);
  }

  /** The first address (the network address). */
  public Ipv4Address first() {
    return network;
  }

  /** The last address (the broadcast address of a /0 to /30). */
  public Ipv4Address last() {
    return Ipv4Address.of(network.toLong() + size() - 1);
  }

  /**
   * The address at {@code offset} from the start; a negative offset counts from the end, so
   * {@code -1} is the last address.
   *
   * @throws IllegalArgumentException if the offset falls outside the block
   */
  public Ipv4Address address(long offset) {
    long index = offset < 0 ? size() + offset : offset;
    if (index < 0 || index >= size()) {
      throw new IllegalArgumentException(
          "Offset " + offset + " is outside " + this + " (" + size() + " addresses)");
    }
    return Ipv4Address.of(network.toLong() + index);
  }

  /** The offset of {@code address} from the start of the block. */
  public long offsetOf(Ipv4Address address) {
    if (!contains(address)) {
      throw new IllegalArgumentException(address + " is not in " + this);
    }
    return address.toLong() - network.toLong();
  }

  public boolean contains(Ipv4Address address) {
    return (address.bits() & mask(length)) == network.bits();
  }

  /** Whether {@code other} lies wholly inside this block (a block contains itself). */
  public boolean contains(Prefix other) {
    return other.length >= length && contains(other.network);
  }

  /** Whether the two blocks share any address. */
  public boolean overlaps(Prefix other) {
    return contains(other.network) || other.contains(network);
  }

  /** Every address of the block in order, network and broadcast included. */
  public Iterable<Ipv4Address> addresses() {
    return () -> new Iterator<>() {
      private long next = network.toLong();
      private final long end = network.toLong() + size();

      @Override
      public boolean hasNext() {
        return next < end;
      }

      @Override
      public Ipv4Address next() {
        if (next >= end) {
          throw new NoSuchElementException();
        }
        return Ipv4Address.of(next++);
      }
    };
  }

  /** The blocks of {@code newLength} this block splits into, in order. */
  public Iterable<Prefix> subnets(int newLength) {
    if (newLength < length || newLength > 32) {
      throw new IllegalArgumentException("Cannot split " + this + " into /" + newLength
          + " blocks: the length must be " + length + " to 32");
    }
    long step = 1L << (32 - newLength);
    long count = 1L << (newLength - length);
    return () -> new Iterator<>() {
      private long index;

      @Override
      public boolean hasNext() {
        return index < count;
      }

      @Override
      public Prefix next() {
        if (index >= count) {
          throw new NoSuchElementException();
        }
        return new Prefix(Ipv4Address.of(network.toLong() + step * index++), newLength);
      }
    };
  }

  @Override
  public int compareTo(Prefix other) {
    int byNetwork = network.compareTo(other.network);
    return byNetwork != 0 ? byNetwork : Integer.compare(length, other.length);
  }

  @Override
  public String toString() {
    return network + "/" + length;
  }
}
