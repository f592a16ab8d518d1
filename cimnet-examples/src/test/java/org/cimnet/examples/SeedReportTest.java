package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.policy.Proof;
import org.cimnet.testkit.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's report: every assertion proven, the matrix, written next to the rendered files. */
class SeedReportTest {

  @Test
  void theSeedsAssertionsAreProvenAndTheReportIsGolden() {
    Report report = Checker.check(SeedNetwork.build());
    assertTrue(report.ok(), report::toText);
    assertEquals(4, report.proofs().size());
    assertTrue(report.proofs().stream().allMatch(Proof::holds), report::toText);
    Golden.assertMatches("report/seed-report.txt", Main.reportFile(report).content());
  }

  @Test
  void mainWritesTheReportWithTheRenderedFiles(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    assertEquals(0, Main.render(SeedNetwork.build(), out));
    String written = Files.readString(out.resolve("report.txt"), StandardCharsets.UTF_8);
    assertEquals(Checker.check(SeedNetwork.build()).toText(), written);
    // Byte-stable: a second run writes the same bytes.
    assertEquals(0, Main.render(SeedNetwork.build(), out));
    assertEquals(written, Files.readString(out.resolve("report.txt"), StandardCharsets.UTF_8));
  }
}
