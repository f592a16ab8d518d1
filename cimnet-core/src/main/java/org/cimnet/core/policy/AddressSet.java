package org.cimnet.core.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;

/**
 * A set of IPv4 addresses as sorted, disjoint ranges: a subnet is one range, a zone a few, the
 * internet the complement of the private spaces. Immutable; every operation works on the ranges,
 * never on single addresses.
 */
final class AddressSet {
  static final long MAX = 0xFFFF_FFFFL;

  private static final AddressSet EMPTY = new AddressSet(Ranges.EMPTY);

  /** 10/8, 172.16/12, 192.168/16 and link-local 169.254/16: what the internet is not. */
  public static final AddressSet PRIVATE = ofPrefixes(List.of(Prefix.parse("10.0.0.0/8"),
      Prefix.parse("172.16.0.0/12"), Prefix.parse("192.168.0.0/16"),
      Prefix.parse("169.254.0.0/16")));

  /** Every IPv4 address. */
  public static final AddressSet ALL = new AddressSet(new long[] {0, MAX});

  private final long[] ranges;

  private AddressSet(long[] ranges) {
    this.ranges = ranges;
  }

  public static AddressSet empty() {
    return EMPTY;
  }

  public static AddressSet of(Prefix prefix) {
    Objects.requireNonNull(prefix, "prefix == null");
    long lo = prefix.first().toLong();
    return new AddressSet(new long[] {lo, lo + prefix.size() - 1});
  }

  public static AddressSet of(Ipv4Address address) {
    Objects.requireNonNull(address, "address == null");
    return new AddressSet(new long[] {address.toLong(), address.toLong()});
  }

  /** The addresses from {@code first} to {@code last}, both included. */
  public static AddressSet range(Ipv4Address first, Ipv4Address last) {
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("Range '" + first + "-" + last + "' runs backwards");
    }
    return new AddressSet(new long[] {first.toLong(), last.toLong()});
  }

  public static AddressSet ofPrefixes(Collection<Prefix> prefixes) {
    long[] pairs = new long[2 * prefixes.size()];
    int n = 0;
    for (Prefix p : prefixes) {
      pairs[n++] = p.first().toLong();
      pairs[n++] = p.first().toLong() + p.size() - 1;
    }
    return new AddressSet(Ranges.normalise(pairs, prefixes.size()));
  }

  public static AddressSet ofAddresses(Collection<Ipv4Address> addresses) {
    long[] pairs = new long[2 * addresses.size()];
    int n = 0;
    for (Ipv4Address a : addresses) {
      pairs[n++] = a.toLong();
      pairs[n++] = a.toLong();
    }
    return new AddressSet(Ranges.normalise(pairs, addresses.size()));
  }

  /** The union of many sets in one sort, cheaper than folding {@link #union}. */
  public static AddressSet unionAll(Collection<AddressSet> sets) {
    int count = 0;
    for (AddressSet s : sets) {
      count += s.ranges.length;
    }
    long[] pairs = new long[count];
    int n = 0;
    for (AddressSet s : sets) {
      System.arraycopy(s.ranges, 0, pairs, n, s.ranges.length);
      n += s.ranges.length;
    }
    return new AddressSet(Ranges.normalise(pairs, count / 2));
  }

  public AddressSet union(AddressSet other) {
    return new AddressSet(Ranges.union(ranges, other.ranges));
  }

  public AddressSet intersect(AddressSet other) {
    return new AddressSet(Ranges.intersect(ranges, other.ranges));
  }

  public AddressSet minus(AddressSet other) {
    return new AddressSet(Ranges.minus(ranges, other.ranges, 0, MAX));
  }

  public AddressSet complement() {
    return new AddressSet(Ranges.complement(ranges, 0, MAX));
  }

  public boolean intersects(AddressSet other) {
    return Ranges.intersects(ranges, other.ranges);
  }

  public boolean contains(Ipv4Address address) {
    return Ranges.contains(ranges, address.toLong());
  }

  boolean contains(long address) {
    return Ranges.contains(ranges, address);
  }

  public boolean containsAll(AddressSet other) {
    return Ranges.containsAll(ranges, other.ranges);
  }

  public boolean isEmpty() {
    return ranges.length == 0;
  }

  /** How many addresses the set holds. */
  public long size() {
    return Ranges.size(ranges);
  }

  /** How many disjoint ranges the set is made of. */
  public int rangeCount() {
    return ranges.length / 2;
  }

  public Ipv4Address first(int range) {
    return Ipv4Address.of(ranges[2 * range]);
  }

  public Ipv4Address last(int range) {
    return Ipv4Address.of(ranges[2 * range + 1]);
  }

  long lo(int range) {
    return ranges[2 * range];
  }

  long hi(int range) {
    return ranges[2 * range + 1];
  }

  /** The lowest address. */
  public Ipv4Address first() {
    if (isEmpty()) {
      throw new IllegalStateException("The empty address set has no first address");
    }
    return Ipv4Address.of(ranges[0]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddressSet s && Arrays.equals(ranges, s.ranges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ranges);
  }

  /** Ranges as {@code first-last} (or one address) joined by commas; {@code none} if empty. */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < ranges.length; i += 2) {
      parts.add(ranges[i] == ranges[i + 1] ? Ipv4Address.of(ranges[i]).toString()
          : Ipv4Address.of(ranges[i]) + "-" + Ipv4Address.of(ranges[i + 1]));
    }
    return String.join(",", parts);
  }
}
