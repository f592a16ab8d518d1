package org.cimnet.core.check;

import java.util.List;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Violation;
import org.cimnet.core.plan.DnsPlans;

/**
 * The DNS invariants: every name has one address and every address one name, so each A record
 * has exactly one PTR pointing back at it.
 *
 * <ul>
 *   <li>{@code dns.ptr}: one element holds an address under two names (a router host whose own
 *       address is also its subnet's gateway would be both {@code vhost.lan} and {@code gw.lan}:
 *       two PTRs for one address). Two <em>different</em> elements sharing an address are a
 *       duplicate address, reported by the address rules, so one fault gives one violation.
 *   <li>{@code dns.name}: one name for two addresses, such as a container named {@code gw} or
 *       {@code ns} on a subnet whose router or nameserver already answers to that name.
 * </ul>
 * The {@link org.cimnet.core.plan.DnsPlan} refuses the same conflicts, so a renderer never
 * emits them even if a rule were skipped.
 */
final class DnsRules {
  private DnsRules() {}

  /** {@code records} are {@code Naming.records} of the network checked. */
  static void check(List<Naming.NameRecord> records, List<Violation> violations) {
    for (DnsPlans.Conflict c : DnsPlans.conflicts(records)) {
      if (c.kind() == DnsPlans.Conflict.Kind.ADDRESS_WITH_TWO_NAMES) {
        if (element(c.first()).equals(element(c.second()))) {
          violations.add(new Violation("dns.ptr", path(c.second()), c.toString()));
        }
      } else {
        violations.add(new Violation("dns.name", path(c.second()), c.toString()));
      }
    }
  }

  /** The element holding a name: a host (own, gateway and nameserver names) or a container. */
  private static String element(Naming.NameRecord r) {
    return (r.kind() == Naming.Owner.CONTAINER ? "container " : "host ") + r.owner();
  }

  private static String path(Naming.NameRecord r) {
    return switch (r.kind()) {
      case GATEWAY -> "hosts[" + r.owner() + "].router";
      case NAMESERVER -> "hosts[" + r.owner() + "].nameserver";
      case HOST -> "hosts[" + r.owner() + "].addresses[" + r.subnet() + "]";
      case CONTAINER -> "containers[" + r.owner() + "].attachments[" + r.subnet() + "]";
    };
  }
}
