package org.cimnet.core.check;

import java.util.List;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Problem;
import org.cimnet.core.plan.DnsPlans;

/**
 * The DNS invariant the name rules do not already cover: every address has one name, so each A
 * record has exactly one PTR pointing back at it.
 *
 * <p>{@code dns.ptr}: one element holds an address under two names (a router host whose own
 * address is also its subnet's gateway would be both {@code vhost.lan} and {@code gw.lan}: two
 * PTRs for one address). Two <em>different</em> elements sharing an address are a duplicate
 * address, reported by the address rules, and one address named in two different subnets is
 * two overlapping subnets (or an address outside its subnet), so one fault gives one problem.
 *
 * <p>The other direction, one name for two addresses (a container named {@code gw} on a subnet
 * whose router already answers to that name), is two elements with one name: {@code
 * name.duplicate} reports it, so it is not reported here a second time.
 *
 * <p>The {@link org.cimnet.core.plan.DnsPlan} refuses both conflicts, so a renderer never emits
 * them even if a rule were skipped.
 */
final class DnsRules {
  private DnsRules() {}

  /** {@code records} are {@code Naming.records} of the network checked. */
  static void check(List<Naming.NameRecord> records, List<Problem> problems) {
    for (DnsPlans.Conflict c : DnsPlans.conflicts(records)) {
      // NAME_WITH_TWO_ADDRESSES is name.duplicate's to report. One address in two different
      // subnets (gw of two overlapping subnets) is subnet.overlap's, or address.outside-subnet's.
      if (c.kind() == DnsPlans.Conflict.Kind.ADDRESS_WITH_TWO_NAMES
          && element(c.first()).equals(element(c.second()))
          && c.first().subnet().equals(c.second().subnet())) {
        problems.add(new Problem(ProblemIds.DNS_PTR, path(c.second()), c.toString()));
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
