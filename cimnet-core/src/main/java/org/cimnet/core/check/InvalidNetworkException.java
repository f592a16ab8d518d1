package org.cimnet.core.check;

import java.util.List;
import java.util.stream.Collectors;
import org.cimnet.core.model.Problem;

/** Thrown when a validated network is asked of a report with problems; lists them all. */
public final class InvalidNetworkException extends RuntimeException {
  private final List<Problem> problems;

  public InvalidNetworkException(List<Problem> problems) {
    super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n"
        + problems.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
