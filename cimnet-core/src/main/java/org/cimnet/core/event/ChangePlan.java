package org.cimnet.core.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.check.ProblemIds;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Assertion;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Problem;
import org.cimnet.core.policy.Matrix;
import org.cimnet.core.policy.Proof;

/**
 * A reviewable plan for going from one network to another: the events, and what they do to
 * subnets, names and addresses, MACs, who may open connections to whom, and the assertions.
 *
 * <p>Both networks go through the checker (and so IPAM); the second keeps every number the first
 * was given, so the plan shows the numbers the change would really hand out.
 *
 * <p>Who may open connections to whom is the policy prover's {@link Matrix} of each network (by
 * subnet and the internet, directly or through relaying containers), and the assertions the
 * change breaks are the prover's problems, each with its counterexample, so the plan says what
 * {@link Checker#check} proves, not an estimate of it.
 */
public final class ChangePlan {
  /** One line of a section: {@code +} added, {@code -} removed, {@code ~} changed. */
  public record Change(char sign, String what, String detail) {
    @Override
    public String toString() {
      return sign + " " + what + (detail.isEmpty() ? "" : " " + detail);
    }
  }

  private final Network before;
  private final Network after;
  private final List<Event> events;
  private final List<Change> subnets;
  private final List<Change> names;
  private final List<Change> macs;
  private final List<Change> reachability;
  private final int reachUnchanged;
  private final List<String> brokenAssertions;
  private final List<Problem> newProblems;
  private final List<Problem> fixedProblems;

  private ChangePlan(Network a, Network b) {
    Report ra = Checker.check(a);
    Report rb = Checker.check(b, Optional.of(ra.network()));
    this.before = ra.network();
    this.after = rb.network();
    this.events = Diff.between(a, b);
    this.subnets = compare(subnetTexts(before), subnetTexts(after));
    this.names = compare(nameTexts(before), nameTexts(after));
    this.macs = compare(macTexts(before), macTexts(after));
    Map<String, String> reachBefore = reach(ra);
    Map<String, String> reachAfter = reach(rb);
    this.reachability = compare(reachBefore, reachAfter);
    this.reachUnchanged = (int) reachAfter.entrySet().stream()
        .filter(e -> e.getValue().equals(reachBefore.get(e.getKey()))).count();
    // An assertion the change breaks: violated after, not before (its counterexample may differ
    // between the two, so assertions are compared, not messages).
    Set<Assertion> violatedBefore = violated(ra);
    Set<String> brokenPaths = new LinkedHashSet<>();
    rb.proofs().stream().filter(p -> p.status() == Proof.Status.VIOLATED)
        .filter(p -> !violatedBefore.contains(p.assertion()))
        .forEach(p -> brokenPaths.add("assertions[" + p.index() + "]"));
    this.brokenAssertions = assertionProblems(rb).stream()
        .filter(v -> brokenPaths.contains(v.path())).map(Problem::message).toList();
    // Broken assertions have their own section; every other new problem is listed here.
    this.newProblems = rb.problems().stream()
        .filter(v -> !v.id().equals(ProblemIds.POLICY_ASSERTION))
        .filter(v -> !ra.problems().contains(v)).toList();
    this.fixedProblems = ra.problems().stream()
        .filter(v -> !rb.problems().contains(v)).toList();
  }

  /** The plan for changing {@code a} into {@code b} (both as declared, before IPAM). */
  public static ChangePlan of(Network a, Network b) {
    return new ChangePlan(a, b);
  }

  public List<Event> events() {
    return events;
  }

  public List<Change> subnets() {
    return subnets;
  }

  public List<Change> names() {
    return names;
  }

  public List<Change> macs() {
    return macs;
  }

  public List<Change> reachability() {
    return reachability;
  }

  /**
   * Assertions that held (or were not proven) before and are violated after the change, each as
   * the checker's message with the prover's counterexample.
   */
  public List<String> brokenAssertions() {
    return brokenAssertions;
  }

  /**
   * Checker problems of the new network that the old one did not have, except violated
   * assertions ({@link #brokenAssertions()} lists them).
   */
  public List<Problem> newProblems() {
    return newProblems;
  }

  public List<Problem> fixedProblems() {
    return fixedProblems;
  }

  /** Whether the change is safe to apply as far as this plan can tell. */
  public boolean safe() {
    return brokenAssertions.isEmpty() && newProblems.isEmpty();
  }

  /** The plan for a person to review, section by section; empty sections say so. */
  public String toText() {
    StringBuilder t = new StringBuilder();
    t.append("Change plan for network '").append(after.name()).append("': ")
        .append(events.size()).append(" event").append(events.size() == 1 ? "" : "s")
        .append(safe() ? "" : ", NOT SAFE").append('\n');
    section(t, "Events, as the log would record them", events.stream()
        .map(EventEncoder::encode).toList());
    section(t, "Subnets", subnets);
    section(t, "Names and addresses", names);
    section(t, "MACs", macs);
    section(t, "Who may open connections to whom (the prover's matrix; "
        + reachUnchanged + " unchanged)", reachability);
    section(t, "Assertions the change breaks", brokenAssertions);
    section(t, "New problems", newProblems);
    section(t, "Problems fixed", fixedProblems);
    return t.toString();
  }

  private static void section(StringBuilder t, String title, List<?> lines) {
    t.append('\n').append(title).append(':').append('\n');
    if (lines.isEmpty()) {
      t.append("  (none)\n");
    }
    lines.forEach(l -> t.append("  ").append(l).append('\n'));
  }

  private static List<Change> compare(Map<String, String> a, Map<String, String> b) {
    List<Change> out = new ArrayList<>();
    for (Map.Entry<String, String> e : a.entrySet()) {
      if (!b.containsKey(e.getKey())) {
        out.add(new Change('-', e.getKey(), e.getValue()));
      }
    }
    for (Map.Entry<String, String> e : b.entrySet()) {
      String was = a.get(e.getKey());
      if (was == null) {
        out.add(new Change('+', e.getKey(), e.getValue()));
      } else if (!was.equals(e.getValue())) {
        out.add(new Change('~', e.getKey(), was + " -> " + e.getValue()));
      }
    }
    return out;
  }

  private static Map<String, String> subnetTexts(Network n) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Subnet s : n.subnets()) {
      out.put(s.name(), s.cidr() + " vlan " + (s.vlan().isPresent() ? s.vlan().getAsInt()
          : "none") + " zone " + s.zone() + (s.reserved() ? " reserved" : ""));
    }
    return out;
  }

  private static Map<String, String> nameTexts(Network n) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Naming.NameRecord r : Naming.records(n)) {
      out.merge(r.fqdn(), r.address().toString(), (x, y) -> x + ", " + y);
    }
    return out;
  }

  private static Map<String, String> macTexts(Network n) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Host h : n.hosts()) {
      for (Nic nic : h.nics()) {
        out.put("host " + h.name() + " NIC " + nic.name(),
            nic.mac().map(Object::toString).orElse("(to be discovered)"));
      }
    }
    for (Container c : n.containers()) {
      for (Attachment a : c.attachments()) {
        out.put("container " + c.name() + " in " + a.subnet(),
            a.mac().map(Object::toString).orElse("(none)"));
      }
    }
    return out;
  }

  /**
   * "from -> to" to what the prover's matrix says {@code from} may open to {@code to} (directly
   * or through relaying containers), for every non-empty cell between two different nodes.
   * Traffic inside one subnet is always allowed, so the diagonal would only repeat the subnets.
   */
  private static Map<String, String> reach(Report report) {
    Matrix matrix = report.matrix();
    Map<String, String> out = new LinkedHashMap<>();
    for (String from : matrix.nodes()) {
      for (Matrix.Cell cell : matrix.row(from)) {
        if (!cell.to().equals(from)) {
          out.put(from + " -> " + cell.to(), cell.text());
        }
      }
    }
    return out;
  }

  /** The assertions the prover found violated in {@code report}, as the checker reports them. */
  private static List<Problem> assertionProblems(Report report) {
    return report.problems().stream()
        .filter(v -> v.id().equals(ProblemIds.POLICY_ASSERTION)).toList();
  }

  /** The assertions the prover found violated (none if it did not run). */
  private static Set<Assertion> violated(Report report) {
    Set<Assertion> out = new LinkedHashSet<>();
    report.proofs().stream().filter(p -> p.status() == Proof.Status.VIOLATED)
        .forEach(p -> out.add(p.assertion()));
    return out;
  }
}
