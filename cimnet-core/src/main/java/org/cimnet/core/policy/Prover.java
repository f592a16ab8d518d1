package org.cimnet.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Assertion;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;

/**
 * Proves every {@code never(from, to)} over the whole packet space, or finds a counterexample.
 *
 * <p>The proof is exact, not sampled. A rule allows a product of address ranges and service
 * ranges, and an assertion forbids a product of address ranges over every service, so the
 * assertion fails directly exactly when some rule's source meets {@code from} and its
 * destination meets {@code to} (every rule allows at least one service), or when {@code from}
 * and {@code to} share a subnet. Through relays it fails exactly when a breadth-first search over
 * the relaying containers, each step a direct check of that kind, reaches {@code to}.
 */
public final class Prover {
  /** The problem id of a violated assertion. */
  public static final String ASSERTION = "policy.assertion";
  /** The problem id (a warning) of an assertion whose endpoint does not resolve. */
  public static final String UNRESOLVED = "policy.unresolved";

  private Prover() {}

  /** Proves every assertion of {@code network} (after IPAM), in declaration order. */
  public static List<Proof> prove(Network network) {
    return prove(Policy.compile(network));
  }

  public static List<Proof> prove(Policy policy) {
    List<Assertion> assertions = policy.network().assertions();
    List<Proof> proofs = new ArrayList<>(assertions.size());
    for (int i = 0; i < assertions.size(); i++) {
      proofs.add(prove(policy, assertions.get(i), i));
    }
    return List.copyOf(proofs);
  }

  /** Proves one assertion against a compiled policy. */
  public static Proof prove(Policy policy, Assertion assertion, int index) {
    Endpoints.Resolved from = policy.resolve(assertion.from());
    Endpoints.Resolved to = policy.resolve(assertion.to());
    if (!from.ok() || !to.ok()) {
      return new Proof(assertion, index, Proof.Status.SKIPPED, Optional.empty(),
          from.ok() ? to.problem() : from.problem());
    }
    Path path = policy.relayGraph().path(from.set(), to.set(), true);
    return path == null
        ? new Proof(assertion, index, Proof.Status.HOLDS, Optional.empty(), "")
        : new Proof(assertion, index, Proof.Status.VIOLATED, Optional.of(path), "");
  }

  /**
   * Can {@code from} open connections to {@code to}? Which services, by which rules, or how.
   * The network is numbered first (IPAM, without history) when an address is still to be handed
   * out: relays and containers are known by their addresses, so an unnumbered network would be
   * explained without them.
   */
  public static Explanation explain(Network network, Endpoint from, Endpoint to) {
    Network numbered = network.containers().stream().anyMatch(c -> c.attachments().stream()
        .anyMatch(a -> a.address().isEmpty()))
        || network.hosts().stream().anyMatch(h -> h.addresses().stream()
            .anyMatch(a -> a.address().isEmpty()))
        ? Ipam.assign(network).network() : network;
    return Explanation.of(Policy.compile(numbered), Objects.requireNonNull(from, "from == null"),
        Objects.requireNonNull(to, "to == null"));
  }

  /** {@code explain} with endpoints as text: {@code dmz}, {@code zone:private}, ... */
  public static Explanation explain(Network network, String from, String to) {
    return explain(network, Endpoint.parse(from), Endpoint.parse(to));
  }

  /**
   * The problems: one {@value #ASSERTION} per violated assertion, at {@code assertions[i]},
   * quoting the assertion, the counterexample packet, the rules that allow it and the chain.
   */
  public static List<Problem> problems(List<Proof> proofs) {
    List<Problem> out = new ArrayList<>();
    for (Proof p : proofs) {
      if (p.status() == Proof.Status.VIOLATED) {
        Path path = p.counterexample().get();
        out.add(new Problem(ASSERTION, "assertions[" + p.index() + "]",
            "Assertion '" + p.assertion() + "': violated by " + path.first().packet()
                + ", allowed " + path.first().reason() + "; path: " + path.chainText()));
      }
    }
    return out;
  }

  /** The warnings: one {@value #UNRESOLVED} per assertion that could not be proven. */
  public static List<Problem> warnings(List<Proof> proofs) {
    List<Problem> out = new ArrayList<>();
    for (Proof p : proofs) {
      if (p.status() == Proof.Status.SKIPPED) {
        out.add(new Problem(UNRESOLVED, "assertions[" + p.index() + "]",
            "Assertion '" + p.assertion() + "': cannot be proven: " + p.note()));
      }
    }
    return out;
  }
}
