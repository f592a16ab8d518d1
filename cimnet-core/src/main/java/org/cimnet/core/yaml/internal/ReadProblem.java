package org.cimnet.core.yaml.internal;

import java.util.Objects;

/**
 * One problem met while reading a tree (YAML file or event log line): where, the key path and
 * the message. The readers collect these; {@code NetworkYaml} and the event log turn them into
 * the {@code YamlProblem}s they report, so the machinery here depends on
 * nothing of the API it serves.
 *
 * @param file the file name as the person knows it
 * @param line 1-based; 0 when the problem concerns the whole file
 * @param column 1-based; 0 when the problem concerns the whole file
 * @param path the key path; empty for the document itself
 */
public record ReadProblem(String file, int line, int column, String path, String message) {
  public ReadProblem {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(message, "message == null");
  }
}
