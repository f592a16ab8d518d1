package org.cimnet.core.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.model.Assertion;

/**
 * The prover's verdict on one assertion.
 *
 * @param index the assertion's position in {@code Network.assertions()}
 * @param counterexample present exactly when the assertion is violated
 * @param note why the assertion was skipped; empty otherwise
 */
public record Proof(Assertion assertion, int index, Status status, Optional<Path> counterexample,
    String note) {

  /** The verdict. */
  public enum Status {
    /** No packet anywhere in the space breaks the assertion. */
    HOLDS,
    /** Some packet does; the counterexample shows one. */
    VIOLATED,
    /** An endpoint does not resolve (an undeclared name, a zone without subnets). */
    SKIPPED;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Proof {
    Objects.requireNonNull(assertion, "assertion == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(counterexample, "counterexample == null");
    Objects.requireNonNull(note, "note == null");
    if (counterexample.isPresent() != (status == Status.VIOLATED)) {
      throw new IllegalArgumentException("Proof of " + assertion
          + ": a counterexample comes with VIOLATED and only with it");
    }
  }

  public boolean holds() {
    return status == Status.HOLDS;
  }

  /**
   * One line: {@code holds never(zone:dmz, zone:private)}, {@code violated never(...): <first
   * hop>; path: <chain>}, {@code skipped never(...): <note>}.
   */
  public String toText() {
    return switch (status) {
      case HOLDS -> "holds " + assertion;
      case VIOLATED -> "violated " + assertion + ": " + counterexample.get();
      case SKIPPED -> "skipped " + assertion + ": " + note;
    };
  }

  @Override
  public String toString() {
    return toText();
  }
}
