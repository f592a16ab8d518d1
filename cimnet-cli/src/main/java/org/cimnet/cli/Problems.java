package org.cimnet.cli;

import java.nio.file.Path;
import java.util.List;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Violation;
import org.cimnet.core.yaml.YamlProblem;

/** How the command words problems: one per line, each saying where it is. */
final class Problems {
  private Problems() {}

  /** {@code value} with control characters escaped, so a message shows what was typed. */
  static String quote(String value) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.toString();
  }

  /** One line per problem: {@code folder/network.yaml:8:11: subnets[1].cidr: message}. */
  static String yamlText(Path folder, List<YamlProblem> problems) {
    StringBuilder text = new StringBuilder();
    for (YamlProblem p : problems) {
      text.append("  ").append(at(folder, p)).append(p.path().isEmpty() ? "" : p.path() + ": ")
          .append(p.message()).append('\n');
    }
    return text.toString();
  }

  /** {@code folder/file:line:col: }, or {@code folder/file: } for a whole-file problem. */
  static String at(Path folder, YamlProblem p) {
    String file = folder.resolve(p.file()).toString();
    return p.line() == 0 ? file + ": " : file + ":" + p.line() + ":" + p.column() + ": ";
  }

  /** The checker's violations, one per line, each prefixed with the source. */
  static String violationsText(Source source, Report report) {
    StringBuilder text = new StringBuilder();
    for (Violation v : report.violations()) {
      text.append("  ").append(source.name()).append(": error ").append(v).append('\n');
    }
    return text.toString();
  }
}
