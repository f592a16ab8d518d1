package org.cimnet.core.check;

import java.util.List;
import java.util.Optional;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Violation;

/** What the checker found: every violation, the warnings, and the concrete network. */
public final class Report {
  private final Network network;
  private final List<Violation> violations;
  private final List<Violation> warnings;
  private final ValidatedNetwork validated;

  Report(Network network, List<Violation> violations, List<Violation> warnings) {
    this.network = network;
    this.violations = List.copyOf(violations);
    this.warnings = List.copyOf(warnings);
    this.validated = violations.isEmpty() ? new ValidatedNetwork(network) : null;
  }

  /** The network after IPAM, whether or not it is valid. */
  public Network network() {
    return network;
  }

  public List<Violation> violations() {
    return violations;
  }

  public List<Violation> warnings() {
    return warnings;
  }

  public boolean ok() {
    return violations.isEmpty();
  }

  /**
   * The validated network.
   *
   * @throws InvalidNetworkException listing every violation, if there is any
   */
  public ValidatedNetwork validated() {
    if (validated == null) {
      throw new InvalidNetworkException(violations);
    }
    return validated;
  }

  public Optional<ValidatedNetwork> validatedIfOk() {
    return Optional.ofNullable(validated);
  }

  /** Violations then warnings, one per line. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(violations.isEmpty() ? "OK: no violations" : violations.size() + " violations")
        .append('\n');
    violations.forEach(v -> text.append("  error ").append(v).append('\n'));
    warnings.forEach(v -> text.append("  warning ").append(v).append('\n'));
    return text.toString();
  }
}
