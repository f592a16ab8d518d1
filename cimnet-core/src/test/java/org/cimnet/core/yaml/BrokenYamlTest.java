package org.cimnet.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cimnet.core.check.Checker;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The corpus of broken inputs under {@code src/test/resources/yaml/broken/}: {@code X.yaml}
 * (network.yaml), {@code X.parts.yaml} (parts.yaml, else the shared {@code _default.parts.yaml})
 * and {@code X.expected}, the exact report a person sees. Cases named {@code checker-*} load,
 * and the expected text is the checker's report. Every case then shows what loading and
 * checking together ({@link YamlCheck}) reports. {@code -Dcimnet.golden.update=true} rewrites
 * the expected files that differ and fails those cases (refused under {@code CI=true}); read
 * them before committing.
 */
class BrokenYamlTest {
  private static final Path DIR = Path.of("src/test/resources/yaml/broken");
  private static final boolean UPDATE = Boolean.getBoolean("cimnet.golden.update");

  @TestFactory
  @Timeout(60)
  Stream<DynamicTest> everyBrokenInputGetsItsExactReport() throws IOException {
    List<Path> cases;
    try (Stream<Path> files = Files.list(DIR)) {
      cases = files.filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().startsWith("_"))
          .filter(p -> !p.toString().endsWith(".parts.yaml")).sorted().toList();
    }
    assertTrue(cases.size() >= 30, "the corpus has " + cases.size() + " cases");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
        () -> check(c)));
  }

  private static void check(Path network) throws IOException {
    String name = network.getFileName().toString().replaceFirst("\\.yaml$", "");
    Path parts = DIR.resolve(name + ".parts.yaml");
    if (!Files.exists(parts)) {
      parts = DIR.resolve("_default.parts.yaml");
    }
    long start = System.nanoTime();
    LoadReport report = NetworkYaml.read(Files.readAllBytes(network), "network.yaml",
        Optional.of(Files.readAllBytes(parts)), "parts.yaml");
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "took too long");
    String actual;
    if (name.startsWith("checker-")) {
      assertTrue(report.ok(), report::toText);
      actual = "loaded; the checker says:\n"
          + Checker.check(report.network().orElseThrow()).toText();
    } else {
      assertFalse(report.ok(), name + " loaded");
      actual = report.toText();
      for (YamlProblem p : report.problems()) {
        assertFalse(p.message().contains("Exception") || p.message().contains("\tat "),
            "a stack trace or exception name reached the user: " + p);
      }
    }
    YamlCheck checked = YamlCheck.of(report);
    assertEquals(name.startsWith("checker-"), checked.problems().stream()
        .allMatch(SourceProblem::fromChecker), "only checker cases have only checker problems");
    for (SourceProblem p : checked.problems()) {
      assertTrue(p.line() > 0, "a problem without a place: " + p);
    }
    actual += "\nchecked together (load problems, then the checker's problems):\n"
        + checked.toText();
    Path expected = DIR.resolve(name + ".expected");
    if (UPDATE) {
      // A rewritten report still fails, so update mode never hides a difference.
      assertFalse("true".equals(System.getenv("CI")),
          "-Dcimnet.golden.update=true is refused under CI=true");
      if (!Files.exists(expected)
          || !Files.readString(expected, StandardCharsets.UTF_8).equals(actual)) {
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
        fail("Rewrote " + expected + ": review the diff, then run again without"
            + " -Dcimnet.golden.update");
      }
    }
    assertTrue(Files.exists(expected), "No " + expected
        + ": run with -Dcimnet.golden.update=true and review it");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, name);
  }
}
