package org.cimnet.core.policy;

import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cimnet.core.model.Network;
import org.junit.jupiter.api.Test;

/** Chains through more than one relay, whatever order the relays are declared in. */
class RelayChainTest {
  /**
   * a may open tcp/22 to container near (its addresses, the lowest relay address among them);
   * near may open tcp/22 into e, where far has an address; far may open tcp/443 to d. So a
   * reaches d on tcp/443 through near, then far, though far is declared first.
   */
  @Test
  void aChainPassesARelayDeclaredBeforeTheOneItStartsFrom() {
    Network n = network("c").supernet("10.8.0.0/16")
        .subnet(subnet("a", "10.8.1.0/24"))
        .subnet(subnet("b", "10.8.2.0/24"))
        .subnet(subnet("c", "10.8.3.0/24"))
        .subnet(subnet("d", "10.8.4.0/24"))
        .subnet(subnet("e", "10.8.5.0/24"))
        .subnet(subnet("f", "10.8.6.0/24"))
        .container(lxc("far").on("h").attach("e", "10.8.5.10").attach("f", "10.8.6.10"))
        .container(lxc("near").on("h").attach("b", "10.8.2.10").attach("c", "10.8.3.10"))
        .canConnect("a", "container:near", "tcp/22")
        .canConnect("container:near", "e", "tcp/22")
        .canConnect("container:far", "d", "tcp/443")
        .build();
    assertEquals("""
        a -> d: tcp/443 via far
          through a -> near (b, c) -> far (e, f) -> d
        """, Prover.explain(n, "a", "d").toText());
    assertEquals("tcp/443 via far", Matrix.of(n).cell("a", "d").text());
  }
}
