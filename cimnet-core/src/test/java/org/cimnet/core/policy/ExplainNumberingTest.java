package org.cimnet.core.policy;

import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.junit.jupiter.api.Test;

/** explain numbers a network as the checker does before it answers. */
class ExplainNumberingTest {
  /**
   * Host m routes nothing and declares no address: IPAM gives it one in ops, the management
   * subnet it carries, so ops may ssh to it (the management zone's host service) and ping it
   * (ping from each subnet a host holds an address in). Explained unnumbered, m would hold no
   * address and nothing could be told.
   */
  @Test
  void aHostWithoutDeclaredAddressesIsExplainedWithItsManagementAddress() {
    Network n = network("m").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .subnet(subnet("ops", "10.0.1.0/24").zone("management"))
        .host(Host.builder("r").router().leaf("leaf1", "lan", "ops"))
        .host(Host.builder("m").leaf("leaf1", "ops"))
        .build();
    assertEquals("""
        ops -> host:m: tcp/22 icmp
          by can_connect(zone:management, host:m, tcp/22)
          by can_connect(ops, host:m, icmp)
        """, Prover.explain(n, "ops", "host:m").toText());
    assertEquals("""
        lan -> host:m: no connection may be opened
        """, Prover.explain(n, "lan", "host:m").toText());
  }
}
