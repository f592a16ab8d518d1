package org.cimnet.core.check;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.Plans;

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

  /** The concrete network (after IPAM). */
  public Network network() {
    return network;
  }

  /**
   * Every host's plan, in host declaration order ({@link Plans#of(ValidatedNetwork)} returns
   * this): computed once, then shared.
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
}
