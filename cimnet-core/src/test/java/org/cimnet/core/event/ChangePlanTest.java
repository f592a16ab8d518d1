package org.cimnet.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;
import org.junit.jupiter.api.Test;

class ChangePlanTest {
  private static Network base() {
    return Network.builder("lab").supernet("10.0.0.0/16")
        .subnet(Subnet.builder("lan", "10.0.1.0/24"))
        .subnet(Subnet.builder("dmz", "10.0.4.0/24").zone("dmz"))
        .host(org.cimnet.core.model.Host.builder("h1").nic("eth0", "52:54:00:00:00:01")
            .leaf("leaf1", "lan", "dmz").router())
        .container(Container.builder(ContainerKind.DOCKER, "web").on("h1").attach("dmz"))
        .canConnect("lan", "dmz", "tcp/443")
        .never("dmz", "lan")
        .build();
  }

  @Test
  void aPlanShowsNumbersNamesReachabilityAndBrokenAssertions() {
    Network a = base();
    Network b = a.toBuilder()
        .container(Container.builder(ContainerKind.LXC, "files").on("h1").attach("lan"))
        .canConnect("dmz", "lan", "tcp/22")
        .build();
    ChangePlan plan = ChangePlan.of(a, b);
    assertFalse(plan.safe());
    assertEquals(2, plan.events().size());
    String text = plan.toText();
    assertEquals("""
        Change plan for network 'lab': 2 events, NOT SAFE

        Events, as the log would record them:
          {"event":"container-placed","container":{"name":"files","kind":"lxc","host":"h1","attachments":{"lan":"auto"}}}
          {"event":"rule-added","rule":{"from":"dmz","to":"lan","services":["tcp/22"]}}

        Subnets:
          (none)

        Names and addresses:
          + files.lan.cim.internal %s

        MACs:
          + container files in lan %s

        Who may open connections to whom (the prover's matrix; 3 unchanged):
          + dmz -> lan tcp/22

        Assertions the change breaks:
          Assertion 'never(dmz, lan)': violated by src 10.0.4.2, dst 10.0.1.2, tcp/22, allowed by can_connect(dmz, lan, tcp/22); path: dmz -> lan

        New problems:
          (none)

        Problems fixed:
          (none)
        """.formatted(address(plan), mac(plan)), text);
  }

  @Test
  void aContainerOnTwoSubnetsIsARelayThePlanShows() {
    // No rule changes, yet the multi-homed container lets dmz open anything into lan: the
    // prover sees the relay, and the plan shows it in the matrix and as the broken assertion.
    Network a = base();
    Network b = a.toBuilder()
        .container(Container.builder(ContainerKind.LXC, "bridge").on("h1").attach("dmz")
            .attach("lan"))
        .build();
    ChangePlan plan = ChangePlan.of(a, b);
    assertFalse(plan.safe());
    assertEquals("[~ lan -> dmz tcp/443 -> tcp/443; any via bridge, + dmz -> lan any via bridge]",
        plan.reachability().toString());
    assertEquals(1, plan.brokenAssertions().size());
    assertTrue(plan.brokenAssertions().get(0).startsWith("Assertion 'never(dmz, lan)': violated"
        + " by src 10.0.4.2, dst "), plan.brokenAssertions()::toString);
    assertTrue(plan.brokenAssertions().get(0).endsWith("; path: dmz -> bridge (dmz, lan) -> lan"),
        plan.brokenAssertions()::toString);
    assertEquals(List.of(), plan.newProblems());
  }

  @Test
  void anUnchangedNetworkHasAnEmptySafePlan() {
    ChangePlan plan = ChangePlan.of(base(), base());
    assertTrue(plan.safe());
    assertTrue(plan.events().isEmpty());
    assertTrue(plan.names().isEmpty() && plan.macs().isEmpty() && plan.subnets().isEmpty());
  }

  @Test
  void theAfterNetworkKeepsTheNumbersOfTheBefore() {
    Network a = base();
    Network b = a.toBuilder().removeRule(a.rules().get(0)).build();
    ChangePlan plan = ChangePlan.of(a, b);
    assertEquals("[- lan -> dmz tcp/443]", plan.reachability().toString());
    assertTrue(plan.names().isEmpty(), plan.names()::toString);
    assertTrue(plan.macs().isEmpty(), plan.macs()::toString);
  }

  private static String address(ChangePlan plan) {
    return plan.names().get(0).detail();
  }

  private static String mac(ChangePlan plan) {
    return plan.macs().get(0).detail();
  }
}
