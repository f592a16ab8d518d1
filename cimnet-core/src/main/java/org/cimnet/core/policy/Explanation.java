package org.cimnet.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Rule;

/**
 * Whether {@code from} may open connections to {@code to}, and why.
 *
 * @param services what some address of {@code from} may open to some address of {@code to}
 *     directly: the union of the matching rules' services, {@code any} inside a shared subnet
 * @param rules the rules that join them, in declaration order
 * @param subnets the subnets they share (everything inside one may talk)
 * @param via the shortest chain through relaying containers, if one exists
 * @param viaServices what the chain's last relay may open to {@code to}
 * @param viaServices what every relay reachable from {@code from} may open to {@code to}: the
 *     matrix's "via" services
 * @param problem why an endpoint does not resolve; empty if both do
 * @param chains every chain that contributes to {@code viaServices}, one per last relay, the
 *     nearest first, each with what its last relay opens
 */
public record Explanation(Endpoint from, Endpoint to, ServiceSet services, List<Rule> rules,
    List<String> subnets, Optional<Path> via, ServiceSet viaServices, String problem,
    List<Chain> chains) {

  /** A chain through relays and what its last relay may open to the destination. */
  public record Chain(Path path, ServiceSet services) {}

  /** An explanation without chains (an endpoint did not resolve, or nothing relays). */
  public Explanation(Endpoint from, Endpoint to, ServiceSet services, List<Rule> rules,
      List<String> subnets, Optional<Path> via, ServiceSet viaServices, String problem) {
    this(from, to, services, rules, subnets, via, viaServices, problem, List.of());
  }

  public Explanation {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    Objects.requireNonNull(services, "services == null");
    rules = List.copyOf(rules);
    subnets = List.copyOf(subnets);
    Objects.requireNonNull(via, "via == null");
    Objects.requireNonNull(viaServices, "viaServices == null");
    Objects.requireNonNull(problem, "problem == null");
    chains = List.copyOf(chains);
  }

  /** Explains {@code from -> to} over a compiled policy. */
  public static Explanation of(Policy policy, Endpoint from, Endpoint to) {
    Endpoints.Resolved f = policy.resolve(from);
    Endpoints.Resolved t = policy.resolve(to);
    if (!f.ok() || !t.ok()) {
      return new Explanation(from, to, ServiceSet.none(), List.of(), List.of(), Optional.empty(),
          ServiceSet.none(), f.ok() ? t.problem() : f.problem());
    }
    List<Rule> by = new ArrayList<>();
    List<String> within = new ArrayList<>();
    ServiceSet direct = policy.services(f.set(), t.set(), by, within);
    RelayGraph relays = policy.relayGraph();
    Path path = relays.path(f.set(), t.set(), false);
    ServiceSet viaServices = ServiceSet.none();
    List<Chain> chains = new ArrayList<>();
    for (Path p : relays.paths(f.set(), t.set())) {
      int relay = relays.names().indexOf(p.relays().get(p.relays().size() - 1));
      ServiceSet opens = policy.services(relays.set(relay), t.set(), new ArrayList<>(),
          new ArrayList<>());
      chains.add(new Chain(p, opens));
      viaServices = viaServices.union(opens);
    }
    return new Explanation(from, to, direct, by, within, Optional.ofNullable(path), viaServices,
        "", chains);
  }

  /** Whether some connection may open, directly or through relays. */
  public boolean allowed() {
    return !services.isEmpty() || via.isPresent();
  }

  /**
   * A headline and the reasons, one per line:
   *
   * <pre>
   * internet -> dmz: tcp/80,443
   *   by can_connect(internet, dmz, tcp/80, tcp/443)
   * comms -> internal: any via bus
   *   through comms -> bus (comms, internal) -> internal
   * </pre>
   *
   * <p>The chain shows only when it opens more than the direct rules do.
   */
  public String toText() {
    String head = from.text() + " -> " + to.text() + ": ";
    if (!problem.isEmpty()) {
      return head + "cannot tell: " + problem + "\n";
    }
    if (!allowed()) {
      return head + "no connection may be opened\n";
    }
    List<String> parts = new ArrayList<>();
    if (!services.isEmpty()) {
      parts.add(services.toString());
    }
    // A chain that adds nothing to the direct services would only repeat them.
    // Each chain shows with what it opens beyond the direct services; a chain adding nothing
    // would only repeat them.
    List<Chain> adding = chains.stream().filter(c -> !services.containsAll(c.services()))
        .toList();
    for (Chain c : adding) {
      List<String> relays = c.path().relays();
      parts.add(c.services() + " via " + relays.get(relays.size() - 1));
    }
    StringBuilder text = new StringBuilder(head).append(String.join("; ", parts)).append('\n');
    rules.forEach(r -> text.append("  by ").append(r).append('\n'));
    subnets.forEach(s -> text.append("  inside subnet '").append(s).append("'\n"));
    adding.forEach(c -> text.append("  through ").append(c.path().chainText()).append('\n'));
    return text.toString();
  }
}
