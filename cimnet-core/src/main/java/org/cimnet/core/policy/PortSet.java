package org.cimnet.core.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Destination ports 1 to 65535 as sorted, disjoint ranges. Immutable. */
final class PortSet {
  public static final int MIN = 1;
  public static final int MAX = 65535;

  private static final PortSet NONE = new PortSet(Ranges.EMPTY);
  private static final PortSet ALL = new PortSet(new long[] {MIN, MAX});

  private final long[] ranges;

  private PortSet(long[] ranges) {
    this.ranges = ranges;
  }

  public static PortSet none() {
    return NONE;
  }

  public static PortSet all() {
    return ALL;
  }

  /** The ports {@code low} to {@code high}, both included. */
  public static PortSet range(int low, int high) {
    if (low < MIN || high > MAX || low > high) {
      throw new IllegalArgumentException("Port range '" + low + "-" + high
          + "' is not valid: ports are 1 to 65535, low to high");
    }
    return low == MIN && high == MAX ? ALL : new PortSet(new long[] {low, high});
  }

  public PortSet union(PortSet other) {
    if (other.ranges.length == 0 || this == ALL) {
      return this;
    }
    if (ranges.length == 0 || other == ALL) {
      return other;
    }
    return new PortSet(Ranges.union(ranges, other.ranges));
  }

  public PortSet intersect(PortSet other) {
    return new PortSet(Ranges.intersect(ranges, other.ranges));
  }

  public boolean contains(int port) {
    return Ranges.contains(ranges, port);
  }

  public boolean containsAll(PortSet other) {
    return Ranges.containsAll(ranges, other.ranges);
  }

  public boolean isEmpty() {
    return ranges.length == 0;
  }

  public boolean isAll() {
    return ranges.length == 2 && ranges[0] == MIN && ranges[1] == MAX;
  }

  /** The lowest port. */
  public int first() {
    if (isEmpty()) {
      throw new IllegalStateException("The empty port set has no first port");
    }
    return (int) ranges[0];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortSet s && Arrays.equals(ranges, s.ranges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ranges);
  }

  /** {@code 80,443,8000-8080}; empty text if empty. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < ranges.length; i += 2) {
      parts.add(ranges[i] == ranges[i + 1] ? "" + ranges[i] : ranges[i] + "-" + ranges[i + 1]);
    }
    return String.join(",", parts);
  }
}
