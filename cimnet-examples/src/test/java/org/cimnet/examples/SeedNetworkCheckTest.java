package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Problem;
import org.junit.jupiter.api.Test;

/** The reference network passes every invariant; its two warnings are intended. */
class SeedNetworkCheckTest {
  @Test
  void theSeedPassesEveryInvariant() {
    Report report = Checker.check(SeedNetwork.build());
    assertEquals(List.of(), report.problems());
    // The seed names no upstream resolvers, so its hosts resolve nothing on the internet. It
    // lets mgmt reach ilo, which it declares but does not use yet (reserved): the rule is right
    // and takes effect once ilo is carried, so the checker only notes it.
    assertEquals(List.of(new Problem("internet.no-forwarders", "internet.forwarders",
        "Internet: no forwarders are declared, so every nameserver refuses the names outside"
        + " 'cim.internal' and the supernet's reverse zones: the hosts themselves (binary cache,"
        + " NTP, updates) and every container resolve nothing on the internet; declare the"
        + " upstream resolvers in the internet, such as forwarders: [9.9.9.9, 149.112.112.112]"),
        new Problem("rule.reserved-subnet", "rules[4].to", "Rule"
        + " can_connect(mgmt, ilo): subnet 'ilo' is reserved, so no leaf carries it yet: the"
        + " rule takes effect once it is")), report.warnings());
  }
}
