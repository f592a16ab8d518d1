package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Leaf;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Subnet;
import org.junit.jupiter.api.Test;

/** The facts DESIGN.md section 4 lists for the seed's CIM. */
class SeedNetworkTest {
  private final Report report = Checker.check(SeedNetwork.build());
  private final Network cim = report.network();

  @Test
  void eightSubnetsCarvedFromTheSupernet() {
    assertEquals("192.168.0.0/21", cim.supernet().toString());
    Map<String, String> cidrs = cim.subnets().stream()
        .collect(Collectors.toMap(Subnet::name, s -> s.cidr().toString(), (a, b) -> a,
            java.util.LinkedHashMap::new));
    assertEquals(Map.of("ilo", "192.168.0.0/24", "lan", "192.168.1.0/24", "comms",
        "192.168.2.0/24", "internal", "192.168.3.0/24", "dmz", "192.168.4.0/24", "agents",
        "192.168.5.0/24", "mgmt", "192.168.6.0/24", "wifi", "192.168.7.0/24"), cidrs);
    assertEquals(List.of("ilo", "lan", "comms", "internal", "dmz", "agents", "mgmt", "wifi"),
        List.copyOf(cidrs.keySet()));
    assertTrue(cim.subnet("ilo").orElseThrow().reserved());
    // Every subnet has its own VLAN: 100 plus its position in the declaration.
    assertEquals(List.of(100, 101, 102, 103, 104, 105, 106, 107),
        cim.subnets().stream().map(s -> s.vlan().getAsInt()).toList());
  }

  @Test
  void reservedRolesFollowTheConvention() {
    for (Subnet s : cim.subnets()) {
      Map<Role, ?> roles = cim.convention().roles(s.cidr());
      String base = s.cidr().network().toString().replaceAll("\\.0$", ".");
      assertEquals(base + "0", roles.get(Role.NETWORK).toString());
      assertEquals(base + "1", roles.get(Role.GATEWAY).toString());
      assertEquals(base + "254", roles.get(Role.NAMESERVER).toString());
      assertEquals(base + "255", roles.get(Role.BROADCAST).toString());
    }
  }

  @Test
  void vhostDevHasItsFourAddressesAndRoutesAndServesDns() {
    Host vhost = cim.host("vhost-dev").orElseThrow();
    assertEquals(List.of("lan=192.168.1.100", "comms=192.168.2.100", "internal=192.168.3.100",
        "dmz=192.168.4.100"), vhost.addresses().stream()
            .map(a -> a.subnet() + "=" + a.address().orElseThrow()).toList());
    assertEquals(List.of("eth0", "eth1", "eth2", "eth3"),
        vhost.nics().stream().map(n -> n.name()).toList());
    assertTrue(vhost.router() && vhost.nameserver());
    assertEquals(List.of("leaf1=[lan, wifi]", "leaf2=[comms]", "leaf3=[internal]",
        "leaf4=[dmz, agents, mgmt]"), vhost.leaves().stream()
            .map(l -> l.name() + "=" + l.subnets()).toList());
    // The router holds every carried subnet's .1 and .254 as DNS names.
    List<String> gateways = report.validated().names().stream()
        .filter(n -> n.fqdn().startsWith("gw.")).map(n -> n.fqdn() + "=" + n.address())
        .toList();
    assertEquals(List.of("gw.lan.cim.internal=192.168.1.1", "gw.comms.cim.internal=192.168.2.1",
        "gw.internal.cim.internal=192.168.3.1", "gw.dmz.cim.internal=192.168.4.1",
        "gw.agents.cim.internal=192.168.5.1", "gw.mgmt.cim.internal=192.168.6.1",
        "gw.wifi.cim.internal=192.168.7.1"), gateways);
  }

  @Test
  void spinesAndTrunksAreWiredAsTheSeedSays() {
    assertEquals(List.of("spine1:8", "spine2:8"),
        cim.spines().stream().map(s -> s.name() + ":" + s.ports()).toList());
    List<String> links = cim.links().stream().map(l -> l instanceof Link.Trunk t
        ? t.host() + "." + t.nic() + "->" + t.spine() + ":" + t.port() + " carries "
            + (t.carries().isEmpty() ? "all" : t.carries())
        : ((Link.Interconnect) l).spine() + ":" + ((Link.Interconnect) l).port() + "<->"
            + ((Link.Interconnect) l).otherSpine() + ":" + ((Link.Interconnect) l).otherPort())
        .toList();
    assertEquals(List.of("spine1:1<->spine2:1",
        "vhost-dev.eth0->spine1:2 carries all", "vhost-dev.eth1->spine1:3 carries all",
        "vhost-dev.eth2->spine2:2 carries all", "vhost-dev.eth3->spine2:3 carries all"), links);
  }

  @Test
  void everyUsedSubnetHasAContainerAndOneIsMultiHomed() {
    for (Subnet s : cim.subnets()) {
      if (!s.reserved()) {
        assertTrue(cim.containers().stream().anyMatch(c -> c.attachment(s.name()).isPresent()),
            s.name() + " has no container");
      }
    }
    assertEquals(List.of("bus"), cim.containers().stream()
        .filter(c -> c.attachments().size() > 1).map(c -> c.name()).toList());
  }

  @Test
  void theInternetIsReachedOnlyThroughLan() {
    assertEquals("203.0.113.10/24", cim.internet().orElseThrow().publicAddressText());
    assertEquals("lan", cim.internet().orElseThrow().via());
  }

  @Test
  void theSeedIsValid() {
    assertTrue(report.ok(), report.toText());
  }

  @Test
  void unusedHostAddressesStayOutOfTheRoles() {
    for (HostAddress a : cim.host("vhost-dev").orElseThrow().addresses()) {
      Subnet s = cim.subnet(a.subnet()).orElseThrow();
      assertTrue(cim.convention().roleOf(s.cidr(), a.address().orElseThrow()).isEmpty());
    }
    assertEquals(4, cim.host("vhost-dev").orElseThrow().leaves().stream().map(Leaf::name)
        .count());
  }
}
