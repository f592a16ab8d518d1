package org.cimnet.core.check;

import java.util.List;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;

/**
 * The structural invariants of DESIGN.md section 5, every one with its own id in {@link ProblemIds}.
 * Each family lives in its own class: {@link AddressRules} (supernet, subnets, addresses, the
 * public address), {@link MacRules}, {@link DomainRule} (the domain is one the network may
 * answer for), {@link NameRules} (DNS and kernel interface names), {@link
 * TopologyRules} (VLANs, leaves, cables, the leaf-spine fabric), {@link ReferenceRules}
 * (references, placement, routers and nameservers, published services) and {@link DeviceRules}
 * (the inventory's devices and the watcher's settings).
 *
 * <p>Every rule runs over lookups built once ({@link Facts}) with hash maps or a sorted sweep,
 * never a loop over pairs of subnets or containers, so a network of 100,000 containers checks in
 * well under a second.
 */
final class Invariants {
  private Invariants() {}

  /**
   * Appends every problem and warning of {@code assigned}.
   *
   * @param declared the network as declared, before IPAM (to tell generated MACs from given ones)
   * @param assigned the network after IPAM, whose numbers are checked
   * @return the lookups the rules used, with the DNS names and (unless a subnet had no VLAN)
   *     the host plans they derived, for the checker to share instead of deriving them again
   */
  static Facts check(Network declared, Network assigned,
      List<Problem> problems, List<Problem> warnings) {
    Facts facts = new Facts(assigned);
    Findings out = new Findings(problems, warnings);
    AddressRules.check(facts, out);
    MacRules.check(declared, facts, out);
    DomainRule.check(assigned, out);
    facts.plannable = PortRules.check(facts, out);
    NameRules.check(facts, out);
    TopologyRules.check(facts, out);
    ReferenceRules.check(facts, out);
    PlacementRules.check(facts, out);
    DeviceRules.check(facts, out);
    return facts;
  }
}
