package org.cimnet.core.check;

import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.junit.jupiter.api.Test;

/** Cabling at its limits: a spine full to its last port, several over, a trunk on no NIC. */
class TopologyRulesTest {
  private static List<String> paths(Network network, String id) {
    return Checker.check(network).problems().stream().filter(p -> p.id().equals(id))
        .map(Problem::path).toList();
  }

  /** Host vh with NICs eth0 to eth3 and one leaf carrying lan. */
  private static Network.Builder fabric() {
    return network("t").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .host(host("vh").router().leaf("leaf1", "lan")
            .nic("eth0", "3c:ec:ef:6a:10:00").nic("eth1", "3c:ec:ef:6a:10:01")
            .nic("eth2", "3c:ec:ef:6a:10:02").nic("eth3", "3c:ec:ef:6a:10:03"));
  }

  @Test
  void aSpineWithEveryPortCabledIsNotOverCapacity() {
    Network n = fabric().spine("spine1", 2)
        .trunk("vh", "eth0", "spine1", 1).trunk("vh", "eth1", "spine1", 2).build();
    assertEquals(List.of(), paths(n, "spine.capacity"));
  }

  /** Two cables into each one-port spine; the first cable goes to b, declared second. */
  @Test
  void spinesOverCapacityAreReportedInDeclarationOrder() {
    Network n = fabric().spine("a", 1).spine("b", 1)
        .trunk("vh", "eth0", "b", 1).trunk("vh", "eth1", "b", 1)
        .trunk("vh", "eth2", "a", 1).trunk("vh", "eth3", "a", 1).build();
    assertEquals(List.of("spines[a]", "spines[b]"), paths(n, "spine.capacity"));
  }

  /** The only cable to spine2 names a NIC vh does not have: leaf1 does not reach spine2. */
  @Test
  void aTrunkOnAnUndeclaredNicReachesNoSpine() {
    Network n = fabric().spine("spine1", 8).spine("spine2", 8)
        .trunk("vh", "eth0", "spine1", 1).trunk("vh", "eth9", "spine2", 1).build();
    assertEquals(List.of("links[1].nic"), paths(n, "ref.nic"));
    assertEquals(List.of("hosts[vh].leaves[leaf1]"), paths(n, "leaf.spine-unreachable"));
  }

  /**
   * Both of vh's trunks go to spine1; spine2 is reached only through the interconnect, so that
   * one link is the single way to spine2 (and neither trunk alone is: the other remains).
   */
  @Test
  void anInterconnectThatIsTheOnlyWayToASpineIsASingleLink() {
    Network n = fabric().spine("spine1", 8).spine("spine2", 8)
        .interconnect("spine1", 1, "spine2", 1)
        .trunk("vh", "eth0", "spine1", 2).trunk("vh", "eth1", "spine1", 3).build();
    assertEquals(List.of("links[0]"), paths(n, "leaf.single-link"));
  }

  /**
   * vh's one trunk goes to spine1, interconnected with spine2: losing the trunk cuts vh off both
   * spines, losing the interconnect cuts it off spine2; each is a single link.
   */
  @Test
  void aHostsOnlyTrunkIsASingleLink() {
    Network n = fabric().spine("spine1", 8).spine("spine2", 8)
        .interconnect("spine1", 1, "spine2", 1)
        .trunk("vh", "eth0", "spine1", 2).build();
    assertEquals(List.of("links[1]", "links[0]"), paths(n, "leaf.single-link"));
  }
}
