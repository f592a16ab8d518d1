package org.cimnet.core.event;

import java.util.List;
import java.util.stream.Collectors;
import org.cimnet.core.yaml.YamlProblem;

/** The log cannot be used as it is: names the line(s) and says what was read and why. */
public final class EventLogException extends RuntimeException {
  private final List<YamlProblem> problems;

  public EventLogException(List<YamlProblem> problems) {
    super(problems.stream().map(YamlProblem::toString).collect(Collectors.joining("\n")), null,
        false, false);
    this.problems = List.copyOf(problems);
  }

  public List<YamlProblem> problems() {
    return problems;
  }
}
