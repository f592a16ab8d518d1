package org.cimnet.core.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.junit.jupiter.api.Test;

/**
 * The edges of the prover's values: intervals that already arrive in order but touch, the last
 * address of IPv4 space as a segment of its own, single-element ranges and the ends of the port
 * and packet ranges. Every expected value is written out by hand.
 */
class ValueBoundariesTest {
  private static Ipv4Address ip(String text) {
    return Ipv4Address.parse(text);
  }

  private static AddressSet p(String cidr) {
    return AddressSet.of(Prefix.parse(cidr));
  }

  /** In order but touching (5 then 6) or sharing a value (5 and 5): still one interval. */
  @Test
  void intervalsInOrderThatTouchOrShareAValueAreMerged() {
    assertArrayEquals(new long[] {0, 9}, Ranges.normalise(new long[] {0, 5, 6, 9}, 2));
    assertArrayEquals(new long[] {0, 9}, Ranges.normalise(new long[] {0, 5, 5, 9}, 2));
    assertArrayEquals(new long[] {0, 5, 7, 9}, Ranges.normalise(new long[] {0, 5, 7, 9}, 2));
    assertArrayEquals(new long[] {1, 2, 4, 9}, Ranges.normalise(new long[] {1, 2, 4, 6, 7, 9},
        3));
  }

  /** The same through the public sets: addresses and blocks listed in order, side by side. */
  @Test
  void setsBuiltFromNeighboursInOrderEqualTheWholeBlock() {
    assertEquals(p("10.0.0.0/30"), AddressSet.ofAddresses(List.of(ip("10.0.0.0"),
        ip("10.0.0.1"), ip("10.0.0.2"), ip("10.0.0.3"))));
    assertEquals(p("10.0.0.0/24"), AddressSet.ofPrefixes(List.of(Prefix.parse("10.0.0.0/25"),
        Prefix.parse("10.0.0.128/25"))));
    assertEquals("10.0.0.0-10.0.0.1,10.0.0.3", AddressSet.ofAddresses(List.of(ip("10.0.0.0"),
        ip("10.0.0.1"), ip("10.0.0.3"))).toString());
  }

  /**
   * 255.255.255.255 alone is a set of its own: the index puts the set holding only it on that
   * address, not on the addresses below.
   */
  @Test
  void theLastAddressOfIpv4SpaceIsASegmentOfItsOwn() {
    SegmentIndex index = new SegmentIndex(List.of(AddressSet.of(ip("255.255.255.255")),
        p("10.0.0.0/8")));
    assertArrayEquals(new int[] {0}, index.at(ip("255.255.255.255").toLong()));
    assertArrayEquals(new int[] {}, index.at(ip("255.255.255.254").toLong()));
    assertArrayEquals(new int[] {}, index.at(ip("11.0.0.0").toLong()));
    assertArrayEquals(new int[] {1}, index.at(ip("10.255.255.255").toLong()));
    assertArrayEquals(new int[] {}, index.at(0));
    assertArrayEquals(new int[] {0}, index.meeting(p("255.255.255.0/24")));
    assertArrayEquals(new int[] {}, index.meeting(p("11.0.0.0/8")));
  }

  /** Many sets of many ranges each: every address sits in exactly the sets holding it. */
  @Test
  void anIndexOfManySetsFindsEachOfThem() {
    List<AddressSet> sets = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      AddressSet s = AddressSet.empty();
      for (int j = 0; j < 5; j++) {
        s = s.union(p("10." + i + "." + (2 * j) + ".0/24"));
      }
      sets.add(s);
    }
    SegmentIndex index = new SegmentIndex(sets);
    for (int i = 0; i < 40; i++) {
      assertArrayEquals(new int[] {i}, index.at(ip("10." + i + ".8.9").toLong()), "set " + i);
      assertArrayEquals(new int[] {}, index.at(ip("10." + i + ".9.9").toLong()), "set " + i);
    }
  }

  /** A range of one address is that address; a range that runs backwards is refused. */
  @Test
  void aRangeMayBeOneAddressButNotRunBackwards() {
    assertEquals(AddressSet.of(ip("10.0.0.5")), AddressSet.range(ip("10.0.0.5"),
        ip("10.0.0.5")));
    assertEquals("Range '10.0.0.6-10.0.0.5' runs backwards", assertThrows(
        IllegalArgumentException.class, () -> AddressSet.range(ip("10.0.0.6"), ip("10.0.0.5")))
        .getMessage());
  }

  /** Different sets are not equal, whatever their sizes. */
  @Test
  void differentSetsAreNotEqual() {
    assertNotEquals(AddressSet.of(ip("10.0.0.1")), AddressSet.of(ip("10.0.0.2")));
    assertNotEquals(p("10.0.0.0/24"), p("10.0.0.0/25"));
    assertNotEquals(PortSet.range(22, 22), PortSet.range(80, 80));
    assertNotEquals(PortSet.range(1, 100), PortSet.all());
  }

  @Test
  void allPortsAreOneTo65535() {
    PortSet all = PortSet.all();
    assertTrue(all.isAll());
    assertTrue(all.contains(1));
    assertTrue(all.contains(65535));
    assertFalse(all.contains(0));
    assertEquals("1-65535", all.toString());
    assertEquals(all, PortSet.range(1, 65535));
  }

  /** tcp and udp packets carry ports 1 to 65535; 0 and 65536 are refused with the rule. */
  @Test
  void aPacketPortIsOneTo65535() {
    assertEquals("tcp/1", new Packet(ip("10.0.0.1"), ip("10.0.0.2"), Packet.Protocol.TCP, 1)
        .service());
    assertEquals("udp/65535", new Packet(ip("10.0.0.1"), ip("10.0.0.2"), Packet.Protocol.UDP,
        65535).service());
    for (int port : new int[] {0, 65536}) {
      assertEquals("Packet port '" + port + "' is not valid for tcp: tcp and udp take 1 to 65535,"
          + " the others 0", assertThrows(IllegalArgumentException.class,
              () -> new Packet(ip("10.0.0.1"), ip("10.0.0.2"), Packet.Protocol.TCP, port))
          .getMessage());
    }
  }

  /** A path through a relay is not direct; one hop and no relay is. */
  @Test
  void aPathIsDirectOnlyWithoutRelays() {
    Hop first = new Hop(new Packet(ip("10.0.0.1"), ip("10.0.1.5"), Packet.Protocol.TCP, 80),
        List.of(), Optional.of("dmz"));
    Hop second = new Hop(new Packet(ip("10.0.1.5"), ip("10.0.2.9"), Packet.Protocol.TCP, 5432),
        List.of(), Optional.of("db"));
    assertTrue(new Path(List.of(first), List.of(), List.of("dmz")).direct());
    assertFalse(new Path(List.of(first, second), List.of("web"), List.of("dmz", "web", "db"))
        .direct());
  }
}
