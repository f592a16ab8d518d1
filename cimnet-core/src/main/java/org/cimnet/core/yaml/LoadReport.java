package org.cimnet.core.yaml;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cimnet.core.model.Network;

/**
 * What loading network.yaml and parts.yaml gave: the network, or every problem found in both
 * files (never just the first). A network is only given when there is no problem.
 */
public final class LoadReport {
  private final Network network;
  private final List<YamlProblem> problems;
  private final Network partial;
  private final Set<String> unloaded;
  private final Set<String> skippedIds;
  private final Locator locator;

  LoadReport(Network network, List<YamlProblem> problems) {
    this(network, problems, null, Set.of(), Set.of(), new Locator(List.of()));
  }

  /**
   * {@code partial}: the elements that loaded, built despite the problems, or null;
   * {@code unloaded}: the names of the elements that did not load;
   * {@code skippedIds}: the ids of the checker problems that would describe the elements that
   *     did not load rather than the network written (see {@link YamlCheck}).
   */
  LoadReport(Network network, List<YamlProblem> problems, Network partial, Set<String> unloaded,
      Set<String> skippedIds, Locator locator) {
    this.skippedIds = Set.copyOf(skippedIds);
    this.problems = List.copyOf(problems);
    this.network = this.problems.isEmpty() ? network : null;
    this.partial = this.problems.isEmpty() ? this.network : partial;
    this.unloaded = Set.copyOf(unloaded);
    this.locator = locator;
  }

  /** The network of the elements that loaded: the whole network when there is no problem. */
  Optional<Network> partial() {
    return Optional.ofNullable(partial);
  }

  Set<String> unloaded() {
    return unloaded;
  }

  Set<String> skippedIds() {
    return skippedIds;
  }

  Locator locator() {
    return locator;
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
