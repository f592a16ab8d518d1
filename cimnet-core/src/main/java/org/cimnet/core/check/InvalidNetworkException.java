package org.cimnet.core.check;

import java.util.List;
import java.util.stream.Collectors;
import org.cimnet.core.model.Violation;

/** Thrown when a validated network is asked of a report with violations; lists them all. */
public final class InvalidNetworkException extends RuntimeException {
  private final List<Violation> violations;

  public InvalidNetworkException(List<Violation> violations) {
    super(violations.size() + " violation" + (violations.size() == 1 ? "" : "s") + ":\n"
        + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
