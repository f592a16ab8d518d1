package org.cimnet.core.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Ranges} against a model written separately: sets of the numbers 0 to 63 as bit sets,
 * where union is {@code or}, intersection {@code and}, and every question is answered by
 * looking at the members one by one.
 */
class RangesProperties {
  private static final int MAX = 63;

  /** Sets of 0..63 from a mask: dense, sparse and single runs, so every shape occurs. */
  @Provide
  Arbitrary<BitSet> sets() {
    Arbitrary<Long> masks = Arbitraries.oneOf(Arbitraries.longs(),
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((a, b) -> a & b),
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((a, b) -> a | b),
        Combinators.combine(Arbitraries.integers().between(0, MAX),
            Arbitraries.integers().between(0, MAX)).as((a, b) -> run(a, b)));
    return masks.map(m -> BitSet.valueOf(new long[] {m}));
  }

  private static long run(int a, int b) {
    BitSet s = new BitSet();
    s.set(Math.min(a, b), Math.max(a, b) + 1);
    return s.isEmpty() ? 0 : s.toLongArray()[0];
  }

  /** The model's set as Ranges' flat pairs, written out plainly from the members. */
  static long[] pairs(BitSet s) {
    long[] out = new long[2 * (MAX + 1)];
    int n = 0;
    for (int v = s.nextSetBit(0); v >= 0; v = s.nextSetBit(s.nextClearBit(v))) {
      out[n++] = v;
      out[n++] = s.nextClearBit(v) - 1;
    }
    return Arrays.copyOf(out, n);
  }

  static BitSet members(long[] ranges) {
    BitSet s = new BitSet();
    for (int i = 0; i < ranges.length; i += 2) {
      s.set((int) ranges[i], (int) ranges[i + 1] + 1);
    }
    return s;
  }

  private static BitSet and(BitSet a, BitSet b) {
    BitSet s = (BitSet) a.clone();
    s.and(b);
    return s;
  }

  @Provide
  Arbitrary<List<int[]>> rawPairs() {
    return Combinators.combine(Arbitraries.integers().between(0, MAX),
        Arbitraries.integers().between(0, 4)).as((lo, len) -> new int[] {lo,
            Math.min(MAX, lo + len)}).list().ofMaxSize(10);
  }

  /** Any pairs, in any order, overlapping or touching, in a buffer that may be longer. */
  @Property(tries = 500)
  void normaliseSortsAndMergesOverlappingAndTouchingIntervals(
      @ForAll("rawPairs") List<int[]> raw, @ForAll @IntRange(min = 0, max = 2) int spare) {
    long[] buffer = new long[2 * raw.size() + 2 * spare];
    BitSet model = new BitSet();
    for (int i = 0; i < raw.size(); i++) {
      buffer[2 * i] = raw.get(i)[0];
      buffer[2 * i + 1] = raw.get(i)[1];
      model.set(raw.get(i)[0], raw.get(i)[1] + 1);
    }
    Arrays.fill(buffer, 2 * raw.size(), buffer.length, 99);
    assertArrayEquals(pairs(model), Ranges.normalise(buffer, raw.size()));
  }

  @Property(tries = 500)
  void setOperationsAgreeWithTheModel(@ForAll("sets") BitSet a, @ForAll("sets") BitSet b) {
    long[] ra = pairs(a);
    long[] rb = pairs(b);
    BitSet union = (BitSet) a.clone();
    union.or(b);
    BitSet minus = (BitSet) a.clone();
    minus.andNot(b);
    BitSet complement = (BitSet) a.clone();
    complement.flip(0, MAX + 1);
    assertArrayEquals(pairs(union), Ranges.union(ra, rb), "union");
    assertArrayEquals(pairs(and(a, b)), Ranges.intersect(ra, rb), "intersect");
    assertArrayEquals(pairs(minus), Ranges.minus(ra, rb, 0, MAX), "minus");
    assertArrayEquals(pairs(complement), Ranges.complement(ra, 0, MAX), "complement");
    assertEquals(!and(a, b).isEmpty(), Ranges.intersects(ra, rb), "intersects");
    BitSet bNotA = (BitSet) b.clone();
    bNotA.andNot(a);
    assertEquals(bNotA.isEmpty(), Ranges.containsAll(ra, rb), "containsAll");
    assertEquals(a.cardinality(), Ranges.size(ra), "size");
  }

  /** One interval against many: the binary-search path of intersects, both ways round. */
  @Property(tries = 500)
  void aFewIntervalsAgainstManyAgreeWithTheModel(@ForAll("sets") BitSet many,
      @ForAll @IntRange(min = 0, max = MAX) int lo, @ForAll @IntRange(min = 0, max = 3) int len,
      @ForAll @IntRange(min = 0, max = MAX) int lo2) {
    BitSet few = new BitSet();
    few.set(lo, Math.min(MAX, lo + len) + 1);
    if (lo2 > lo + len + 1) {
      few.set(lo2);
    }
    boolean expected = !and(few, many).isEmpty();
    assertEquals(expected, Ranges.intersects(pairs(few), pairs(many)));
    assertEquals(expected, Ranges.intersects(pairs(many), pairs(few)));
  }

  @Property(tries = 500)
  void findAndIntersectsOfAnIntervalAgreeWithTheModel(@ForAll("sets") BitSet a,
      @ForAll @IntRange(min = 0, max = MAX) int v, @ForAll @IntRange(min = 0, max = MAX) int w) {
    long[] ra = pairs(a);
    int k = Ranges.find(ra, v);
    if (a.get(v)) {
      assertEquals(0, k % 2, "an even index");
      assertEquals(a.previousClearBit(v) + 1, ra[k], "the interval's first member");
      assertEquals(a.nextClearBit(v) - 1, ra[k + 1], "the interval's last member");
    } else {
      assertEquals(-1, k);
    }
    assertEquals(a.get(v), Ranges.contains(ra, v));
    int lo = Math.min(v, w);
    int hi = Math.max(v, w);
    assertEquals(a.nextSetBit(lo) >= 0 && a.nextSetBit(lo) <= hi, Ranges.intersects(ra, lo, hi));
  }
}
