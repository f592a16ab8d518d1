package org.cimnet.core.check;

import java.util.List;
import org.cimnet.core.model.Problem;

/** Where the rules put what they find: problems fail the check, warnings do not. */
final class Findings {
  private final List<Problem> problems;
  private final List<Problem> warnings;

  Findings(List<Problem> problems, List<Problem> warnings) {
    this.problems = problems;
    this.warnings = warnings;
  }

  void error(String rule, String path, String message) {
    problems.add(new Problem(rule, path, message));
  }

  void warn(String rule, String path, String message) {
    warnings.add(new Problem(rule, path, message));
  }
}
