package org.cimnet.core.plan;

import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.ipam.Naming.NameRecord;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.cimnet.core.plan.DnsPlan.Access;
import org.cimnet.core.plan.DnsPlan.Action;
import org.cimnet.core.plan.DnsPlan.Delegation;
import org.cimnet.core.plan.DnsPlan.Zone;
import org.cimnet.core.plan.DnsPlan.ZoneType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsPlansTest {

  /** Two nameserver hosts; a /23, two /26 in one /24, a multi-homed container. */
  static Network.Builder twoHosts() {
    return network("t").domain("t.example").supernet("10.1.0.0/22")
        .subnet(subnet("big", "10.1.0.0/23"))
        .subnet(subnet("left", "10.1.2.0/26"))
        .subnet(subnet("right", "10.1.2.64/26"))
        .host(host("a").nic("eth0", "52:54:00:00:00:01").leaf("l1", "big", "left")
            .address("big", "10.1.0.10").router().nameserver())
        .host(host("b").nic("eth0", "52:54:00:00:00:02").leaf("l2", "right")
            .router().nameserver())
        .container(lxc("web").on("a").attach("big", "10.1.1.20").attach("left", "10.1.2.20"))
        .container(lxc("db").on("b").attach("right", "10.1.2.70"));
  }

  @Nested
  class ReverseZones {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.168.4.0/24  | 192.168.4.0/24",
        "192.168.0.0/16  | 192.168.0.0/16",
        "10.0.0.0/8      | 10.0.0.0/8",
        "192.168.0.0/23  | 192.168.0.0/24 192.168.1.0/24",
        "172.16.0.0/15   | 172.16.0.0/16 172.17.0.0/16",
        "192.168.4.64/26 | 192.168.4.0/24",
        "192.168.4.8/30  | 192.168.4.0/24",
        "192.168.4.9/32  | 192.168.4.0/24"})
    void blocksAreOctetAligned(String cidr, String blocks) {
      assertEquals(List.of(blocks.split(" ")), DnsPlans.reverseBlocks(Prefix.parse(cidr))
          .stream().map(Prefix::toString).toList());
    }

    @Test
    void aSlash21IsEightSlash24Zones() {
      assertEquals(8, DnsPlans.reverseBlocks(Prefix.parse("192.168.0.0/21")).size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.168.4.0/24 | 4.168.192.in-addr.arpa",
        "172.16.0.0/16  | 16.172.in-addr.arpa",
        "10.0.0.0/8     | 10.in-addr.arpa"})
    void zoneNames(String block, String name) {
      assertEquals(name, DnsPlans.reverseZoneName(Prefix.parse(block)));
    }

    @Test
    void aZoneNameNeedsAnOctetAlignedBlock() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> DnsPlans.reverseZoneName(Prefix.parse("192.168.4.0/23")));
      assertEquals("Reverse zone block '192.168.4.0/23' must be a /8, /16 or /24",
          e.getMessage());
    }

    @Test
    void ptrNames() {
      assertEquals("10.3.168.192.in-addr.arpa",
          DnsPlans.reverseName(Ipv4Address.parse("192.168.3.10")));
    }
  }

  @Nested
  class Plans {
    @Test
    void eachNameserverHoldsTheRecordsOfItsOwnSubnets() {
      Map<String, DnsPlan> plans = Checker.validate(twoHosts().build()).dnsPlans();
      assertEquals(List.of("a", "b"), List.copyOf(plans.keySet()));
      DnsPlan a = plans.get("a");
      DnsPlan b = plans.get("b");
      assertEquals(List.of("127.0.0.1", "10.1.1.254", "10.1.2.62"),
          a.interfaces().stream().map(Ipv4Address::toString).toList());
      assertEquals(List.of(new Access(Prefix.parse("127.0.0.0/8"), Action.ALLOW),
          new Access(Prefix.parse("10.1.0.0/23"), Action.ALLOW),
          new Access(Prefix.parse("10.1.2.0/26"), Action.ALLOW),
          new Access(Prefix.parse("0.0.0.0/0"), Action.REFUSE)), a.access());
      assertEquals(List.of("127.0.0.1", "10.1.2.126"),
          b.interfaces().stream().map(Ipv4Address::toString).toList());
      assertEquals(Optional.of(Ipv4Address.parse("10.1.1.254")), a.outgoing());
      assertEquals(List.of(Ipv4Address.parse("10.1.2.126")), a.peers());
      assertEquals(List.of(Ipv4Address.parse("10.1.1.254")), b.peers());
      assertEquals(List.of("t.example", "0.1.10.in-addr.arpa", "1.1.10.in-addr.arpa",
          "2.1.10.in-addr.arpa", "3.1.10.in-addr.arpa"), a.insecure());
      assertEquals(List.of(new Zone("", ZoneType.REFUSE), new Zone("t.example", ZoneType.STATIC),
          new Zone("right.t.example", ZoneType.TRANSPARENT),
          new Zone("0.1.10.in-addr.arpa", ZoneType.STATIC),
          new Zone("1.1.10.in-addr.arpa", ZoneType.STATIC),
          new Zone("2.1.10.in-addr.arpa", ZoneType.STATIC)), a.zones());
      assertEquals(List.of(new Delegation("right.t.example",
          List.of(Ipv4Address.parse("10.1.2.126")))), a.delegations());
      assertEquals(List.of(
          "gw.big.t.example 10.1.0.1 1.0.1.10.in-addr.arpa",
          "ns.big.t.example 10.1.1.254 254.1.1.10.in-addr.arpa",
          "a.big.t.example 10.1.0.10 10.0.1.10.in-addr.arpa",
          "web.big.t.example 10.1.1.20 20.1.1.10.in-addr.arpa",
          "gw.left.t.example 10.1.2.1 1.2.1.10.in-addr.arpa",
          "ns.left.t.example 10.1.2.62 62.2.1.10.in-addr.arpa",
          "web.left.t.example 10.1.2.20 20.2.1.10.in-addr.arpa"),
          a.records().stream().map(r -> r.name() + " " + r.address() + " " + r.reverseName())
              .toList());
      assertEquals(10, a.pointers().size(), "the shared 2.1.10 block holds b's PTRs too");
      assertEquals(List.of("gw.right.t.example", "ns.right.t.example", "db.right.t.example"),
          b.records().stream().map(DnsPlan.Record::name).toList());
      // b holds the shared /24 whole (left's PTRs too), and reaches big's blocks through a.
      assertEquals(List.of("ns.left.t.example", "web.left.t.example", "gw.left.t.example",
          "gw.right.t.example", "ns.right.t.example", "db.right.t.example").stream().sorted()
          .toList(),
          b.pointers().stream().map(DnsPlan.Record::name).sorted().toList());
      assertEquals(List.of(new Zone("", ZoneType.REFUSE), new Zone("t.example", ZoneType.STATIC),
          new Zone("big.t.example", ZoneType.TRANSPARENT),
          new Zone("left.t.example", ZoneType.TRANSPARENT),
          new Zone("0.1.10.in-addr.arpa", ZoneType.TRANSPARENT),
          new Zone("1.1.10.in-addr.arpa", ZoneType.TRANSPARENT),
          new Zone("2.1.10.in-addr.arpa", ZoneType.STATIC)), b.zones());
      Ipv4Address big = Ipv4Address.parse("10.1.1.254");
      assertEquals(List.of(new Delegation("big.t.example", List.of(big)),
          new Delegation("left.t.example", List.of(Ipv4Address.parse("10.1.2.62"))),
          new Delegation("0.1.10.in-addr.arpa", List.of(big)),
          new Delegation("1.1.10.in-addr.arpa", List.of(big))), b.delegations());
      assertSame(a.zones().get(1), b.zones().get(1), "zones are shared instances");
    }

    @Test
    void aNameserverBeyondTheTwoHubsAsksTheHubs() {
      Network n = twoHosts()
          .subnet(subnet("far", "10.1.3.0/24"))
          .host(host("c").nic("eth0", "52:54:00:00:00:03").leaf("l3", "far").router()
              .nameserver())
          .build();
      DnsPlan c = Checker.validate(n).dnsPlans().get("c");
      List<Ipv4Address> hubs = List.of(Ipv4Address.parse("10.1.1.254"),
          Ipv4Address.parse("10.1.2.126"));
      assertEquals(List.of(new Zone("", ZoneType.REFUSE),
          new Zone("t.example", ZoneType.TRANSPARENT), new Zone("far.t.example",
          ZoneType.STATIC), new Zone("0.1.10.in-addr.arpa", ZoneType.TRANSPARENT),
          new Zone("1.1.10.in-addr.arpa", ZoneType.TRANSPARENT),
          new Zone("2.1.10.in-addr.arpa", ZoneType.TRANSPARENT),
          new Zone("3.1.10.in-addr.arpa", ZoneType.STATIC)), c.zones());
      assertEquals(List.of(new Delegation("t.example", hubs),
          new Delegation("0.1.10.in-addr.arpa", hubs), new Delegation("1.1.10.in-addr.arpa",
              hubs), new Delegation("2.1.10.in-addr.arpa", hubs)), c.delegations());
      assertEquals(List.of("gw.far.t.example", "ns.far.t.example"),
          c.records().stream().map(DnsPlan.Record::name).toList());
      DnsPlan a = Checker.validate(n).dnsPlans().get("a");
      assertEquals(new Delegation("far.t.example", List.of(Ipv4Address.parse("10.1.3.254"))),
          a.delegations().get(1));
    }

    @Test
    void forwardersReplaceTheRefusedRoot() {
      List<Ipv4Address> upstream = List.of(Ipv4Address.parse("9.9.9.9"));
      DnsPlan a = Checker.validate(twoHosts().build()).dnsPlans(upstream).get("a");
      assertEquals(upstream, a.forwarders());
      assertEquals(new Zone("t.example", ZoneType.STATIC), a.zones().get(0));
      assertEquals(List.of(), Checker.validate(network("t").domain("t.example")
          .supernet("10.1.2.0/24").subnet(subnet("left", "10.1.2.0/26"))
          .host(host("a").nic("eth0", "52:54:00:00:00:01").leaf("l1", "left").nameserver())
          .build()).dnsPlans(upstream).get("a").delegations(), "one nameserver delegates nothing");
    }

    @Test
    void aZoneReachingOutsideTheSupernetIsTransparent() {
      Network n = network("t").domain("t.example").supernet("10.1.2.0/25")
          .subnet(subnet("left", "10.1.2.0/26"))
          .host(host("a").nic("eth0", "52:54:00:00:00:01").leaf("l1", "left").nameserver())
          .build();
      assertEquals(new Zone("2.1.10.in-addr.arpa", ZoneType.TRANSPARENT),
          Checker.validate(n).dnsPlans().get("a").zones().get(2));
    }
  }

  @Nested
  class OneNameOneAddress {
    private final NameRecord web = new NameRecord("web.lan.x", Ipv4Address.parse("10.0.0.5"),
        "lan", Naming.Owner.CONTAINER, "web");

    @Test
    void theSameNameAndAddressTwiceIsNoConflict() {
      NameRecord ns = new NameRecord("ns.lan.x", Ipv4Address.parse("10.0.0.254"), "lan",
          Naming.Owner.NAMESERVER, "a");
      NameRecord ns2 = new NameRecord("ns.lan.x", Ipv4Address.parse("10.0.0.254"), "lan",
          Naming.Owner.NAMESERVER, "b");
      assertEquals(List.of(), DnsPlans.conflicts(List.of(ns, ns2)));
    }

    @Test
    void anAddressWithTwoNamesFailsThePlan() {
      NameRecord other = new NameRecord("db.lan.x", web.address(), "lan",
          Naming.Owner.CONTAINER, "db");
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> DnsPlans.records(List.of(web, other), List.of(Prefix.parse("10.0.0.0/24"))));
      assertEquals("DNS names are not one to one (1 conflicts), first: Address '10.0.0.5' has"
          + " two names, 'web.lan.x' and 'db.lan.x': an address has exactly one PTR, so it may"
          + " have one name only", e.getMessage());
    }

    @Test
    void aNameWithTwoAddressesFailsThePlan() {
      NameRecord other = new NameRecord("web.lan.x", Ipv4Address.parse("10.0.0.6"), "lan",
          Naming.Owner.HOST, "web");
      assertEquals(List.of(new DnsPlans.Conflict(
          DnsPlans.Conflict.Kind.NAME_WITH_TWO_ADDRESSES, web, other)),
          DnsPlans.conflicts(List.of(web, other)));
    }

    @Test
    void anAddressOutsideEveryReverseZoneFailsThePlan() {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> DnsPlans.records(List.of(web), List.of(Prefix.parse("10.0.1.0/24"))));
      assertEquals("Address '10.0.0.5' of 'web.lan.x' lies in no subnet's reverse zone, so its"
          + " PTR would not be served", e.getMessage());
    }

    @Test
    void theCheckerReportsAnElementNamingOneAddressTwice() {
      // The router's own address is its gateway address: 'a.big' and 'gw.big' for 10.1.0.1.
      Network n = network("t").domain("t.example").supernet("10.1.0.0/22")
          .subnet(subnet("big", "10.1.0.0/23"))
          .host(host("a").nic("eth0", "52:54:00:00:00:01").leaf("l1", "big")
              .address("big", "10.1.0.1").router())
          .build();
      Report report = Checker.check(n);
      assertEquals(List.of(new Problem("dns.ptr", "hosts[a].addresses[big]",
          "Address '10.1.0.1' has two names, 'gw.big.t.example' and 'a.big.t.example': an"
              + " address has exactly one PTR, so it may have one name only")),
          report.problems().stream().filter(v -> v.id().startsWith("dns.")).toList());
    }

    @Test
    void theCheckerReportsANameGivenToTwoElements() {
      Network n = twoHosts().container(lxc("gw").on("a").attach("big", "10.1.0.30")).build();
      Report report = Checker.check(n);
      // One fault, one problem id: name.duplicate reports it; the DNS rules stay silent.
      assertEquals(List.of(new Problem("name.duplicate", "containers[gw].attachments[big]",
          "Name 'gw.big.t.example' of container 'gw' in subnet 'big' is already the name of the"
              + " gateway of subnet 'big' (host 'a'): every DNS name must be unique; rename one"
              + " of them")), report.problems());
    }

    @Test
    void aValidNetworkHasNoDnsProblems() {
      assertEquals(List.of(), Checker.check(twoHosts().build()).problems());
    }
  }
}
