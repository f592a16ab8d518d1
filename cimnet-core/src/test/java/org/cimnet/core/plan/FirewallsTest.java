package org.cimnet.core.plan;

import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Service;
import org.cimnet.core.plan.FirewallPlan.Allow;
import org.cimnet.core.plan.FirewallPlan.AllowSet;
import org.cimnet.core.plan.FirewallPlan.Side;
import org.junit.jupiter.api.Test;

class FirewallsTest {
  /**
   * One router with lan (the way out), app, and dmz, wired to the spine by two trunks (one alone
   * would be a single point of failure); web publishes https (twice, to test the dedup) and a
   * UDP range, and a rule lets the internet reach exactly what it publishes.
   */
  private static Network.Builder base() {
    return network("t").supernet("10.9.0.0/16")
        .subnet(subnet("lan", "10.9.1.0/24").vlan(11))
        .subnet(subnet("app", "10.9.2.0/24").vlan(12))
        .subnet(subnet("dmz", "10.9.4.0/24").vlan(14).zone("dmz"))
        .spine("s1", 4)
        .host(host("r1").nic("eth0", "52:54:00:00:00:01").nic("eth1", "52:54:00:00:00:02")
            .leaf("l1", "lan", "app", "dmz").address("lan", "10.9.1.100").router().nameserver())
        .trunk("r1", "eth0", "s1", 1)
        .trunk("r1", "eth1", "s1", 2)
        .container(docker("web").on("r1").attach("dmz", "10.9.4.10")
            .publish("tcp/443", "tcp/443", "udp/5000-5010"))
        .container(docker("cli").on("r1").attach("lan", "10.9.1.20"))
        .canConnect("internet", "container:web", "tcp/443", "udp/5000-5010")
        .internet("203.0.113.10/24", "203.0.113.1", "lan");
  }

  private static FirewallPlan plan(Network n) {
    ValidatedNetwork v = Checker.validate(n);
    return Firewalls.plan(v.network(), v.plans(), "r1");
  }

  private static AllowSet set(FirewallPlan p, String name) {
    return p.allowSets().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no set " + name + " in " + p.allowSets()));
  }

  private static Prefix pf(String text) {
    return Prefix.parse(text);
  }

  @Test
  void overlappingPortRangesOfOneFlowMergeIntoDisjointElements() {
    FirewallPlan p = plan(base().canConnect("lan", "dmz", "tcp/20-25", "tcp/24-30", "tcp/31",
        "tcp/80").build());
    assertEquals(List.of(
        new Allow(Optional.of(pf("10.9.1.0/24")), Optional.of(pf("10.9.4.0/24")),
            Optional.of(Service.Protocol.TCP), 20, 31),
        new Allow(Optional.of(pf("10.9.1.0/24")), Optional.of(pf("10.9.4.0/24")),
            Optional.of(Service.Protocol.TCP), 80, 80)),
        set(p, "fwd_ports_24_24").elements());
  }

  @Test
  void containerAndSubnetPrefixesGoToSetsOfTheirOwnLengths() {
    FirewallPlan p = plan(base().canConnect("lan", "dmz", "tcp/22")
        .canConnect("container:cli", "dmz", "tcp/22").build());
    assertEquals(List.of("fwd_ports_24_24", "fwd_ports_32_24", "in_ports_32"),
        p.allowSets().stream().map(AllowSet::name).toList());
  }

  @Test
  void trafficInsideOneSubnetIsNotCompiled() {
    FirewallPlan p = plan(base().canConnect("container:cli", "lan").build());
    // Only the base's inbound set for what web publishes: the rule inside lan adds nothing.
    assertEquals(List.of("in_ports_32"), p.allowSets().stream().map(AllowSet::name).toList());
    assertEquals(plan(base().build()).allowSets(), p.allowSets());
  }

  @Test
  void servicesPickTheirMatch() {
    FirewallPlan p = plan(base().canConnect("lan", "app").canConnect("app", "dmz", "icmp", "tcp")
        .build());
    assertEquals(List.of("fwd_any_24_24", "fwd_proto_24_24", "in_ports_32"),
        p.allowSets().stream().map(AllowSet::name).toList());
    assertEquals(List.of(Optional.of(Service.Protocol.ICMP), Optional.of(Service.Protocol.TCP)),
        set(p, "fwd_proto_24_24").elements().stream().map(Allow::protocol).toList());
  }

  @Test
  void internetRulesUseTheUplinkAndTranslateTheirSources() {
    FirewallPlan p = plan(base().canConnect("lan", "internet")
        .canConnect("container:web", "internet", "tcp/443")
        .canConnect("internet", "dmz", "tcp/443").build());
    assertEquals(Optional.of(new FirewallPlan.Uplink("lan", Ipv4Address.parse("203.0.113.10"))),
        p.uplink());
    assertEquals(List.of("out_any_24", "out_ports_32", "in_ports_24", "in_ports_32"),
        p.allowSets().stream().map(AllowSet::name).toList());
    assertEquals(List.of(pf("10.9.1.0/24"), pf("10.9.4.10/32")), p.natSources());
  }

  @Test
  void zoneRulesBecomeLinesOverAZoneSetOfLocalSubnets() {
    FirewallPlan p = plan(base().canConnect("zone:private", "zone:dmz", "udp/53").build());
    assertEquals(List.of(new FirewallPlan.ZoneSet("zone_dmz", "dmz", List.of(pf("10.9.4.0/24"))),
        new FirewallPlan.ZoneSet("zone_private", "private",
            List.of(pf("10.9.1.0/24"), pf("10.9.2.0/24")))), p.zones());
    assertEquals(List.of(new FirewallPlan.AllowRule(new Side.Zone("zone_private"),
        new Side.Zone("zone_dmz"), Service.parse("udp/53"),
        "can_connect(zone:private, zone:dmz, udp/53)")), p.allowRules());
  }

  @Test
  void publishesKeepTheFirstOwnerOfAPort() {
    FirewallPlan p = plan(base().build());
    assertEquals(List.of(Service.parse("tcp/443"), Service.parse("udp/5000-5010")),
        p.publishes().stream().map(FirewallPlan.Publish::service).toList());
    assertTrue(p.publishes().stream().allMatch(x -> x.to().equals(
        Ipv4Address.parse("10.9.4.10"))));
  }

  @Test
  void subnetsCarryTheirNameserverAddress() {
    FirewallPlan p = plan(base().build());
    assertEquals(List.of("lan", "app", "dmz"),
        p.subnets().stream().map(FirewallPlan.SubnetPort::ifname).toList());
    assertEquals(Optional.of(Ipv4Address.parse("10.9.2.254")), p.subnets().get(1).nameserver());
  }

  @Test
  void unknownHostIsRefusedByName() {
    ValidatedNetwork v = Checker.validate(base().build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Firewalls.plan(v.network(), v.plans(), "nope"));
    assertEquals("Host 'nope' is not declared: no firewall to plan", e.getMessage());
  }
}
