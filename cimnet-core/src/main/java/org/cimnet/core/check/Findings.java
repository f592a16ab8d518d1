package org.cimnet.core.check;

import java.util.List;
import org.cimnet.core.model.Violation;

/** Where the rules put what they find: violations fail the check, warnings do not. */
final class Findings {
  private final List<Violation> violations;
  private final List<Violation> warnings;

  Findings(List<Violation> violations, List<Violation> warnings) {
    this.violations = violations;
    this.warnings = warnings;
  }

  void error(String rule, String path, String message) {
    violations.add(new Violation(rule, path, message));
  }

  void warn(String rule, String path, String message) {
    warnings.add(new Violation(rule, path, message));
  }
}
