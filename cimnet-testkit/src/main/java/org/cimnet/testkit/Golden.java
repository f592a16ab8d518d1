package org.cimnet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cimnet.core.spi.RenderedFile;

/**
 * Golden files: whole rendered outputs compared byte for byte with files under the module's
 * {@code src/test/resources/golden/}. Run with {@code -Dcimnet.golden.update=true} to rewrite
 * them, then review the diff.
 */
public final class Golden {
  private Golden() {}

  public static boolean updating() {
    return Boolean.getBoolean("cimnet.golden.update");
  }

  /** The module's golden folder (surefire runs tests in the module's directory). */
  public static Path root() {
    return Path.of(System.getProperty("user.dir"), "src", "test", "resources", "golden");
  }

  /** Compares one text with {@code golden/<path>}, or rewrites it when updating. */
  public static void assertMatches(String path, String actual) {
    Path file = root().resolve(path);
    try {
      if (updating()) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        fail("No golden file " + file + ": run with -Dcimnet.golden.update=true and review it");
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
          "Output differs from golden file " + file
              + " (run with -Dcimnet.golden.update=true to accept, then review the diff)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compares a whole set of rendered files with the folder {@code golden/<folder>}: the same
   * paths, the same bytes. When updating, the folder is replaced by the files.
   */
  public static void assertFolder(String folder, List<RenderedFile> files) {
    Path dir = root().resolve(folder);
    try {
      if (updating()) {
        if (Files.exists(dir)) {
          try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
              Files.delete(p);
            }
          }
        }
      }
      for (RenderedFile f : files) {
        assertMatches(folder + "/" + f.path(), f.content());
      }
      if (!updating()) {
        Set<String> expected;
        try (Stream<Path> walk = Files.walk(dir)) {
          expected = walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
              .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> actual = files.stream().map(RenderedFile::path)
            .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual, "Rendered paths differ from golden folder " + dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
