package org.cimnet.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the lab probed, what the checker expected, and what happened.
 *
 * @param network the network's name
 * @param observations one per probe, in a fixed order (connections, connections through relays,
 *     names, spoofed sources)
 * @param notes what the lab could not probe and why (a subnet without containers, ...)
 */
public record LabReport(String network, List<Observation> observations, List<String> notes) {
  public LabReport {
    Objects.requireNonNull(network, "network == null");
    observations = List.copyOf(observations);
    notes = List.copyOf(notes);
  }

  /**
   * What a probe is: a direct TCP connection, a TCP connection through relaying containers (one
   * pair per relayed cell of the matrix), a name or address resolved, a forged source sent.
   */
  public enum Kind { TCP, RELAY, DNS, SPOOF }

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

  /** Relayed cells probed: one container pair (or the internet) per cell. */
  public int relayedCellsProbed() {
    return (int) pairs().keySet().stream().filter(p -> p.startsWith(Kind.RELAY + " ")).count();
  }

  /** Relayed cells all of whose probes agree with the checker. */
  public int relayedCellsAgreeing() {
    return (int) pairs().entrySet().stream().filter(e -> e.getKey().startsWith(Kind.RELAY + " ")
        && e.getValue()).count();
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
    text.append("  relayed cells probed: ").append(relayedCellsProbed())
        .append(", relayed cells agreeing: ").append(relayedCellsAgreeing()).append('\n');
    List<Observation> wrong = disagreements();
    text.append(wrong.isEmpty() ? "  every probe agrees with the checker\n"
        : "  " + wrong.size() + " disagreements:\n");
    wrong.forEach(o -> text.append("    ").append(o.kind().name().toLowerCase(
        java.util.Locale.ROOT)).append(' ').append(o.text()).append('\n'));
    notes.forEach(n -> text.append("  note: ").append(n).append('\n'));
    return text.toString();
  }
}
