package org.cimnet.core.check;

import static org.cimnet.core.dsl.Cimnet.device;
import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cimnet.core.model.AddressConvention;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.junit.jupiter.api.Test;

/**
 * Rules whose every branch the one-fault networks of {@link InvariantsTest} do not reach: which
 * internal ports a host has, which overlap of several subnets is reported on which, and what a
 * host or subnet lacks where some hosts route and serve and others do not, the public address
 * against the first address handed out, what a validated network derives once, devices cabled
 * to the ports of an interconnect and to a spine's last port, a report's text, and address
 * conventions that only the whole IPv4 space, or nothing, fits.
 */
class CheckRulesTest {
  private static List<Problem> problems(Network network, String id) {
    return Checker.check(network).problems().stream()
        .filter(p -> p.id().equals(id)).toList();
  }

  private static Problem macTaken(String device, String mac, String subnet) {
    return new Problem("mac.duplicate", "devices[" + device + "].mac", "Device '" + device
        + "' has MAC '" + mac + "', already used by the internal port of host 'vh' in subnet '"
        + subnet + "': every MAC must be unique");
  }

  @Test
  void aHostHasAnInternalPortWhereItRoutesServesOrHoldsAnAddressOnly() {
    // vh carries four subnets: it routes lan only, serves dns for dmz only, holds an address
    // (IPAM's) in srv, and has no role in ops. The devices take the MACs vh's internal ports
    // would have in each (b2:89:5a:21:8f:73 is the port of vh in lan, and so on): the first
    // three clash with a real port, the last with none.
    Network n = network("t")
        .supernet("192.168.0.0/21")
        .subnet(subnet("lan", "192.168.1.0/24"))
        .subnet(subnet("dmz", "192.168.2.0/24").zone("dmz"))
        .subnet(subnet("srv", "192.168.3.0/24"))
        .subnet(subnet("ops", "192.168.4.0/24"))
        .spine("spine1", 8)
        .host(host("vh").nic("eth0", "3c:ec:ef:6a:10:00").leaf("leaf1", "lan", "dmz", "srv", "ops")
            .router("lan").nameserver("dmz").address("srv"))
        .trunk("vh", "eth0", "spine1", 2)
        .device(device("dlan", "b2:89:5a:21:8f:73", "ilo", "lan"))
        .device(device("ddmz", "06:ef:0b:ea:75:cf", "ilo", "dmz"))
        .device(device("dsrv", "36:16:ab:a4:a8:41", "ilo", "srv"))
        .device(device("dops", "4e:6b:58:c0:da:64", "ilo", "ops"))
        .build();
    assertEquals(List.of(
        macTaken("dlan", "b2:89:5a:21:8f:73", "lan"),
        macTaken("ddmz", "06:ef:0b:ea:75:cf", "dmz"),
        macTaken("dsrv", "36:16:ab:a4:a8:41", "srv")), problems(n, "mac.duplicate"));
  }

  private static Problem overlap(String s, String cidr, String other, String otherCidr) {
    return new Problem("subnet.overlap", "subnets[" + s + "].cidr", "Subnet '" + s
        + "': cidr '" + cidr + "' overlaps subnet '" + other + "' (" + otherCidr
        + "): subnets must not share addresses");
  }

  private static Network.Builder blocks() {
    return network("t").supernet("10.0.0.0/16");
  }

  @Test
  void blocksDeclaredOutOfAddressOrderDoNotOverlap() {
    Network n = blocks()
        .subnet(subnet("b", "10.0.1.0/24").reserved())
        .subnet(subnet("a", "10.0.0.0/24").reserved())
        .subnet(subnet("d", "10.0.3.0/24").reserved())
        .subnet(subnet("c", "10.0.2.0/24").reserved())
        .build();
    assertEquals(List.of(), problems(n, "subnet.overlap"));
  }

  @Test
  void aBlockOnTheLastAddressOfAnotherOverlapsIt() {
    Network n = blocks()
        .subnet(subnet("wide", "10.0.0.0/24").reserved())
        .subnet(subnet("last", "10.0.0.255/32").reserved())
        .subnet(subnet("next", "10.0.1.0/24").reserved())
        .build();
    assertEquals(List.of(overlap("last", "10.0.0.255/32", "wide", "10.0.0.0/24")),
        problems(n, "subnet.overlap"));
  }

  @Test
  void overlapsAreReportedInDeclarationOrderNamingTheWidestEarlierBlock() {
    // In address order: big, half (same end as big), quarter, then far and farhalf. Each later
    // block is reported once, naming the block that first covered it (big, not half).
    Network n = blocks()
        .subnet(subnet("far", "10.0.2.0/24").reserved())
        .subnet(subnet("big", "10.0.0.0/24").reserved())
        .subnet(subnet("farhalf", "10.0.2.0/25").reserved())
        .subnet(subnet("half", "10.0.0.128/25").reserved())
        .subnet(subnet("quarter", "10.0.0.192/26").reserved())
        .build();
    assertEquals(List.of(
        overlap("farhalf", "10.0.2.0/25", "far", "10.0.2.0/24"),
        overlap("half", "10.0.0.128/25", "big", "10.0.0.0/24"),
        overlap("quarter", "10.0.0.192/26", "big", "10.0.0.0/24")),
        problems(n, "subnet.overlap"));
  }

  /**
   * r routes lan and ops and serves DNS for lan; h2 holds an address in srv and serves it, but
   * nobody routes srv; h4 holds an address in ops, which r routes, but nobody serves ops; app,
   * on h2 alone, has three containers and no router.
   */
  private static Network partlyRouted() {
    return network("t")
        .supernet("192.168.0.0/21")
        .subnet(subnet("lan", "192.168.1.0/24"))
        .subnet(subnet("ops", "192.168.2.0/24"))
        .subnet(subnet("srv", "192.168.3.0/24"))
        .subnet(subnet("app", "192.168.4.0/24"))
        .spine("spine1", 8)
        .host(host("r").nic("eth0", "3c:ec:ef:6a:10:00").leaf("leaf1", "lan", "ops").router()
            .nameserver("lan"))
        .host(host("h2").nic("eth0", "3c:ec:ef:6a:20:00").leaf("leaf1", "srv", "app")
            .address("srv").nameserver("srv"))
        .host(host("h4").nic("eth0", "3c:ec:ef:6a:40:00").leaf("leaf1", "ops").address("ops"))
        .trunk("r", "eth0", "spine1", 2)
        .trunk("h2", "eth0", "spine1", 3)
        .trunk("h4", "eth0", "spine1", 4)
        .container(docker("c1").on("h2").attach("app"))
        .container(docker("c2").on("h2").attach("app"))
        .container(docker("c3").on("h2").attach("app"))
        .build();
  }

  @Test
  void anUnroutedSubnetNamesAllOfThreeContainersAndOnlyTheHostsThatCarryIt() {
    assertEquals(List.of(new Problem("subnet.unrouted", "subnets[app]", "Subnet 'app': no host"
        + " routes it, so its containers ('c1', 'c2' and 'c3') have no gateway and reach nothing"
        + " outside 'app': mark one of the hosts that carry it ('h2') router('app')")),
        problems(partlyRouted(), "subnet.unrouted"));
  }

  @Test
  void aHostLacksADefaultRouteOrAResolverWhereNoHostRoutesOrServesItsSubnets() {
    String tail = ", so after a deploy it is reachable only from a console: give it"
        + " address(\"<subnet>\") in a subnet some host routes and serves, or mark it router";
    // h2's address and nameserver address are both in srv: srv is named once.
    assertEquals(List.of(
        new Problem("host.unreachable", "hosts[h2]", "Host 'h2': no default route (no host"
            + " routes 'srv')" + tail),
        new Problem("host.unreachable", "hosts[h4]", "Host 'h4': no resolver (no host serves"
            + " DNS for a subnet where it has an address)" + tail)),
        problems(partlyRouted(), "host.unreachable"));
  }

  @Test
  void aNameserverSubnetNoLeafOfTheHostCarriesIsReported() {
    Network n = network("t")
        .supernet("192.168.0.0/21")
        .subnet(subnet("lan", "192.168.1.0/24"))
        .subnet(subnet("srv", "192.168.3.0/24"))
        .spine("spine1", 8)
        .host(host("r").nic("eth0", "3c:ec:ef:6a:10:00").leaf("leaf1", "lan").router()
            .nameserver("lan", "srv"))
        .trunk("r", "eth0", "spine1", 2)
        .build();
    assertEquals(List.of(new Problem("host.placement-not-carried", "hosts[r].nameserver[1]",
        "Host 'r': nameserver names subnet 'srv', but none of its leaves carries 'srv': add 'srv'"
            + " to a leaf of 'r', or drop it from nameserver(..)")),
        problems(n, "host.placement-not-carried"));
  }

  @Test
  void thePublicAddressClashesEvenWithTheFirstAddressOfTheFirstHost() {
    // vh's first address is the internet's public address (203.0.113.10, of InvariantsTest's
    // base): the table of addresses holds it under index 0.
    Network n = InvariantsTest.baseBuilder()
        .subnet(subnet("pub", "203.0.113.0/24").reserved())
        .replaceHost(host("vh")
            .nic("eth0", "3c:ec:ef:6a:10:00")
            .nic("eth1", "3c:ec:ef:6a:10:01")
            .leaf("leaf1", "lan")
            .leaf("leaf2", "dmz")
            .address("pub", "203.0.113.10")
            .address("lan", "192.168.1.100")
            .router()
            .nameserver()
            .build())
        .build();
    assertEquals(List.of(new Problem("address.duplicate", "internet.publicAddress",
        "Internet: public address '203.0.113.10' is already taken by host 'vh' (subnet 'pub'):"
            + " every address must be unique across the network")),
        problems(n, "address.duplicate"));
  }

  @Test
  void aValidatedNetworkDerivesItsPlansPolicyAndProofsOnceAndSharesThem() {
    Report report = Checker.check(InvariantsTest.base());
    ValidatedNetwork v = report.validated();
    // The checker's own policy, not a second compilation.
    assertSame(report.policy(), v.policy());
    assertSame(v.plans(), v.plans());
    assertEquals(List.of("vh"), List.copyOf(v.plans().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> v.plans().clear());
    assertSame(v.policy(), v.policy());
    assertSame(v.proofs(), v.proofs());
    assertThrows(UnsupportedOperationException.class, () -> v.proofs().clear());
  }

  @Test
  void aDeviceOnEitherEndOfAnInterconnectReusesItsPortAndTheLastPortExists() {
    // InvariantsTest's base: spines of 8 ports, spine1:1 and spine2:1 interconnected (links[0]).
    Network n = InvariantsTest.baseBuilder()
        .device(device("d1", "3c:ec:ef:00:00:01", "ilo", "ilo").cable("spine1", 1))
        .device(device("d2", "3c:ec:ef:00:00:02", "ilo", "ilo").cable("spine2", 1))
        .device(device("d3", "3c:ec:ef:00:00:03", "ilo", "ilo").cable("spine2", 8))
        .device(device("d4", "3c:ec:ef:00:00:04", "ilo", "ilo").cable("spine1", 9))
        .build();
    String used = "is already used by interconnect 'spine1:1-spine2:1' (links[0]): a port takes"
        + " one cable";
    assertEquals(List.of(
        new Problem("link.port-reuse", "devices[d1].port", "Device 'd1': port '1' of spine"
            + " 'spine1' " + used),
        new Problem("link.port-reuse", "devices[d2].port", "Device 'd2': port '1' of spine"
            + " 'spine2' " + used)), problems(n, "link.port-reuse"));
    assertEquals(List.of(new Problem("link.port-range", "devices[d4].port", "Device 'd4':"
        + " port '9' of spine 'spine1' does not exist: its ports are 1 to 8")),
        problems(n, "link.port-range"));
  }

  @Test
  void aReportListsEveryProblemAndOffersTheValidatedNetworkOnlyWithoutOne() {
    Report ok = Checker.check(InvariantsTest.base());
    assertTrue(ok.ok());
    assertEquals(List.of("vh"), ok.validatedIfOk().orElseThrow().network().hosts().stream()
        .map(h -> h.name()).toList());
    Report bad = Checker.check(InvariantsTest.baseBuilder()
        .subnet(subnet("far", "192.168.9.0/24").reserved())
        .subnet(subnet("farther", "192.168.10.0/24").reserved()).build());
    assertFalse(bad.validatedIfOk().isPresent());
    // Only a dangling reference or an overlap keeps the prover from running.
    assertTrue(bad.proved());
    assertEquals(List.of("2 problems", "  problem [subnet.outside-supernet] subnets[far].cidr:"
        + " Subnet 'far': cidr '192.168.9.0/24' is outside the supernet '192.168.0.0/21'",
        "  problem [subnet.outside-supernet] subnets[farther].cidr: Subnet 'farther': cidr"
        + " '192.168.10.0/24' is outside the supernet '192.168.0.0/21'"),
        bad.toText().lines().limit(3).toList());
  }

  private static String tooSmall(long gateway) {
    Network n = InvariantsTest.baseBuilder()
        .convention(new AddressConvention(gateway, -2))
        .build();
    return problems(n, "subnet.too-small").get(0).message();
  }

  @Test
  void aGatewayOffsetOf2To31FitsOnlyTheSlash0AndOf2To32FitsNoBlock() {
    // A /1 has 2^31 addresses, offsets 0 to 2^31 - 1; the /0 has 2^32.
    assertEquals("Subnet 'ilo': cidr '192.168.0.0/24' has 256 addresses, too few for the reserved"
        + " roles (network, gateway at offset 2147483648, nameserver at offset -2, broadcast) as"
        + " distinct addresses: use a /0 or larger", tooSmall(2_147_483_648L));
    assertEquals("Subnet 'ilo': cidr '192.168.0.0/24' has 256 addresses, too few for the reserved"
        + " roles (network, gateway at offset 4294967296, nameserver at offset -2, broadcast) as"
        + " distinct addresses: no IPv4 block fits them: change the address convention",
        tooSmall(4_294_967_296L));
  }

  @Test
  void aLaterBlockCoveringSeveralEarlierOnesIsReportedOnceForEachInTheirDeclarationOrder() {
    Network n = blocks()
        .subnet(subnet("high", "10.0.0.128/25").reserved())
        .subnet(subnet("low", "10.0.0.0/25").reserved())
        .subnet(subnet("whole", "10.0.0.0/24").reserved())
        .build();
    Report report = Checker.check(n);
    assertEquals(List.of(
        overlap("whole", "10.0.0.0/24", "high", "10.0.0.128/25"),
        overlap("whole", "10.0.0.0/24", "low", "10.0.0.0/25")),
        report.problems().stream().filter(p -> p.id().equals("subnet.overlap")).toList());
    assertFalse(report.proved());
    assertTrue(report.toText().lines().anyMatch(l -> l.equals("proofs: not run: every reference"
        + " must resolve and no subnets overlap first")));
  }

  @Test
  void aReportReadsProblemsThenProofsThenTheMatrix() {
    // InvariantsTest's base with a broadcast MAC on a third NIC: the base's one assertion still
    // holds, and its rules open what the matrix shows.
    Report withProof = Checker.check(InvariantsTest.withHost(
        h -> h.nic("eth2", "ff:ff:ff:ff:ff:ff")));
    assertFalse(withProof.ok());
    assertEquals("""
        1 problem
          problem [mac.not-unicast] hosts[vh].nics[eth2].mac: Host 'vh': NIC 'eth2' has MAC \
        'ff:ff:ff:ff:ff:ff', which is not a valid unicast address: a port's MAC must be unicast \
        (the lowest bit of the first octet 0) and not all zeros
        proofs:
          holds never(zone:dmz, zone:private)
        matrix (rows open connections to columns):
          from \\ to  ilo  lan  dmz      internet  host:vh
          ilo        any  -    -        -         -
          lan        -    any  -        any       tcp/22,53 udp/53 icmp
          dmz        -    -    any      -         tcp/53 udp/53 icmp
          internet   -    -    tcp/443  -         -
        """, withProof.toText());
    // Without an internet: no assertion, and web1's publish has no rule.
    Report noAssertion = Checker.check(InvariantsTest.parts().build());
    assertEquals("""
        1 problem
          problem [publish.no-rule] containers[web1].publishes[tcp/443]: Container 'web1': \
        publishes 'tcp/443', but no rule lets the internet reach it: add can_connect(internet, \
        container:web1, tcp/443), or such a rule to its subnet or zone
        proofs: no assertions
        matrix (rows open connections to columns):
          from \\ to  ilo  lan  dmz  internet  host:vh
          ilo        any  -    -    -         -
          lan        -    any  -    -         tcp/22,53 udp/53 icmp
          dmz        -    -    any  -         tcp/53 udp/53 icmp
          internet   -    -    -    -         -
        """, noAssertion.toText());
  }
}
