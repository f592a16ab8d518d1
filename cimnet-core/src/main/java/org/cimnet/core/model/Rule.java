package org.cimnet.core.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code can_connect(from, to, services)}: {@code from} may open connections to {@code to} for
 * these services, and replies flow back (rules are stateful). No services means every service.
 */
public record Rule(Endpoint from, Endpoint to, List<Service> services) {
  public Rule {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    services = List.copyOf(services.isEmpty() ? List.of(Service.ANY) : services);
  }

  /** The rule as a person would write it: {@code can_connect(internet, dmz, tcp/443)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("can_connect(").append(from.text()).append(", ")
        .append(to.text());
    if (!services.equals(List.of(Service.ANY))) {
      services.forEach(s -> text.append(", ").append(s));
    }
    return text.append(')').toString();
  }
}
