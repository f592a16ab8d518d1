package org.cimnet.core.plan;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.plan.FirewallPlan.SubnetPort;

/**
 * Subnets as address ranges sorted by first address. A network's subnets never overlap (the
 * checker's subnet.overlap), so the only one that can hold a prefix is the last that starts at
 * or below it: a binary search.
 */
final class SubnetIndex {
  private final long[] firsts;
  private final long[] lasts;
  private final String[] names;

  SubnetIndex(Collection<SubnetPort> ports) {
    SubnetPort[] sorted = ports.stream()
        .sorted(Comparator.comparingLong(p -> p.cidr().first().toLong()))
        .toArray(SubnetPort[]::new);
    firsts = new long[sorted.length];
    lasts = new long[sorted.length];
    names = new String[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      firsts[i] = sorted[i].cidr().first().toLong();
      lasts[i] = sorted[i].cidr().last().toLong();
      names[i] = sorted[i].subnet();
    }
  }

  private int at(Prefix a) {
    int k = Arrays.binarySearch(firsts, a.first().toLong());
    return k >= 0 ? k : -k - 2;
  }

  /** Whether one of the subnets holds both {@code a} and {@code b}. */
  boolean same(Prefix a, Prefix b) {
    int k = at(a);
    return k >= 0 && lasts[k] >= a.last().toLong() && firsts[k] <= b.first().toLong()
        && lasts[k] >= b.last().toLong();
  }

  /** The subnet holding {@code a}, or null. */
  String holding(Prefix a) {
    int k = at(a);
    return k >= 0 && lasts[k] >= a.last().toLong() ? names[k] : null;
  }
}
