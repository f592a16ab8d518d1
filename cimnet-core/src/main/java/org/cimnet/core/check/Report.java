package org.cimnet.core.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.policy.Matrix;
import org.cimnet.core.policy.Policy;
import org.cimnet.core.policy.Proof;

/**
 * What the checker found: every problem, the warnings, the concrete network, the proof of every
 * assertion and the reachability matrix.
 */
public final class Report {
  private final Network network;
  private final List<Problem> problems;
  private final List<Problem> warnings;
  private final ValidatedNetwork validated;
  private final Policy policy;
  private final Optional<List<Proof>> proofs;
  private Matrix matrix;

  Report(Network network, List<Problem> problems, List<Problem> warnings) {
    this(network, problems, warnings, Policy.compile(network), Optional.empty());
  }

  /** {@code proofs} is empty when the prover did not run (dangling references, overlaps). */
  Report(Network network, List<Problem> problems, List<Problem> warnings, Policy policy,
      Optional<List<Proof>> proofs) {
    this(network, problems, warnings, policy, proofs, null, null);
  }

  /**
   * {@code names} and {@code plans}, where not null, are {@code network}'s, derived by the
   * checker, for the validated network to share.
   */
  Report(Network network, List<Problem> problems, List<Problem> warnings, Policy policy,
      Optional<List<Proof>> proofs, List<Naming.NameRecord> names, Map<String, HostPlan> plans) {
    this.network = network;
    this.problems = List.copyOf(problems);
    this.warnings = List.copyOf(warnings);
    this.validated = problems.isEmpty() ? new ValidatedNetwork(network, names, plans,
        policy, proofs.orElse(null)) : null;
    this.policy = policy;
    this.proofs = proofs.map(List::copyOf);
  }

  /** The network after IPAM, whether or not it is valid. */
  public Network network() {
    return network;
  }

  public List<Problem> problems() {
    return problems;
  }

  public List<Problem> warnings() {
    return warnings;
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /**
   * The validated network.
   *
   * @throws InvalidNetworkException listing every problem, if there is any
   */
  public ValidatedNetwork validated() {
    if (validated == null) {
      throw new InvalidNetworkException(problems);
    }
    return validated;
  }

  public Optional<ValidatedNetwork> validatedIfOk() {
    return Optional.ofNullable(validated);
  }

  /**
   * The proof of every assertion, in declaration order; empty if there is none, or if the prover
   * did not run because a reference dangles or subnets overlap (see {@link #proved()}).
   */
  public List<Proof> proofs() {
    return proofs.orElse(List.of());
  }

  /** Whether the prover ran (it does unless a reference dangles or subnets overlap). */
  public boolean proved() {
    return proofs.isPresent();
  }

  /** The compiled rules the proofs and the matrix come from. */
  public Policy policy() {
    return policy;
  }

  /** The reachability matrix; computed row by row on demand. */
  public Matrix matrix() {
    if (matrix == null) {
      matrix = Matrix.of(policy);
    }
    return matrix;
  }

  /** Problems then warnings, one per line; then the proofs and the matrix. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(problems.isEmpty() ? "OK: no problems"
        : problems.size() + (problems.size() == 1 ? " problem" : " problems"))
        .append('\n');
    problems.forEach(v -> text.append("  problem ").append(v).append('\n'));
    warnings.forEach(v -> text.append("  warning ").append(v).append('\n'));
    if (proofs.isEmpty()) {
      text.append("proofs: not run: every reference must resolve and no subnets overlap"
          + " first\n");
    } else {
      text.append("proofs:").append(proofs.get().isEmpty() ? " no assertions\n" : "\n");
      proofs.get().forEach(p -> text.append("  ").append(p.toText()).append('\n'));
    }
    text.append("matrix (rows open connections to columns):\n");
    matrix().toText().lines().forEach(l -> text.append("  ").append(l).append('\n'));
    return text.toString();
  }
}
