package org.cimnet.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written as they are made: all of them or none, the previous output kept on failure. */
class OutputWriterTest {
  @Test
  void writesEachFileAsItComesAndReplacesTheFolder(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    OutputWriter.replace(out, List.of(new RenderedFile("old.txt", "old\n")));
    List<String> written = OutputWriter.replace(out, sink -> {
      sink.accept(new RenderedFile("hosts/a/x.nix", "a\n"));
      // The first file is on disk before the second is made.
      assertTrue(staged(dir, "hosts/a/x.nix"), "written as it came");
      sink.accept(new RenderedFile("b.txt", "b\n"));
    });
    assertEquals(List.of("hosts/a/x.nix", "b.txt"), written);
    assertEquals("a\n", Files.readString(out.resolve("hosts/a/x.nix")));
    assertEquals("b\n", Files.readString(out.resolve("b.txt")));
    assertFalse(Files.exists(out.resolve("old.txt")), "the folder is replaced as a whole");
    assertEquals(List.of("out"), names(dir), "no staging folder left");
  }

  @Test
  void aFailureWhileMakingTheFilesLeavesThePreviousOutput(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    OutputWriter.replace(out, List.of(new RenderedFile("old.txt", "old\n")));
    IllegalStateException failed = assertThrows(IllegalStateException.class,
        () -> OutputWriter.replace(out, sink -> {
          sink.accept(new RenderedFile("new.txt", "new\n"));
          throw new IllegalStateException("renderer failed");
        }));
    assertEquals("renderer failed", failed.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> OutputWriter.replace(out, sink -> {
          sink.accept(new RenderedFile("new.txt", "new\n"));
          sink.accept(new RenderedFile("new.txt", "again\n"));
        }));
    assertEquals("Two rendered files share the path 'new.txt'", twice.getMessage());
    assertEquals("old\n", Files.readString(out.resolve("old.txt")));
    assertFalse(Files.exists(out.resolve("new.txt")));
    assertEquals(List.of("out"), names(dir), "no staging folder left");
  }

  private static boolean staged(Path parent, String path) {
    try (Stream<Path> s = Files.list(parent)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith(".out.new-")
          && Files.exists(p.resolve(path)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
