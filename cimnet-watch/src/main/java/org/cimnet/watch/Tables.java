package org.cimnet.watch;

import java.util.List;

/**
 * The host's real sources and the switch the watcher acts on. {@link Ovs} runs the real tools;
 * tests may stand in for it.
 */
public interface Tables {
  /** {@code ovs-appctl fdb/show <bridge>}: the bridge's MAC learning table. */
  String fdb(String bridge);

  /** {@code ovs-ofctl dump-ports-desc <bridge>}: the bridge's ports, number and name. */
  String ports(String bridge);

  /** {@code ovs-ofctl dump-flows <bridge> table=250}: the sources a closed subnet dropped. */
  String records(String bridge);

  /** {@code ip -j neigh}: the kernel's neighbour table, as JSON. */
  String neighbours();

  /** {@code lldpcli -f json show neighbors}: the LLDP neighbours, where lldpd runs. */
  String lldp();

  /** Adds (or replaces) flows on {@code bridge}, in {@code ovs-ofctl add-flow} syntax. */
  void addFlows(String bridge, List<String> flows);

  /** Deletes the flows of {@code bridge} that {@code match} selects (strictly by cookie). */
  void deleteFlows(String bridge, String match);
}
