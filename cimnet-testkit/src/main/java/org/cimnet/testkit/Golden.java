package org.cimnet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cimnet.core.spi.RenderedFile;

/**
 * Golden files: whole rendered outputs compared byte for byte with files under the module's
 * {@code src/test/resources/golden/}. Run with {@code -Dcimnet.golden.update=true} to rewrite
 * them, then review the diff. A test that rewrites a golden file still fails, naming the file,
 * so update mode can never make a difference pass; under CI ({@code CI=true}) update mode is
 * refused.
 */
public final class Golden {
  private Golden() {}

  /** True when the golden files are to be rewritten; fails under CI, which never rewrites. */
  public static boolean updating() {
    boolean update = Boolean.getBoolean("cimnet.golden.update");
    if (update && "true".equals(System.getenv("CI"))) {
      fail("-Dcimnet.golden.update=true is refused under CI=true: golden files are checked"
          + " there, never rewritten");
    }
    return update;
  }

  /** The module's golden folder (surefire runs tests in the module's directory). */
  public static Path root() {
    return Path.of(System.getProperty("user.dir"), "src", "test", "resources", "golden");
  }

  /**
   * Compares one text with {@code golden/<path>}; when updating, rewrites the file if it
   * differs and then fails, so the change is seen and reviewed.
   */
  public static void assertMatches(String path, String actual) {
    Path file = root().resolve(path);
    try {
      if (updating()) {
        if (rewrite(file, actual)) {
          fail(rewritten(List.of(file)));
        }
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
   * paths, the same bytes. When updating, the folder is made to hold exactly the files, and the
   * test fails if that changed anything.
   */
  public static void assertFolder(String folder, List<RenderedFile> files) {
    Path dir = root().resolve(folder);
    try {
      if (updating()) {
        List<Path> changed = new ArrayList<>();
        Set<Path> rendered = new HashSet<>();
        for (RenderedFile f : files) {
          Path file = dir.resolve(f.path());
          rendered.add(file);
          if (rewrite(file, f.content())) {
            changed.add(file);
          }
        }
        if (Files.exists(dir)) {
          try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
              if (Files.isRegularFile(p) && !rendered.contains(p)) {
                Files.delete(p);
                changed.add(p);
              } else if (Files.isDirectory(p) && isEmpty(p)) {
                Files.delete(p);
              }
            }
          }
        }
        if (!changed.isEmpty()) {
          fail(rewritten(changed));
        }
        return;
      }
      for (RenderedFile f : files) {
        assertMatches(folder + "/" + f.path(), f.content());
      }
      Set<String> expected;
      try (Stream<Path> walk = Files.walk(dir)) {
        expected = walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
            .collect(Collectors.toCollection(TreeSet::new));
      }
      Set<String> actual = files.stream().map(RenderedFile::path)
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(expected, actual, "Rendered paths differ from golden folder " + dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code content} to {@code file} unless it already holds it; true if it wrote. */
  private static boolean rewrite(Path file, String content) throws IOException {
    if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
      return false;
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return true;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static String rewritten(List<Path> files) {
    return "Rewrote golden file" + (files.size() == 1 ? " " : "s ")
        + files.stream().map(Path::toString).sorted().collect(Collectors.joining(", "))
        + ": review the diff, then run again without -Dcimnet.golden.update";
  }
}
