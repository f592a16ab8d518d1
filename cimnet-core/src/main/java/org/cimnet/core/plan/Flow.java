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

  public Flow {
    Objects.requireNonNull(match, "match == null");
    Objects.requireNonNull(actions, "actions == null");
    Objects.requireNonNull(comment, "comment == null");
    if (!within(match, "_=,.:/") || actions.isEmpty() || !within(actions, "_=,:")) {
      throw new IllegalArgumentException("Flow text outside the OpenFlow alphabet: '" + match
          + "' -> '" + actions + "'");
    }
  }

  /**
   * Whether {@code text} is only lower-case letters, digits and {@code extra}: checked by hand,
   * as hundreds of thousands of flows are made for a large network.
   */
  private static boolean within(String text, String extra) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && extra.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The line {@code ovs-ofctl add-flows} reads. */
  public String text() {
    return "priority=" + priority + (match.isEmpty() ? "" : "," + match) + ",actions=" + actions;
  }
}
