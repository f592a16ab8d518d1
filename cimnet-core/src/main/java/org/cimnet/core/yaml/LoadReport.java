package org.cimnet.core.yaml;

import java.util.List;
import java.util.Optional;
import org.cimnet.core.model.Network;

/**
 * What loading network.yaml and parts.yaml gave: the network, or every problem found in both
 * files (never just the first). A network is only given when there is no problem.
 */
public final class LoadReport {
  private final Network network;
  private final List<YamlProblem> problems;

  LoadReport(Network network, List<YamlProblem> problems) {
    this.problems = List.copyOf(problems);
    this.network = this.problems.isEmpty() ? network : null;
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public List<YamlProblem> problems() {
    return problems;
  }

  public Optional<Network> network() {
    return Optional.ofNullable(network);
  }

  /**
   * The network.
   *
   * @throws YamlException listing every problem, if there is any
   */
  public Network orThrow() {
    if (network == null) {
      throw new YamlException(problems);
    }
    return network;
  }

  /** {@code OK} or the problems, one per line ({@code file:line:column: path: message}). */
  public String toText() {
    if (ok()) {
      return "OK: " + network + "\n";
    }
    return YamlException.text(problems) + "\n";
  }
}
