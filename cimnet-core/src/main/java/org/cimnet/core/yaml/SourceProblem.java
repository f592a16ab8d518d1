package org.cimnet.core.yaml;

import java.util.Objects;
import org.cimnet.core.format.Quote;

/**
 * One problem of a network described in YAML, load or checker alike, located where a person
 * would fix it.
 *
 * @param file the file name as the person knows it ({@code network.yaml}, {@code parts.yaml})
 * @param line 1-based; 0 when no place in the file is known
 * @param column 1-based; 0 when no place in the file is known
 * @param id the checker's problem id (such as {@code subnet.overlap}); empty for a load problem
 * @param path the key path, by name where the element has one ({@code subnets[dmz].cidr}),
 *     for load and checker problems alike
 * @param message what is wrong, quoting the value, and what is allowed
 */
public record SourceProblem(String file, int line, int column, String id, String path,
    String message) {
  public SourceProblem {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(message, "message == null");
    path = Quote.safe(path);
    message = Quote.safe(message);
  }

  static SourceProblem of(YamlProblem p) {
    return new SourceProblem(p.file(), p.line(), p.column(), "", p.path(), p.message());
  }

  /** Whether the checker found this problem (it has a problem id), not the loader. */
  public boolean fromChecker() {
    return !id.isEmpty();
  }

  /**
   * {@code network.yaml:8:11: [subnet.overlap] subnets[lan].cidr: ...}; a load problem has no
   * id, a problem without a place only the file.
   */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line + ":" + column : "") + ": "
        + (id.isEmpty() ? "" : "[" + id + "] ") + (path.isEmpty() ? "" : path + ": ")
        + message;
  }
}
