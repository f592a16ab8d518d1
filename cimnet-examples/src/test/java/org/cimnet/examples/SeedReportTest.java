package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.policy.Proof;
import org.cimnet.testkit.Golden;
import org.junit.jupiter.api.Test;

/** The seed's report: every assertion proven, the matrix (render writes it as report.txt). */
class SeedReportTest {

  @Test
  void theSeedsAssertionsAreProvenAndTheReportIsGolden() {
    Report report = Checker.check(SeedNetwork.build());
    assertTrue(report.ok(), report::toText);
    assertEquals(4, report.proofs().size());
    assertTrue(report.proofs().stream().allMatch(Proof::holds), report::toText);
    Golden.assertMatches("report/seed-report.txt", report.toText());
  }
}
