package org.cimnet.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the lab probed, what the checker expected, and what happened.
 *
 * @param network the network's name
 * @param observations one per probe, in a fixed order (connections, names, spoofed sources)
 * @param notes what the lab could not probe and why (a subnet without containers, ...)
 */
public record LabReport(String network, List<Observation> observations, List<String> notes) {
  public LabReport {
    Objects.requireNonNull(network, "network == null");
    observations = List.copyOf(observations);
    notes = List.copyOf(notes);
  }

  /** What a probe is. */
  public enum Kind { TCP, DNS, SPOOF }

  /**
   * One probe.
   *
   * @param from who sent, such as {@code web1@dmz} or {@code internet}
   * @param to what was tried, such as {@code db1@internal}, {@code ns.lan} or a name
   * @param service the service ({@code tcp/443}), or the query ({@code A}, {@code PTR}), or the
   *     forged source address
   * @param rule the rule involved: what allows it, or why nothing does
   */
  public record Observation(Kind kind, String from, String to, String service, String expected,
      String observed, boolean agrees, String rule) {
    public String pair() {
      return kind + " " + from + " -> " + to;
    }

    public String text() {
      return from + " -> " + to + " " + service + ": expected " + expected + ", observed "
          + observed + " [" + rule + "]";
    }
  }

  public List<Observation> disagreements() {
    return observations.stream().filter(o -> !o.agrees()).toList();
  }

  /** Ordered pairs probed (one pair may carry probes on several services). */
  public int pairsProbed() {
    return pairs().size();
  }

  /** Pairs all of whose probes agree with the checker. */
  public int pairsAgreeing() {
    return (int) pairs().values().stream().filter(Boolean::booleanValue).count();
  }

  public boolean agrees() {
    return disagreements().isEmpty();
  }

  private Map<String, Boolean> pairs() {
    Map<String, Boolean> pairs = new LinkedHashMap<>();
    for (Observation o : observations) {
      pairs.merge(o.pair(), o.agrees(), Boolean::logicalAnd);
    }
    return pairs;
  }

  /** The figures, every disagreement, and the notes. */
  public String toText() {
    StringBuilder text = new StringBuilder("cimnet lab: ").append(network).append('\n');
    for (Kind kind : Kind.values()) {
      List<Observation> of = observations.stream().filter(o -> o.kind() == kind).toList();
      long agreeing = of.stream().filter(Observation::agrees).count();
      text.append(String.format("  %-5s %5d probes, %5d agree%n", kind.name().toLowerCase(
          java.util.Locale.ROOT), of.size(), agreeing));
    }
    text.append("  pairs probed: ").append(pairsProbed()).append(", pairs agreeing: ")
        .append(pairsAgreeing()).append('\n');
    List<Observation> wrong = disagreements();
    text.append(wrong.isEmpty() ? "  every probe agrees with the checker\n"
        : "  " + wrong.size() + " disagreements:\n");
    wrong.forEach(o -> text.append("    ").append(o.kind().name().toLowerCase(
        java.util.Locale.ROOT)).append(' ').append(o.text()).append('\n'));
    notes.forEach(n -> text.append("  note: ").append(n).append('\n'));
    return text.toString();
  }
}
