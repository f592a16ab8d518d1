package org.cimnet.core.plan;

import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.InterfacePlan.Purpose;
import org.cimnet.core.yaml.LoadReport;
import org.cimnet.core.yaml.NetworkYaml;
import org.junit.jupiter.api.Test;

/** Placement per subnet: which host holds each subnet's gateway and nameserver. */
class PlacementTest {
  /**
   * lan and mgmt stretch over all three hosts; core routes and serves lan and dmz; edge routes
   * mgmt and iot and serves mgmt, and reaches core through its own address in lan; rack routes
   * nothing, serves iot and declares no address.
   */
  static Network.Builder threeHosts() {
    return network("p").domain("p.example").supernet("10.7.0.0/16")
        .subnet(subnet("lan", "10.7.1.0/24"))
        .subnet(subnet("dmz", "10.7.4.0/24").zone("dmz"))
        .subnet(subnet("mgmt", "10.7.9.0/24").zone("management"))
        .subnet(subnet("iot", "10.7.11.0/24"))
        .spine("s1", 8)
        .host(host("core").nic("eth0", "52:54:00:00:07:01").nic("eth1", "52:54:00:00:07:02")
            .leaf("l1", "lan", "mgmt").leaf("l2", "dmz")
            .router("lan", "dmz").nameserver("lan", "dmz"))
        .host(host("edge").nic("eth0", "52:54:00:00:07:11").nic("eth1", "52:54:00:00:07:12")
            .leaf("l1", "lan", "mgmt", "dmz").leaf("l2", "iot").address("lan")
            .router("mgmt", "iot").nameserver("mgmt"))
        .host(host("rack").nic("eth0", "52:54:00:00:07:21").nic("eth1", "52:54:00:00:07:22")
            .leaf("l1", "lan", "mgmt", "iot").nameserver("iot"))
        .trunk("core", "eth0", "s1", 1).trunk("core", "eth1", "s1", 2)
        .trunk("edge", "eth0", "s1", 3).trunk("edge", "eth1", "s1", 4)
        .trunk("rack", "eth0", "s1", 5).trunk("rack", "eth1", "s1", 6)
        .container(lxc("files").on("rack").attach("lan"))
        .container(lxc("cam").on("rack").attach("iot"))
        .container(lxc("web").on("core").attach("dmz"));
  }

  private static List<String> held(HostPlan plan, Purpose purpose) {
    return plan.interfaces().stream()
        .filter(i -> i.addresses().stream().anyMatch(a -> a.purpose() == purpose))
        .map(InterfacePlan::subnet).toList();
  }

  @Test
  void eachSubnetsGatewayAndNameserverSitWhereTheyAreNamed() {
    Report report = Checker.check(threeHosts().build());
    assertTrue(report.ok(), report::toText);
    Map<String, HostPlan> plans = report.validated().plans();
    assertEquals(List.of("lan", "dmz"), held(plans.get("core"), Purpose.GATEWAY));
    assertEquals(List.of("lan", "dmz"), held(plans.get("core"), Purpose.NAMESERVER));
    assertEquals(List.of("mgmt", "iot"), held(plans.get("edge"), Purpose.GATEWAY));
    assertEquals(List.of("mgmt"), held(plans.get("edge"), Purpose.NAMESERVER));
    assertEquals(List.of(), held(plans.get("rack"), Purpose.GATEWAY));
    assertEquals(List.of("iot"), held(plans.get("rack"), Purpose.NAMESERVER));
    assertTrue(plans.get("core").forwarding() && plans.get("edge").forwarding());
    assertFalse(plans.get("rack").forwarding());
    // Names follow the placement: gw.iot is edge's, ns.iot rack's.
    List<Naming.NameRecord> names = Naming.records(report.network());
    assertEquals("edge", names.stream().filter(r -> r.fqdn().equals("gw.iot.p.example"))
        .findFirst().orElseThrow().owner());
    assertEquals("rack", names.stream().filter(r -> r.fqdn().equals("ns.iot.p.example"))
        .findFirst().orElseThrow().owner());
  }

  @Test
  void aHostThatRoutesNothingGetsAManagementAddressARouteAndAResolver() {
    Report report = Checker.check(threeHosts().build());
    Host rack = report.network().host("rack").orElseThrow();
    assertEquals(1, rack.addresses().size());
    assertEquals("mgmt", rack.addresses().get(0).subnet());
    Ipv4Address address = rack.addresses().get(0).address().orElseThrow();
    assertTrue(report.network().subnet("mgmt").orElseThrow().cidr().contains(address));
    HostPlan plan = report.validated().plans().get("rack");
    assertEquals(Optional.of(new HostPlan.Route(Ipv4Address.parse("10.7.9.1"),
        Ifnames.subnetPort("mgmt"))), plan.defaultRoute());
    assertEquals(List.of(Ipv4Address.parse("127.0.0.1")), plan.nameservers(), "it serves iot");
    // The address is sticky: a second run keeps it.
    assertEquals(address, Checker.check(threeHosts().build(), Optional.of(report.network()))
        .network().host("rack").orElseThrow().addresses().get(0).address().orElseThrow());
  }

  @Test
  void aRouterNotRoutingTheWayOutGoesThroughTheOneThatDoes() {
    Report report = Checker.check(threeHosts().build());
    Map<String, HostPlan> plans = report.validated().plans();
    HostPlan edge = plans.get("edge");
    String lan = Ifnames.subnetPort("lan");
    assertEquals(Optional.of(new HostPlan.Route(Ipv4Address.parse("10.7.1.1"), lan)),
        edge.defaultRoute());
    // Its own address in lan is a /32, the parent's gateway on-link: forwarded packets to lan
    // go through core, like lan's replies.
    Ipv4Address own = report.network().host("edge").orElseThrow().addresses().get(0).address()
        .orElseThrow();
    assertEquals(List.of(new InterfacePlan.InterfaceAddress(own, 32, Purpose.OWN)),
        edge.interfaces().stream().filter(i -> i.subnet().equals("lan")).findFirst()
            .orElseThrow().addresses());
    assertEquals(List.of(new HostPlan.StaticRoute(org.cimnet.core.addr.Prefix.parse(
        "10.7.1.1/32"), Optional.empty(), lan)), edge.routes());
    // core routes edge's subnets through edge's lan address.
    assertEquals(List.of(
        new HostPlan.StaticRoute(org.cimnet.core.addr.Prefix.parse("10.7.9.0/24"),
            Optional.of(own), lan),
        new HostPlan.StaticRoute(org.cimnet.core.addr.Prefix.parse("10.7.11.0/24"),
            Optional.of(own), lan)), plans.get("core").routes());
    assertEquals(List.of(), plans.get("rack").routes());
  }

  @Test
  void placementSurvivesYaml() {
    Network n = threeHosts().build();
    String yaml = NetworkYaml.network(n);
    assertTrue(yaml.contains("router: [lan, dmz]"), yaml);
    assertTrue(yaml.contains("nameserver: [mgmt]"), yaml);
    LoadReport back = NetworkYaml.read(yaml, NetworkYaml.parts(n));
    assertTrue(back.ok(), back::toText);
    assertEquals(n, back.network().orElseThrow());
    assertEquals(List.of("mgmt", "iot"), back.network().get().host("edge").orElseThrow()
        .routedSubnets());
  }

  @Test
  void oneFormPerRoleEachSubnetOnce() {
    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
        () -> host("h").router().router("lan"));
    assertEquals("Host 'h': router() already takes every subnet it carries: drop router() or"
        + " the named subnets", mixed.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> host("h").nameserver("lan", "lan"));
    assertEquals("Host 'h': nameserver names subnet 'lan' twice", twice.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> host("h").router("LAN"));
    assertTrue(bad.getMessage().startsWith("Host 'h': router: Subnet name 'LAN' is not valid"),
        bad.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> host("h").nameserver(new String[0]));
    assertTrue(none.getMessage().contains("nameserver() with no subnet"), none.getMessage());
  }

  @Test
  void twoRoutersOfOneStretchedSubnetAreReportedPerSubnet() {
    Report report = Checker.check(threeHosts()
        .replaceHost(host("edge").nic("eth0", "52:54:00:00:07:11")
            .nic("eth1", "52:54:00:00:07:12").leaf("l1", "lan", "mgmt", "dmz").leaf("l2", "iot")
            .address("lan").router("mgmt", "iot", "dmz").nameserver("mgmt").build())
        .build());
    assertEquals(List.of("subnet.routers"), report.problems().stream()
        .map(v -> v.id()).toList(), report::toText);
    assertTrue(report.problems().get(0).message().startsWith("Subnet 'dmz': hosts 'core'"
        + " and 'edge' both route it"), report::toText);
  }
}
