package org.cimnet.core.check;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.core.plan.DnsPlans;
import org.cimnet.core.plan.FirewallPlan;
import org.cimnet.core.plan.Firewalls;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.Plans;
import org.cimnet.core.policy.Policy;
import org.cimnet.core.policy.Proof;
import org.cimnet.core.policy.Prover;

/**
 * A network the checker passed: every address, MAC, VLAN and name is concrete and every
 * invariant holds, so renderers never re-check. Only {@link Checker} constructs one.
 */
public final class ValidatedNetwork {
  private final Network network;
  private final List<Naming.NameRecord> names;
  /**
   * The host plans, made at most once and shared by the checker, every renderer and the lab:
   * planning a large network costs as much as rendering it. Volatile for safe publication; two
   * threads racing at first use both compute the same plans, and either result is kept.
   */
  private volatile Map<String, HostPlan> plans;
  /** The checker's compiled rules and verdicts, shared the same way as the plans. */
  private volatile Policy policy;
  private volatile List<Proof> proofs;

  ValidatedNetwork(Network network) {
    this(network, null, null);
  }

  /**
   * {@code names} and {@code plans}, where not null, must be {@code Naming.records(network)} and
   * {@code Plans.of(network)}: the checker derived them already.
   */
  ValidatedNetwork(Network network, List<Naming.NameRecord> names,
      Map<String, HostPlan> plans) {
    this.network = Objects.requireNonNull(network, "network == null");
    this.names = List.copyOf(names == null ? Naming.records(network) : names);
    this.plans = plans == null ? null : Collections.unmodifiableMap(plans);
  }

  /** Also shares the checker's compiled policy and proofs ({@code Prover.prove(policy)}). */
  ValidatedNetwork(Network network, List<Naming.NameRecord> names,
      Map<String, HostPlan> plans, Policy policy, List<Proof> proofs) {
    this(network, names, plans);
    this.policy = policy;
    this.proofs = proofs == null ? null : List.copyOf(proofs);
  }

  /** The concrete network (after IPAM). */
  public Network network() {
    return network;
  }

  /**
   * Every host's plan, in host declaration order ({@link Plans#of(Network)}): computed once,
   * then shared. The map is unmodifiable.
   */
  public Map<String, HostPlan> plans() {
    Map<String, HostPlan> p = plans;
    if (p == null) {
      p = Collections.unmodifiableMap(Plans.of(network));
      plans = p;
    }
    return p;
  }

  /** Every DNS name the model implies, in a fixed order. */
  public List<Naming.NameRecord> names() {
    return names;
  }

  /** Every host's firewall, in host order ({@link Firewalls#of}), from {@link #plans()}. */
  public Map<String, FirewallPlan> firewalls() {
    return Firewalls.of(network, plans());
  }

  /**
   * One plan per nameserver host, in host order, forwarding to the upstream resolvers the
   * model's internet declares (none without an internet).
   */
  public Map<String, DnsPlan> dnsPlans() {
    return dnsPlans(network.internet().map(Internet::forwarders).orElse(List.of()));
  }

  /**
   * One plan per nameserver host, in host order ({@link DnsPlans#of}), from {@link #names()}
   * and {@link #plans()}.
   *
   * @param forwarders the upstream resolvers; empty: names outside the zones are refused
   */
  public Map<String, DnsPlan> dnsPlans(List<Ipv4Address> forwarders) {
    return DnsPlans.of(network, names, plans(), forwarders);
  }

  /**
   * The compiled rules ({@code Policy.compile(network())}): the checker's own, or compiled at
   * first use. A {@link org.cimnet.core.policy.Matrix} or an explanation built on it repeats no
   * compilation. The policy memoizes what it resolves, so it is for one thread at a time, as
   * renderers run.
   */
  public Policy policy() {
    Policy p = policy;
    if (p == null) {
      p = Policy.compile(network);
      policy = p;
    }
    return p;
  }

  /**
   * The verdict on every assertion, in declaration order ({@code Prover.prove(policy())}): the
   * checker's own, or proved at first use. In a validated network none is violated.
   */
  public List<Proof> proofs() {
    List<Proof> p = proofs;
    if (p == null) {
      p = Prover.prove(policy());
      proofs = p;
    }
    return p;
  }
}
