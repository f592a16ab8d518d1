package org.cimnet.core.policy;

import java.util.List;

/**
 * How one endpoint opens a connection to another: the hops, the containers that relay between
 * them (none for a direct packet), and the chain as text nodes, such as
 * {@code [dmz, bus (dmz, comms), comms]}.
 */
public record Path(List<Hop> hops, List<String> relays, List<String> chain) {
  public Path {
    hops = List.copyOf(hops);
    relays = List.copyOf(relays);
    chain = List.copyOf(chain);
    if (hops.isEmpty() || hops.size() != relays.size() + 1) {
      throw new IllegalArgumentException("A path has one hop more than relays, got " + hops.size()
          + " hops and " + relays.size() + " relays");
    }
  }

  /** The first hop: the packet that opens the path. */
  public Hop first() {
    return hops.get(0);
  }

  public boolean direct() {
    return relays.isEmpty();
  }

  /** {@code dmz -> bus (dmz, comms) -> comms}. */
  public String chainText() {
    return String.join(" -> ", chain);
  }

  /** The first hop and the chain: {@code src ..., tcp/22, allowed by ...; path: dmz -> x}. */
  @Override
  public String toString() {
    return first() + "; path: " + chainText();
  }
}
