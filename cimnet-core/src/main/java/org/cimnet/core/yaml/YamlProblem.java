package org.cimnet.core.yaml;

import java.util.Objects;
import org.cimnet.core.format.Quote;

/**
 * One problem in a YAML file (or an event log line): where it is, the key path, and a message
 * that quotes the value and says what is allowed.
 *
 * @param file the file name as the person knows it, such as {@code network.yaml}
 * @param line 1-based; 0 when the problem concerns the whole file
 * @param column 1-based; 0 when the problem concerns the whole file
 * @param path the key path, such as {@code subnets[lan].cidr} (by name where the element has
 *     one, else a 0-based index); empty for the document itself
 */
public record YamlProblem(String file, int line, int column, String path, String message) {
  public YamlProblem {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(message, "message == null");
    // Whatever a reader quoted (a key, a value), no control or invisible character reaches a
    // report line: a hostile value can neither forge a line nor hide.
    path = Quote.safe(path);
    message = Quote.safe(message);
  }

  /** {@code network.yaml:4:11: subnets[lan].cidr: '192.168.1.0/33' is not ...}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ")
        + message;
  }
}
