package org.cimnet.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.Service;
import org.junit.jupiter.api.Test;

/** Address sets, port sets and service sets: the interval arithmetic the prover rests on. */
class IntervalTest {

  private static AddressSet p(String prefix) {
    return AddressSet.of(Prefix.parse(prefix));
  }

  @Test
  void addressSetsMergeAdjacentRangesAndComputeExactly() {
    AddressSet a = p("192.168.0.0/24").union(p("192.168.1.0/24"));
    assertEquals("192.168.0.0-192.168.1.255", a.toString());
    assertEquals(1, a.rangeCount());
    AddressSet holed = a.minus(p("192.168.0.128/25"));
    assertEquals("192.168.0.0-192.168.0.127,192.168.1.0-192.168.1.255", holed.toString());
    assertEquals(128 + 256, holed.size());
    assertTrue(holed.intersects(p("192.168.1.7/32")));
    assertFalse(holed.intersects(p("192.168.0.200/32")));
    assertEquals("192.168.1.0-192.168.1.255", holed.intersect(p("192.168.1.0/24")).toString());
    assertTrue(a.containsAll(holed));
    assertFalse(holed.containsAll(a));
    assertEquals("none", AddressSet.empty().toString());
    assertEquals("0.0.0.0-255.255.255.255", AddressSet.empty().complement().toString());
    assertEquals(AddressSet.ALL, AddressSet.ALL.union(p("10.0.0.0/8")));
  }

  /** Ranges that share one value meet in it: tcp/22-80 and tcp/80-65535 share port 80. */
  @Test
  void rangesSharingOneValueIntersectInIt() {
    PortSet low = PortSet.range(22, 80);
    PortSet high = PortSet.range(80, 65535);
    assertEquals("80", low.intersect(high).toString());
    assertEquals("80", high.intersect(low).toString());
    assertTrue(low.intersect(high).contains(80));
    assertEquals("", low.intersect(PortSet.range(81, 65535)).toString());
    AddressSet first = AddressSet.range(Ipv4Address.parse("10.0.0.0"),
        Ipv4Address.parse("10.0.0.128"));
    assertEquals("10.0.0.128", first.intersect(p("10.0.0.128/25")).toString());
    assertTrue(first.intersects(p("10.0.0.128/25")));
    assertFalse(first.intersects(p("10.0.0.192/26")));
  }

  /** Touching ranges merge, so a set equals every other way of writing it. */
  @Test
  void touchingRangesMergeAndEqualTheWholeRange() {
    PortSet joined = PortSet.range(1, 79).union(PortSet.range(80, 100));
    assertEquals(PortSet.range(1, 100), joined);
    assertEquals(PortSet.range(1, 100).hashCode(), joined.hashCode());
    assertEquals("1-100", joined.toString());
    assertEquals("1-79,81-100", PortSet.range(1, 79).union(PortSet.range(81, 100)).toString());
    AddressSet halves = p("10.0.0.128/25").union(p("10.0.0.0/25"));
    assertEquals(p("10.0.0.0/24"), halves);
    assertEquals(p("10.0.0.0/24").hashCode(), halves.hashCode());
    assertEquals(1, halves.rangeCount());
    assertEquals(p("10.0.0.0/30"), AddressSet.ofAddresses(List.of(Ipv4Address.parse("10.0.0.3"),
        Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2"),
        Ipv4Address.parse("10.0.0.0"))));
    assertEquals(p("10.0.0.0/24"), AddressSet.ofPrefixes(List.of(Prefix.parse("10.0.0.64/26"),
        Prefix.parse("10.0.0.0/26"), Prefix.parse("10.0.0.128/25"))));
  }

  @Test
  void theInternetIsEverythingOutsideThePrivateSpaces() {
    AddressSet internet = AddressSet.PRIVATE.complement();
    assertEquals("0.0.0.0-9.255.255.255,11.0.0.0-169.253.255.255,169.255.0.0-172.15.255.255,"
        + "172.32.0.0-192.167.255.255,192.169.0.0-255.255.255.255", internet.toString());
    assertTrue(internet.contains(Ipv4Address.parse("203.0.113.10")));
    assertFalse(internet.contains(Ipv4Address.parse("172.31.255.255")));
  }

  @Test
  void unionAllEqualsFoldedUnion() {
    List<AddressSet> sets = List.of(p("10.0.4.0/24"), p("10.0.0.0/24"), p("10.0.1.0/24"),
        p("10.0.0.128/25"), AddressSet.of(Ipv4Address.parse("10.0.2.0")));
    AddressSet folded = AddressSet.empty();
    for (AddressSet s : sets) {
      folded = folded.union(s);
    }
    assertEquals(folded, AddressSet.unionAll(sets));
    assertEquals("10.0.0.0-10.0.2.0,10.0.4.0-10.0.4.255", folded.toString());
  }

  @Test
  void portSets() {
    PortSet web = PortSet.range(80, 80).union(PortSet.range(443, 443))
        .union(PortSet.range(8000, 8080)).union(PortSet.range(81, 90));
    assertEquals("80-90,443,8000-8080", web.toString());
    assertTrue(web.contains(8080));
    assertFalse(web.contains(8081));
    assertTrue(PortSet.range(1, 65535).isAll());
    assertThrows(IllegalArgumentException.class, () -> PortSet.range(0, 10));
    assertThrows(IllegalArgumentException.class, () -> PortSet.range(10, 9));
  }

  @Test
  void serviceSetsPrintAsRulesAreWritten() {
    record Case(List<String> services, String text) {}
    for (Case c : List.of(
        new Case(List.of("tcp/80", "tcp/443"), "tcp/80,443"),
        new Case(List.of("any"), "any"),
        new Case(List.of("tcp", "udp", "icmp"), "tcp udp icmp"),
        new Case(List.of("tcp", "udp", "icmp", "tcp/22"), "tcp udp icmp"),
        new Case(List.of("udp/53", "tcp/8000-8080", "icmp"), "tcp/8000-8080 udp/53 icmp"),
        new Case(List.of("tcp/1-100", "tcp/101-65535"), "tcp"),
        new Case(List.of("icmp", "any"), "any"),
        new Case(List.of(), "-"))) {
      ServiceSet set = ServiceSet.of(c.services().stream().map(Service::parse).toList());
      assertEquals(c.text(), set.toString(), c.services().toString());
    }
  }

  @Test
  void serviceWitnessesAreTheLowestMember() {
    ServiceSet web = ServiceSet.of(List.of(Service.parse("udp/53"), Service.parse("tcp/443")));
    assertEquals(Packet.Protocol.TCP, web.witnessProtocol());
    assertEquals(443, web.witnessPort());
    ServiceSet ping = ServiceSet.of(Service.parse("icmp"));
    assertEquals(Packet.Protocol.ICMP, ping.witnessProtocol());
    assertEquals(0, ping.witnessPort());
    assertEquals("tcp/1", new Packet(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2"),
        ServiceSet.any().witnessProtocol(), ServiceSet.any().witnessPort()).service());
    assertTrue(ServiceSet.any().contains(Packet.Protocol.OTHER, 0));
    assertFalse(ServiceSet.of(Service.parse("tcp")).contains(Packet.Protocol.UDP, 53));
  }

  @Test
  void flowsRejectPortsTheirProtocolDoesNotHave() {
    Ipv4Address a = Ipv4Address.parse("10.0.0.1");
    assertThrows(IllegalArgumentException.class, () -> new Packet(a, a, Packet.Protocol.TCP, 0));
    assertThrows(IllegalArgumentException.class, () -> new Packet(a, a, Packet.Protocol.ICMP, 8));
    assertEquals("src 10.0.0.1, dst 10.0.0.1, icmp",
        new Packet(a, a, Packet.Protocol.ICMP, 0).toString());
  }
}
