package org.cimnet.core.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Assertion;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Violation;

/**
 * A reviewable plan for going from one network to another: the events, and what they do to
 * subnets, names and addresses, MACs, who may open connections to whom, and the assertions.
 *
 * <p>Both networks go through the checker (and so IPAM); the second keeps every number the first
 * was given, so the plan shows the numbers the change would really hand out.
 *
 * <p>Reachability here is read from the rules at subnet granularity (a zone stands for its
 * subnets, a container for the subnets it is attached to); the policy prover's packet-level
 * matrix is the finer answer.
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
  private final List<Violation> newViolations;
  private final List<Violation> fixedViolations;

  private ChangePlan(Network a, Network b) {
    Report ra = Checker.check(a);
    Report rb = Checker.check(b, Optional.of(ra.network()));
    this.before = ra.network();
    this.after = rb.network();
    this.events = Diff.between(a, b);
    this.subnets = compare(subnetTexts(before), subnetTexts(after));
    this.names = compare(nameTexts(before), nameTexts(after));
    this.macs = compare(macTexts(before), macTexts(after));
    Map<String, String> reachBefore = reach(before);
    Map<String, String> reachAfter = reach(after);
    this.reachability = compare(reachBefore, reachAfter);
    this.reachUnchanged = (int) reachAfter.entrySet().stream()
        .filter(e -> e.getValue().equals(reachBefore.get(e.getKey()))).count();
    Set<String> brokenBefore = new LinkedHashSet<>(broken(before));
    this.brokenAssertions = broken(after).stream().filter(x -> !brokenBefore.contains(x))
        .toList();
    this.newViolations = rb.violations().stream()
        .filter(v -> !ra.violations().contains(v)).toList();
    this.fixedViolations = ra.violations().stream()
        .filter(v -> !rb.violations().contains(v)).toList();
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

  /** Assertions that no longer hold after the change (by the rules, at subnet granularity). */
  public List<String> brokenAssertions() {
    return brokenAssertions;
  }

  /** Checker violations of the new network that the old one did not have. */
  public List<Violation> newViolations() {
    return newViolations;
  }

  public List<Violation> fixedViolations() {
    return fixedViolations;
  }

  /** Whether the change is safe to apply as far as this plan can tell. */
  public boolean safe() {
    return brokenAssertions.isEmpty() && newViolations.isEmpty();
  }

  /** The plan for a person to review, section by section; empty sections say so. */
  public String toText() {
    StringBuilder t = new StringBuilder();
    t.append("Change plan for network '").append(after.name()).append("': ")
        .append(events.size()).append(" event").append(events.size() == 1 ? "" : "s")
        .append(safe() ? "" : ", NOT SAFE").append('\n');
    section(t, "Events, as the log would record them", events.stream()
        .map(EventCodec::encode).toList());
    section(t, "Subnets", subnets);
    section(t, "Names and addresses", names);
    section(t, "MACs", macs);
    section(t, "Who may open connections to whom (by subnet, from the rules; "
        + reachUnchanged + " unchanged)", reachability);
    section(t, "Assertions the change breaks", brokenAssertions);
    section(t, "New violations", newViolations);
    section(t, "Violations fixed", fixedViolations);
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

  /** The subnets (or {@code internet}) an endpoint stands for. */
  private static Set<String> expand(Network n, Endpoint e) {
    Set<String> out = new TreeSet<>();
    if (e instanceof Endpoint.OfSubnet s) {
      out.add(s.name());
    } else if (e instanceof Endpoint.OfZone z) {
      n.zone(z.name()).forEach(s -> out.add(s.name()));
    } else if (e instanceof Endpoint.OfContainer c) {
      n.container(c.name()).ifPresent(x -> x.attachments().forEach(a -> out.add(a.subnet())));
    } else {
      out.add("internet");
    }
    return out;
  }

  /** "from -> to" to the services the rules allow, at subnet granularity. */
  private static Map<String, String> reach(Network n) {
    Map<String, Set<String>> pairs = new TreeMap<>();
    for (Rule r : n.rules()) {
      for (String from : expand(n, r.from())) {
        for (String to : expand(n, r.to())) {
          if (from.equals(to)) {
            continue;
          }
          Set<String> services = pairs.computeIfAbsent(from + " -> " + to, k -> new TreeSet<>());
          r.services().stream().map(Service::toString).forEach(services::add);
        }
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    pairs.forEach((k, v) -> out.put(k, v.contains("any") ? "any" : String.join(", ", v)));
    return out;
  }

  /** Assertions some rule contradicts, each with the first rule that does. */
  private static List<String> broken(Network n) {
    List<String> out = new ArrayList<>();
    for (Assertion a : n.assertions()) {
      Set<String> from = expand(n, a.from());
      Set<String> to = expand(n, a.to());
      for (Rule r : n.rules()) {
        Set<String> rf = expand(n, r.from());
        Set<String> rt = expand(n, r.to());
        Optional<String> f = rf.stream().filter(from::contains).findFirst();
        Optional<String> g = rt.stream().filter(to::contains).filter(x -> !Objects.equals(
            f.orElse(null), x)).findFirst();
        if (f.isPresent() && g.isPresent()) {
          out.add(a + " is broken by " + r + " (" + f.get() + " -> " + g.get() + ")");
          break;
        }
      }
    }
    return out;
  }
}
