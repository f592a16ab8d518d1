package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Network;
import org.junit.jupiter.api.Test;

/** The larger example is valid and as big as its documentation says. */
class LargerExampleTest {
  private final Report report = Checker.check(LargerExample.build());

  @Test
  void isValidAndHasThreeHostsTwelveSubnetsThirtyContainers() {
    assertTrue(report.ok(), report.toText());
    Network n = report.network();
    assertEquals(3, n.hosts().size());
    assertEquals(12, n.subnets().size());
    assertEquals(30, n.containers().size());
    // Every container got an address in each subnet it is attached to.
    n.containers().forEach(c -> c.attachments().forEach(a ->
        assertTrue(a.address().isPresent(), c.name() + " in " + a.subnet())));
  }

  @Test
  void subnetsStretchedToTheRacksAreRoutedByCore1() {
    var plans = report.validated().plans();
    var rack1 = plans.get("rack1");
    assertFalse(rack1.forwarding(), "rack1 only switches");
    // It is reachable all the same: an address in mgmt, the default route and resolver there.
    assertEquals(List.of("mgmt"), rack1.interfaces().stream().map(i -> i.subnet()).toList());
    assertEquals("10.20.9.1", rack1.defaultRoute().orElseThrow().gateway().toString());
    assertEquals("[10.20.9.254]", rack1.nameservers().toString());
    rack1.containers().forEach(c -> c.nics().forEach(nic ->
        assertTrue(nic.gateway().isPresent(), c.name() + " has a gateway on core1")));
    assertTrue(plans.get("core1").forwarding());
  }
}
