package org.cimnet.core.check;

import java.util.List;
import java.util.Objects;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Network;

/**
 * A network the checker passed: every address, MAC, VLAN and name is concrete and every
 * invariant holds, so renderers never re-check. Only {@link Checker} constructs one.
 */
public final class ValidatedNetwork {
  private final Network network;
  private final List<Naming.NameRecord> names;

  ValidatedNetwork(Network network) {
    this.network = Objects.requireNonNull(network, "network == null");
    this.names = List.copyOf(Naming.records(network));
  }

  /** The concrete network (after IPAM). */
  public Network network() {
    return network;
  }

  /** Every DNS name the model implies, in a fixed order. */
  public List<Naming.NameRecord> names() {
    return names;
  }
}
