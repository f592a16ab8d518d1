package org.cimnet.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cimnet.core.model.Network;
import org.cimnet.testkit.gen.NetworkGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The YAML loader and the checker behind it under mutated input (see {@link Fuzz}): whatever
 * the bytes, what comes out is a {@link LoadReport} and a {@link YamlCheck} whose problems are
 * {@link YamlProblem}s and {@link SourceProblem}s with clean messages; nothing is thrown.
 */
class YamlFuzzTest {
  @Test
  @Timeout(600)
  void onlyReportsComeOutOfTheLoader() throws IOException {
    List<byte[]> corpus = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/yaml/broken"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        corpus.add(Files.readAllBytes(f));
      }
    }
    for (long seed = 1; seed <= 3; seed++) {
      Network n = NetworkGenerator.generate(NetworkGenerator.Spec.small(seed));
      corpus.add(NetworkYaml.network(n).getBytes(StandardCharsets.UTF_8));
      corpus.add(NetworkYaml.parts(n).getBytes(StandardCharsets.UTF_8));
    }
    byte[] parts = NetworkYaml.parts(NetworkGenerator.generate(NetworkGenerator.Spec.small(1)))
        .getBytes(StandardCharsets.UTF_8);
    long count = Fuzz.run("yaml", corpus, input -> {
      // The input is network.yaml half of the time and parts.yaml otherwise.
      boolean asParts = input.length % 2 == 0;
      LoadReport report = asParts
          ? NetworkYaml.read(corpus.get(corpus.size() - 2), "network.yaml", Optional.of(input),
              "parts.yaml")
          : NetworkYaml.read(input, "network.yaml", Optional.of(parts), "parts.yaml");
      assertEquals(report.ok(), report.network().isPresent());
      for (YamlProblem p : report.problems()) {
        Fuzz.clean(p.toString());
        assertTrue(p.line() >= 0 && p.column() >= 0, p::toString);
      }
      YamlCheck check = YamlCheck.of(report);
      for (SourceProblem p : check.problems()) {
        Fuzz.clean(p.toString());
      }
      String text = check.toText();
      assertEquals(1 + check.problems().size() + (check.warnings().isEmpty() ? 0
          : 1 + check.warnings().size()), text.lines().count(), text);
      assertEquals(check.ok(), check.validated().isPresent());
    });
    assertTrue(count > 0);
  }
}
