package org.cimnet.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Violation;

/** Checks a network: runs IPAM, then every invariant, and reports all violations at once. */
public final class Checker {
  private Checker() {}

  public static Report check(Network declared) {
    return check(declared, Optional.empty());
  }

  /** Checks, keeping every number {@code previous} handed out (see {@link Ipam}). */
  public static Report check(Network declared, Optional<Network> previous) {
    Ipam.Result assigned = Ipam.assign(declared, previous);
    List<Violation> violations = new ArrayList<>(assigned.problems());
    List<Violation> warnings = new ArrayList<>();
    Invariants.check(declared, assigned.network(), violations, warnings);
    DnsRules.check(assigned.network(), violations);
    return new Report(assigned.network(), violations, warnings);
  }

  /** Checks and returns the validated network, or throws listing every violation. */
  public static ValidatedNetwork validate(Network declared) {
    return check(declared).validated();
  }
}
