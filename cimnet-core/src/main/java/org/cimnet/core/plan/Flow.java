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
    if (!match.matches("[a-z0-9_=,.:/]*") || !actions.matches("[a-z0-9_=,:]+")) {
      throw new IllegalArgumentException("Flow text outside the OpenFlow alphabet: '" + match
          + "' -> '" + actions + "'");
    }
  }

  /** The line {@code ovs-ofctl add-flows} reads. */
  public String text() {
    return "priority=" + priority + (match.isEmpty() ? "" : "," + match) + ",actions=" + actions;
  }
}
