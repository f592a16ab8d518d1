package org.cimnet.core.policy;

import java.util.Arrays;

/**
 * Sorted, disjoint, non-adjacent closed intervals of longs, stored flat as {@code lo0, hi0, lo1,
 * hi1, ...}. The one piece of interval arithmetic behind {@link AddressSet} and {@link PortSet};
 * every operation is a linear merge or a binary search, never an enumeration of members.
 */
final class Ranges {
  static final long[] EMPTY = new long[0];

  private Ranges() {}

  /** Normalises arbitrary pairs: sorts, then merges overlapping and adjacent intervals. */
  static long[] normalise(long[] pairs, int pairCount) {
    if (pairCount == 0) {
      return EMPTY;
    }
    boolean sorted = true;
    for (int i = 1; i < pairCount && sorted; i++) {
      sorted = pairs[2 * i] > pairs[2 * i - 1] + 1;
    }
    if (sorted && pairs.length == 2 * pairCount) {
      return pairs;
    }
    // Lower and upper bounds sorted apart, as primitives (no object per interval): the k-th
    // smallest upper bound ends a run of the union exactly when the next lower bound lies past
    // it and is not adjacent, since then every interval started so far has ended.
    long[] los = new long[pairCount];
    long[] his = new long[pairCount];
    for (int i = 0; i < pairCount; i++) {
      los[i] = pairs[2 * i];
      his[i] = pairs[2 * i + 1];
    }
    Arrays.sort(los);
    Arrays.sort(his);
    long[] out = new long[2 * pairCount];
    int n = 0;
    long start = los[0];
    for (int k = 0; k < pairCount; k++) {
      if (k == pairCount - 1 || los[k + 1] > his[k] + 1) {
        out[n++] = start;
        out[n++] = his[k];
        if (k + 1 < pairCount) {
          start = los[k + 1];
        }
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  static long[] union(long[] a, long[] b) {
    if (a.length == 0) {
      return b;
    }
    if (b.length == 0) {
      return a;
    }
    long[] all = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    // Merge by lower bound, then coalesce in one pass.
    while (i < a.length || j < b.length) {
      long lo;
      long hi;
      if (j >= b.length || (i < a.length && a[i] <= b[j])) {
        lo = a[i];
        hi = a[i + 1];
        i += 2;
      } else {
        lo = b[j];
        hi = b[j + 1];
        j += 2;
      }
      if (n > 0 && lo <= all[n - 1] + 1) {
        all[n - 1] = Math.max(all[n - 1], hi);
      } else {
        all[n++] = lo;
        all[n++] = hi;
      }
    }
    return n == all.length ? all : Arrays.copyOf(all, n);
  }

  static long[] intersect(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      long lo = Math.max(a[i], b[j]);
      long hi = Math.min(a[i + 1], b[j + 1]);
      if (lo <= hi) {
        out[n++] = lo;
        out[n++] = hi;
      }
      if (a[i + 1] < b[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }
    return n == 0 ? EMPTY : Arrays.copyOf(out, n);
  }

  /** {@code a} without {@code b}. */
  static long[] minus(long[] a, long[] b, long min, long max) {
    return intersect(a, complement(b, min, max));
  }

  static long[] complement(long[] a, long min, long max) {
    long[] out = new long[a.length + 2];
    int n = 0;
    long next = min;
    for (int i = 0; i < a.length; i += 2) {
      if (a[i] > next) {
        out[n++] = next;
        out[n++] = a[i] - 1;
      }
      next = a[i + 1] + 1;
    }
    if (next <= max) {
      out[n++] = next;
      out[n++] = max;
    }
    return Arrays.copyOf(out, n);
  }

  /** The index (even) of the interval holding {@code value}, or -1. */
  static int find(long[] a, long value) {
    int lo = 0;
    int hi = a.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (a[2 * mid + 1] < value) {
        lo = mid + 1;
      } else if (a[2 * mid] > value) {
        hi = mid - 1;
      } else {
        return 2 * mid;
      }
    }
    return -1;
  }

  static boolean contains(long[] a, long value) {
    return find(a, value) >= 0;
  }

  /** Whether some member of {@code [lo, hi]} lies in {@code a}. */
  static boolean intersects(long[] a, long lo, long hi) {
    // The first interval whose upper bound reaches lo decides.
    int low = 0;
    int high = a.length / 2;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (a[2 * mid + 1] < lo) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < a.length / 2 && a[2 * low] <= hi;
  }

  static boolean intersects(long[] a, long[] b) {
    if (a.length == 0 || b.length == 0) {
      return false;
    }
    if (a.length > b.length) {
      long[] t = a;
      a = b;
      b = t;
    }
    if (a.length * 8 < b.length) {
      // Small against large: a binary search per small interval.
      for (int i = 0; i < a.length; i += 2) {
        if (intersects(b, a[i], a[i + 1])) {
          return true;
        }
      }
      return false;
    }
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (Math.max(a[i], b[j]) <= Math.min(a[i + 1], b[j + 1])) {
        return true;
      }
      if (a[i + 1] < b[j + 1]) {
        i += 2;
      } else {
        j += 2;
      }
    }
    return false;
  }

  /** Whether every member of {@code b} is in {@code a}. */
  static boolean containsAll(long[] a, long[] b) {
    for (int i = 0; i < b.length; i += 2) {
      int k = find(a, b[i]);
      if (k < 0 || a[k + 1] < b[i + 1]) {
        return false;
      }
    }
    return true;
  }

  static long size(long[] a) {
    long total = 0;
    for (int i = 0; i < a.length; i += 2) {
      total += a[i + 1] - a[i] + 1;
    }
    return total;
  }
}
