package org.cimnet.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.cimnet.core.policy.Policy;
import org.cimnet.core.policy.Proof;
import org.cimnet.core.policy.Prover;

/**
 * Checks a network: runs IPAM, then every invariant, then proves every assertion, and reports all
 * problems at once.
 */
public final class Checker {
  private Checker() {}

  public static Report check(Network declared) {
    return check(declared, Optional.empty());
  }

  /** Checks, keeping every number {@code previous} handed out (see {@link Ipam}). */
  public static Report check(Network declared, Optional<Network> previous) {
    Objects.requireNonNull(declared, "network == null");
    Objects.requireNonNull(previous, "previous == null");
    Ipam.Result assigned = Ipam.assign(declared, previous);
    List<Problem> problems = new ArrayList<>(assigned.problems());
    List<Problem> warnings = new ArrayList<>();
    // The names and plans the invariants derived go on to the DNS rules and the validated
    // network, so that nothing derives them twice.
    Facts facts = Invariants.check(declared, assigned.network(), problems, warnings);
    DnsRules.check(facts.names(), problems);
    // The prover reads references and places every address in one subnet; with a dangling
    // reference or overlapping subnets its verdicts would be about a different network than the
    // one declared (an address of two subnets is "allowed inside" either), so it runs only once
    // every reference resolves and no subnets overlap. Those faults keep their one problem id.
    Policy policy = Policy.compile(assigned.network());
    Optional<List<Proof>> proofs = Optional.empty();
    if (problems.stream().noneMatch(v -> ProblemIds.REFERENCES.contains(v.id())
        || v.id().equals(ProblemIds.SUBNET_OVERLAP))) {
      proofs = Optional.of(Prover.prove(policy));
      problems.addAll(Prover.problems(proofs.get()));
      warnings.addAll(Prover.warnings(proofs.get()));
    }
    return new Report(assigned.network(), problems, warnings, policy, proofs,
        facts.names(), facts.plans);
  }

  /** Checks and returns the validated network, or throws listing every problem. */
  public static ValidatedNetwork validate(Network declared) {
    return check(declared).validated();
  }
}
