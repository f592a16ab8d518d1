package org.cimnet.core.check;

import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.junit.jupiter.api.Test;

/**
 * Open vSwitch's port limits at their edges. A host needs one port per NIC, one for the uplink
 * bridge, and per leaf one per container, three of its own (its port and its patch pair) and
 * one per subnet.
 */
class PortRulesTest {
  /** Host {@code name}, one NIC, leaf1 carrying lan with {@code onLan} containers, leaf2 dmz. */
  private static Network.Builder withHost(Network.Builder b, String name, int onLan, int onDmz) {
    b.host(host(name).nic("eth0", "3c:ec:ef:6a:10:0" + name.length()).leaf("leaf1", "lan")
        .leaf("leaf2", "dmz").address("lan"));
    for (int i = 0; i < onLan; i++) {
      b.container(docker(name + "l" + i).on(name).attach("lan"));
    }
    for (int i = 0; i < onDmz; i++) {
      b.container(docker(name + "d" + i).on(name).attach("dmz"));
    }
    return b;
  }

  private static Network.Builder base() {
    return network("t")
        .supernet("10.0.0.0/8")
        .subnet(subnet("lan", "10.0.0.0/15"))
        .subnet(subnet("dmz", "10.2.0.0/15").zone("dmz"));
  }

  private static List<Problem> check(Network n, boolean plannable) {
    List<Problem> found = new ArrayList<>();
    assertEquals(plannable, PortRules.check(new Facts(n), new Findings(found, new ArrayList<>())));
    return found;
  }

  @Test
  void sixtyThousandContainersOnALeafAnd65535PortsOnAHostFit() {
    // 1 NIC + 1 uplink + (60,000 + 3 + 1) + (5,525 + 3 + 1) = 65,535 ports.
    assertEquals(List.of(), check(withHost(base(), "a", 60_000, 5_525).build(), true));
  }

  @Test
  void oneMorePortThanTheDatapathHoldsIsReportedWithTheCount() {
    // 1 NIC + 1 uplink + (32,763 + 3 + 1) + (32,764 + 3 + 1) = 65,537 ports.
    List<Problem> found = check(withHost(base(), "b", 32_763, 32_764).build(), false);
    assertEquals(List.of(new Problem("host.ports", "hosts[b]", "Host 'b' needs up to 65537"
        + " switch ports: its bridges share one Open vSwitch datapath, which holds at most 65535:"
        + " move containers to other hosts")), found);
  }
}
