package org.cimnet.core.check;

import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.junit.jupiter.api.Test;

/** The subnets a host names to route or serve must be declared. */
class PlacementRulesTest {
  private static List<Problem> problems(Network network, String id) {
    return Checker.check(network).problems().stream()
        .filter(p -> p.id().equals(id)).toList();
  }

  @Test
  void aRouterOrNameserverNamingAnUndeclaredSubnetIsAProblemAtThatName() {
    Network n = network("n").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .host(host("r").leaf("leaf1", "lan").router("lan", "ghost").nameserver("phantom"))
        .build();
    assertEquals(List.of(
        new Problem("ref.subnet", "hosts[r].router[1]",
            "Host 'r': router names subnet 'ghost', which is not declared"),
        new Problem("ref.subnet", "hosts[r].nameserver[0]",
            "Host 'r': nameserver names subnet 'phantom', which is not declared")),
        problems(n, "ref.subnet"));
  }
}
