package org.cimnet.core.policy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The decision structure over sorted breakpoints: the address space cut at every bound of every
 * indexed set into segments, each segment listing the sets that cover it whole. Asking which sets
 * meet an address or a set is a binary search plus a walk over the segments it spans, so the cost
 * grows with the sets' ranges, not with their sizes.
 */
final class SegmentIndex {
  private static final int[] NONE = new int[0];

  /** {@code starts[k]} is the first address of segment k; it ends where segment k+1 starts. */
  private final long[] starts;
  private final int[][] covering;
  private final int ids;

  SegmentIndex(List<AddressSet> sets) {
    this.ids = sets.size();
    long[] points = new long[2];
    int n = 0;
    for (AddressSet s : sets) {
      if (n + 2 * s.rangeCount() + 1 > points.length) {
        points = Arrays.copyOf(points, Math.max(points.length * 2, n + 2 * s.rangeCount() + 1));
      }
      for (int r = 0; r < s.rangeCount(); r++) {
        points[n++] = s.lo(r);
        points[n++] = s.hi(r) + 1;
      }
    }
    points = Arrays.copyOf(points, n + 1);
    points[n] = 0;
    Arrays.sort(points);
    int unique = 0;
    for (long p : points) {
      if (p > AddressSet.MAX) {
        break;
      }
      if (unique == 0 || points[unique - 1] != p) {
        points[unique++] = p;
      }
    }
    this.starts = Arrays.copyOf(points, unique);
    int[] counts = new int[unique];
    for (AddressSet s : sets) {
      for (int r = 0; r < s.rangeCount(); r++) {
        int to = end(s.hi(r));
        for (int k = segment(s.lo(r)); k < to; k++) {
          counts[k]++;
        }
      }
    }
    this.covering = new int[unique][];
    for (int k = 0; k < unique; k++) {
      covering[k] = counts[k] == 0 ? NONE : new int[counts[k]];
      counts[k] = 0;
    }
    for (int id = 0; id < sets.size(); id++) {
      AddressSet s = sets.get(id);
      for (int r = 0; r < s.rangeCount(); r++) {
        int to = end(s.hi(r));
        for (int k = segment(s.lo(r)); k < to; k++) {
          covering[k][counts[k]++] = id;
        }
      }
    }
  }

  /** The segment holding {@code address}. */
  private int segment(long address) {
    int k = Arrays.binarySearch(starts, address);
    return k >= 0 ? k : -k - 2;
  }

  /** One past the last segment of a range ending at {@code hi}. */
  private int end(long hi) {
    return segment(hi) + 1;
  }

  /** The ids of the sets holding {@code address}. */
  int[] at(long address) {
    return covering[segment(address)];
  }

  /** The ids of the sets meeting {@code set}, ascending, each once. */
  int[] meeting(AddressSet set) {
    BitSet found = new BitSet(ids);
    for (int r = 0; r < set.rangeCount(); r++) {
      int to = end(set.hi(r));
      for (int k = segment(set.lo(r)); k < to; k++) {
        for (int id : covering[k]) {
          found.set(id);
        }
      }
    }
    return found.stream().toArray();
  }
}
