package org.cimnet.core.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;

/**
 * A YAML network loaded and checked in one go: every load problem and every checker problem
 * together, each located in network.yaml or parts.yaml, and the validated network when there is
 * no problem at all.
 *
 * <p>Where some elements fail to load, the checker still runs on the elements that did, so one
 * bad CIDR does not hide a duplicate MAC elsewhere. A problem that touches an element that
 * did not load (its path or message names a name or value written in that element) is left out:
 * it would describe a network other than the one written, and comes back, if it is real, once
 * the element loads. An element holding a reference to an undeclared name counts as not loaded;
 * where a whole section cannot be read (subnets that are not a list), references to its kind
 * are not checked; where a host did not load, neither are subnets carried by no leaf.
 */
public final class YamlCheck {
  private final List<SourceProblem> problems;
  private final List<SourceProblem> warnings;
  private final Report report;
  private final Network loaded;

  private YamlCheck(List<SourceProblem> problems, List<SourceProblem> warnings, Report report,
      Network loaded) {
    this.problems = List.copyOf(problems);
    this.warnings = List.copyOf(warnings);
    this.report = report;
    this.loaded = loaded;
  }

  /**
   * Checks what a load gave (for input that is not a folder, such as standard input read with
   * {@link org.cimnet.core.io.Inputs#read(java.io.InputStream, String, int)} and given to
   * {@link NetworkYaml#read(byte[], String, java.util.Optional, String)}).
   */
  public static YamlCheck of(LoadReport load) {
    List<SourceProblem> problems = new ArrayList<>();
    load.problems().forEach(p -> problems.add(SourceProblem.of(p)));
    List<SourceProblem> warnings = new ArrayList<>();
    Optional<Network> network = load.partial();
    if (network.isEmpty()) {
      return new YamlCheck(problems, warnings, null, null);
    }
    Report report = Checker.check(network.get());
    for (Problem v : report.problems()) {
      if (!touches(v, load)) {
        problems.add(locate(v, load.locator()));
      }
    }
    for (Problem v : report.warnings()) {
      if (!touches(v, load)) {
        warnings.add(locate(v, load.locator()));
      }
    }
    return new YamlCheck(problems, warnings, report, load.ok() ? network.get() : null);
  }

  private static boolean touches(Problem v, LoadReport load) {
    if (load.skippedIds().contains(v.id())) {
      return true;
    }
    for (String name : load.unloaded()) {
      if (v.path().contains("[" + name + "]") || v.message().contains("'" + name + "'")) {
        return true;
      }
    }
    return false;
  }

  private static SourceProblem locate(Problem v, Locator locator) {
    Optional<Locator.Place> at = locator.find(v.path());
    return at.map(p -> new SourceProblem(p.file(), p.node().line(), p.node().column(), v.id(),
        v.path(), v.message()))
        .orElse(new SourceProblem(NetworkYaml.NETWORK_FILE, 0, 0, v.id(), v.path(),
            v.message()));
  }

  /** Whether the files loaded and the checker found no problem. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** Every load problem (in file order), then every checker problem. */
  public List<SourceProblem> problems() {
    return problems;
  }

  /** The checker's warnings, located like its problems. */
  public List<SourceProblem> warnings() {
    return warnings;
  }

  /** The network as loaded; empty if a load problem kept it from being whole. */
  public Optional<Network> network() {
    return Optional.ofNullable(loaded);
  }

  /**
   * The checker's report (proofs, matrix, the network after IPAM) when the checker ran: on the
   * whole network, or on the elements that loaded.
   */
  public Optional<Report> report() {
    return Optional.ofNullable(report);
  }

  /** The validated network, ready to render, when there is no problem. */
  public Optional<ValidatedNetwork> validated() {
    return ok() && report != null ? report.validatedIfOk() : Optional.empty();
  }

  /**
   * {@code OK} with the warnings, or the number of problems and then one per line
   * ({@code file:line:column: [rule] path: message}), then the warnings.
   */
  public String toText() {
    StringBuilder text = new StringBuilder();
    if (ok()) {
      text.append("OK: network '").append(loaded.name()).append("' has no problems\n");
    } else {
      text.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
          .append(report == null ? " (the checker did not run: the files did not load)"
              : loaded == null ? " (the checker ran on the elements that loaded)" : "")
          .append(":\n");
      problems.forEach(p -> text.append("  ").append(p).append('\n'));
    }
    if (!warnings.isEmpty()) {
      text.append(warnings.size()).append(warnings.size() == 1 ? " warning:\n" : " warnings:\n");
      warnings.forEach(w -> text.append("  ").append(w).append('\n'));
    }
    return text.toString();
  }
}
