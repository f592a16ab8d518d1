package org.cimnet.core.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a renderer produced: a relative path with {@code /} separators (such as
 * {@code hosts/vhost-dev/nix/default.nix}) and its whole text, with {@code \n} line ends and a
 * final newline.
 */
public record RenderedFile(String path, String content) {
  public RenderedFile {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(content, "content == null");
    Path p = Path.of(path);
    if (path.isEmpty() || p.isAbsolute() || path.startsWith("/") || path.contains("\\")
        || p.normalize().startsWith("..") || !p.normalize().toString().equals(path)) {
      throw new IllegalArgumentException("Rendered file path '" + path
          + "' must be relative, normalized and inside the output folder");
    }
    if (content.contains("\r")) {
      throw new IllegalArgumentException("Rendered file '" + path + "' contains '\\r'");
    }
    if (!content.isEmpty() && !content.endsWith("\n")) {
      throw new IllegalArgumentException("Rendered file '" + path + "' lacks a final newline");
    }
  }
}
