package org.cimnet.core.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in the YAML files, at once; its message lists them, one per line. */
public final class YamlException extends RuntimeException {
  private final List<YamlProblem> problems;

  public YamlException(List<YamlProblem> problems) {
    super(text(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<YamlProblem> problems() {
    return problems;
  }

  static String text(List<YamlProblem> problems) {
    return problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
