package org.cimnet.core.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one place rendered files reach the disk. A set is written all or none: everything goes into
 * a fresh sibling folder first, and only when every file is written does that folder replace the
 * target, so a failure leaves the previous output untouched.
 */
public final class OutputWriter {
  private OutputWriter() {}

  /**
   * Replaces folder {@code target} with exactly {@code files}.
   *
   * @throws UncheckedIOException if anything fails; {@code target} is then as it was
   */
  public static void replace(Path target, Collection<RenderedFile> files) {
    Set<String> seen = new HashSet<>();
    for (RenderedFile f : files) {
      if (!seen.add(f.path())) {
        throw new IllegalArgumentException("Two rendered files share the path '" + f.path() + "'");
      }
    }
    replace(target, sink -> files.forEach(sink));
  }

  /**
   * Replaces folder {@code target} with exactly the files {@code producer} hands its sink, each
   * written as it comes (so a large output is never held whole), such as
   * {@code sink -> renderers.render(network, context, sink)}.
   *
   * @return the paths written, in the order they came
   * @throws UncheckedIOException if writing fails, {@link IllegalArgumentException} if two files
   *     share a path, or whatever {@code producer} throws; {@code target} is then as it was
   */
  public static List<String> replace(Path target, Consumer<Consumer<RenderedFile>> producer) {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Set<String> seen = new LinkedHashSet<>();
    Path staging = null;
    Path old = null;
    try {
      Files.createDirectories(parent);
      Path folder = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".new-");
      staging = folder;
      producer.accept(f -> {
        if (!seen.add(f.path())) {
          throw new IllegalArgumentException("Two rendered files share the path '" + f.path()
              + "'");
        }
        try {
          Path file = folder.resolve(f.path());
          Files.createDirectories(file.getParent());
          Files.write(file, f.content().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      if (Files.exists(absolute)) {
        old = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".old-");
        Files.delete(old);
        move(absolute, old);
      }
      move(staging, absolute);
      staging = null;
      if (old != null) {
        deleteTree(old);
      }
      return List.copyOf(seen);
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      if (old != null && !Files.exists(absolute)) {
        try {
          move(old, absolute);
        } catch (IOException restore) {
          cause.addSuppressed(restore);
        }
      }
      throw new UncheckedIOException("Could not write " + seen.size() + " files to " + absolute
          + "; the previous output is unchanged", cause);
    } finally {
      if (staging != null) {
        try {
          deleteTree(staging);
        } catch (IOException ignored) {
          // Best effort: a stray hidden staging folder is harmless and named for what it was.
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
