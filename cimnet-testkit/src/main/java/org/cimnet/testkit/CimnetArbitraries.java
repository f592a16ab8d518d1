package org.cimnet.testkit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.cimnet.core.model.Network;
import org.cimnet.testkit.gen.NetworkGenerator;

/**
 * jqwik arbitraries of valid networks, built by the generator (valid by construction, never
 * filtered). Sizes stay small so properties run fast and shrink to readable networks.
 */
public final class CimnetArbitraries {
  private CimnetArbitraries() {}

  /** Specs of small valid networks: 1-3 hosts, 1-3 leaves each, up to 40 containers. */
  public static Arbitrary<NetworkGenerator.Spec> specs() {
    Arbitrary<Integer> hosts = Arbitraries.integers().between(1, 3).shrinkTowards(1);
    Arbitrary<Integer> leaves = Arbitraries.integers().between(1, 3).shrinkTowards(1);
    Arbitrary<Integer> extraSubnets = Arbitraries.integers().between(0, 6).shrinkTowards(0);
    Arbitrary<Integer> prefix = Arbitraries.integers().between(24, 28).shrinkTowards(24);
    Arbitrary<Integer> containers = Arbitraries.integers().between(0, 40).shrinkTowards(0);
    Arbitrary<Integer> rules = Arbitraries.integers().between(0, 12).shrinkTowards(0);
    Arbitrary<Integer> spines = Arbitraries.integers().between(1, 3).shrinkTowards(1);
    Arbitrary<Integer> multi = Arbitraries.integers().between(0, 5);
    Arbitrary<Long> seed = Arbitraries.longs();
    return Combinators.combine(hosts, leaves, extraSubnets, prefix, containers, rules, spines,
        Combinators.combine(multi, seed).as((m, s) -> new long[] {m, s}))
        .as((h, l, x, p, c, r, sp, ms) -> {
          int subnets = h * l + x;
          // Keep within what the generator can place on every host.
          long capacity = NetworkGenerator.Spec.capacity(h, l, subnets, p, (int) ms[0]);
          return new NetworkGenerator.Spec(h, l, subnets, p, (int) Math.min(c, capacity), r,
              sp, (int) ms[0], ms[1]);
        });
  }

  /** Small valid networks. */
  public static Arbitrary<Network> networks() {
    return specs().map(NetworkGenerator::generate);
  }
}
