package org.cimnet.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.model.Rule;

/**
 * One allowed packet and why it is allowed: the rules that match it (in declaration order) and, if
 * source and destination share a subnet, that subnet (everything inside one subnet may talk).
 */
public record Hop(Packet packet, List<Rule> rules, Optional<String> subnet) {
  public Hop {
    Objects.requireNonNull(packet, "packet == null");
    rules = List.copyOf(rules);
    Objects.requireNonNull(subnet, "subnet == null");
    if (rules.isEmpty() && subnet.isEmpty()) {
      throw new IllegalArgumentException("Hop " + packet + " is allowed by nothing");
    }
  }

  /**
   * {@code by can_connect(dmz, internal, tcp/22)}, {@code inside subnet 'dmz'}, or both joined by
   * {@code and}.
   */
  public String reason() {
    List<String> parts = new ArrayList<>();
    if (!rules.isEmpty()) {
      parts.add("by " + String.join(" and ", rules.stream().map(Rule::toString).toList()));
    }
    subnet.ifPresent(s -> parts.add("inside subnet '" + s + "'"));
    return String.join(" and ", parts);
  }

  /** {@code src 192.168.4.2, dst 192.168.3.2, tcp/22, allowed by can_connect(...)}. */
  @Override
  public String toString() {
    return packet + ", allowed " + reason();
  }
}
