package org.cimnet.core.policy;

import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.cimnet.core.model.Network;
import org.junit.jupiter.api.Test;

/** Two relays give one cell different services: the matrix and explain name both. */
class RelaysPerCellTest {
  private static Network.Builder twoRelays() {
    return network("r").supernet("10.8.0.0/16")
        .subnet(subnet("a", "10.8.1.0/24"))
        .subnet(subnet("b", "10.8.2.0/24"))
        .subnet(subnet("c", "10.8.3.0/24"))
        .subnet(subnet("d", "10.8.4.0/24"))
        .container(lxc("r1").on("h").attach("b", "10.8.2.10").attach("c", "10.8.3.10"))
        .container(lxc("r2").on("h").attach("b", "10.8.2.11").attach("c", "10.8.3.11"))
        .canConnect("a", "b")
        .canConnect("container:r1", "d", "tcp/22")
        .canConnect("container:r2", "d", "tcp/443");
  }

  @Test
  void theMatrixNamesEachRelayWithWhatItOpens() {
    Matrix.Cell cell = Matrix.of(twoRelays().build()).cell("a", "d");
    assertEquals("tcp/22,443", cell.via().toString());
    assertEquals(List.of("r1", "r2"), List.copyOf(cell.relays().keySet()));
    assertEquals("tcp/22 via r1; tcp/443 via r2", cell.text());
  }

  @Test
  void oneRelayOpeningEverythingIsTheOneNamed() {
    Matrix.Cell cell = Matrix.of(twoRelays().canConnect("container:r2", "d", "tcp/22").build())
        .cell("a", "d");
    assertEquals(Optional.of("r2"), cell.relay(), "r2 opens 22 and 443, r1 only 22");
    assertEquals("tcp/22,443 via r2", cell.text());
  }

  @Test
  void explainGivesTheMatrixServicesWithEveryChain() {
    Explanation e = Prover.explain(twoRelays().build(), "a", "d");
    assertEquals("tcp/22,443", e.viaServices().toString());
    assertEquals(2, e.chains().size());
    assertEquals("""
        a -> d: tcp/22 via r1; tcp/443 via r2
          through a -> r1 (b, c) -> d
          through a -> r2 (b, c) -> d
        """, e.toText());
  }

  @Test
  void explainNumbersANetworkWhoseAddressesAreStillToBeHandedOut() {
    Network unnumbered = network("u").supernet("10.9.0.0/16")
        .subnet(subnet("a", "10.9.1.0/24")).subnet(subnet("b", "10.9.2.0/24"))
        .subnet(subnet("c", "10.9.3.0/24"))
        .container(lxc("relay").on("h").attach("a").attach("b"))
        .canConnect("b", "c", "tcp/5432").build();
    Explanation e = Prover.explain(unnumbered, "a", "c");
    assertEquals("tcp/5432", e.viaServices().toString(), e::toText);
  }
}
