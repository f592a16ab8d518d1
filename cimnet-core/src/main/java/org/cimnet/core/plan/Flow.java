package org.cimnet.core.plan;

import java.util.Objects;

/**
 * One OpenFlow rule in {@code ovs-ofctl add-flows} syntax, built only from plan values (numbers,
 * MACs, addresses), never from names, so its text needs no escaping.
 *
 * @param comment why the flow exists, written as a {@code #} line before it where the target
 *     format allows comments
 */
public record Flow(int priority, String match, String actions, String comment) {
  // A table lookup, not a regex: a large network plans hundreds of thousands of flows.
  private static final boolean[] MATCH = alphabet("_=,.:/");
  // Brackets, parentheses and '.' for the learn() action of closed admission.
  private static final boolean[] ACTIONS = alphabet("_=,:()[].");

  public Flow {
    Objects.requireNonNull(match, "match == null");
    Objects.requireNonNull(actions, "actions == null");
    Objects.requireNonNull(comment, "comment == null");
    if (!within(match, MATCH) || actions.isEmpty() || !within(actions, ACTIONS)) {
      throw new IllegalArgumentException("Flow text outside the OpenFlow alphabet: '" + match
          + "' -> '" + actions + "'");
    }
  }

  /** Lower-case letters, digits and {@code extra}. */
  private static boolean[] alphabet(String extra) {
    boolean[] allowed = new boolean[128];
    for (char c = 'a'; c <= 'z'; c++) {
      allowed[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      allowed[c] = true;
    }
    extra.chars().forEach(c -> allowed[c] = true);
    return allowed;
  }

  private static boolean within(String text, boolean[] allowed) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= allowed.length || !allowed[c]) {
        return false;
      }
    }
    return true;
  }

  /** The line {@code ovs-ofctl add-flows} reads. */
  public String text() {
    return appendTo(new StringBuilder(match.length() + actions.length() + 24)).toString();
  }

  /** Appends {@link #text()} to {@code out}, without the intermediate string; returns it. */
  public StringBuilder appendTo(StringBuilder out) {
    out.append("priority=").append(priority);
    if (!match.isEmpty()) {
      out.append(',').append(match);
    }
    return out.append(",actions=").append(actions);
  }
}
