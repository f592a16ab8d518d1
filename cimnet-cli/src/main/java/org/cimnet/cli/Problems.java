package org.cimnet.cli;

import java.nio.file.Path;
import java.util.List;
import org.cimnet.core.model.Problem;
import org.cimnet.core.yaml.SourceProblem;

/** How the command words problems: one per line, each saying where it is. */
final class Problems {
  private Problems() {}

  /** {@code 1 problem}, {@code 2 problems}. */
  static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /**
   * One line per problem, indented, in the file it is in:
   * {@code folder/network.yaml:8:11: [rule] subnets[lan].cidr: message}.
   */
  static String located(Path folder, List<SourceProblem> problems) {
    StringBuilder text = new StringBuilder();
    problems.forEach(p -> text.append("  ").append(file(folder, p)).append(p.toString()
        .substring(p.file().length())).append('\n'));
    return text.toString();
  }

  /** The problem's file as the person gave its folder. */
  static String file(Path folder, SourceProblem p) {
    return folder.resolve(p.file()).toString();
  }

  /** Problems (of a source that is not YAML), one per line, each prefixed with the source. */
  static String unlocated(String source, List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    problems.forEach(v -> text.append("  ").append(source).append(": ").append(v)
        .append('\n'));
    return text.toString();
  }
}
