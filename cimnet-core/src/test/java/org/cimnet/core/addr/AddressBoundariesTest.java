package org.cimnet.core.addr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The first and last of everything the address values count: offsets, splits, iteration. */
class AddressBoundariesTest {
  private static final Prefix SLASH24 = Prefix.parse("10.0.0.0/24");

  private static List<String> split(Prefix p, int length) {
    return StreamSupport.stream(p.subnets(length).spliterator(), false).map(Prefix::toString)
        .toList();
  }

  /** Offsets 0 to 255 count from the network address, -1 to -256 from the broadcast. */
  @Test
  void everyOffsetInsideTheBlockIsAnAddressOfIt() {
    assertEquals("10.0.0.0", SLASH24.address(0).toString());
    assertEquals("10.0.0.255", SLASH24.address(255).toString());
    assertEquals("10.0.0.255", SLASH24.address(-1).toString());
    assertEquals("10.0.0.0", SLASH24.address(-256).toString());
  }

  @Test
  void anOffsetPastEitherEndIsRefused() {
    IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
        () -> SLASH24.address(256));
    assertEquals("Offset 256 is outside 10.0.0.0/24 (256 addresses)", past.getMessage());
    IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
        () -> SLASH24.address(-257));
    assertEquals("Offset -257 is outside 10.0.0.0/24 (256 addresses)", before.getMessage());
  }

  /** A block splits into itself and, at the other end, into single addresses. */
  @Test
  void aBlockSplitsAtItsOwnLengthAndAt32() {
    Prefix p = Prefix.parse("10.0.0.0/30");
    assertEquals(List.of("10.0.0.0/30"), split(p, 30));
    assertEquals(List.of("10.0.0.0/32", "10.0.0.1/32", "10.0.0.2/32", "10.0.0.3/32"),
        split(p, 32));
  }

  @Test
  void aSplitShorterThanTheBlockOrPast32IsRefused() {
    Prefix p = Prefix.parse("10.0.0.0/30");
    assertEquals("Cannot split 10.0.0.0/30 into /29 blocks: the length must be 30 to 32",
        assertThrows(IllegalArgumentException.class, () -> p.subnets(29)).getMessage());
    assertEquals("Cannot split 10.0.0.0/30 into /33 blocks: the length must be 30 to 32",
        assertThrows(IllegalArgumentException.class, () -> p.subnets(33)).getMessage());
  }

  /** Iterators end where the block ends: one more next() is an error, not the next block. */
  @Test
  void iterationStopsAtTheLastAddressAndTheLastBlock() {
    Iterator<Ipv4Address> addresses = Prefix.parse("10.0.0.0/31").addresses().iterator();
    assertEquals("10.0.0.0", addresses.next().toString());
    assertEquals("10.0.0.1", addresses.next().toString());
    assertFalse(addresses.hasNext());
    assertThrows(NoSuchElementException.class, addresses::next);
    Iterator<Prefix> blocks = Prefix.parse("10.0.0.0/23").subnets(24).iterator();
    assertEquals("10.0.0.0/24", blocks.next().toString());
    assertEquals("10.0.1.0/24", blocks.next().toString());
    assertFalse(blocks.hasNext());
    assertThrows(NoSuchElementException.class, blocks::next);
  }

  /** checkLength hands back a valid length, 0 and 32 included, and refuses -1 and 33. */
  @Test
  void aPrefixLengthIsZeroTo32() {
    assertEquals(0, Prefix.checkLength(0));
    assertEquals(24, Prefix.checkLength(24));
    assertEquals(32, Prefix.checkLength(32));
    assertEquals("Prefix length -1 is out of range: must be 0 to 32",
        assertThrows(IllegalArgumentException.class, () -> Prefix.checkLength(-1)).getMessage());
    assertEquals("Prefix length 33 is out of range: must be 0 to 32",
        assertThrows(IllegalArgumentException.class, () -> Prefix.checkLength(33)).getMessage());
  }

  /** "/24" has a slash but no address: the message says the address part is what is wrong. */
  @Test
  void aPrefixWithoutAnAddressSaysSo() {
    assertEquals("'/24' is not an IPv4 prefix: '' is not an IPv4 address",
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("/24")).getMessage());
    assertEquals("'10.0.0.0' is not an IPv4 prefix: expected address/length, such as"
        + " '192.168.4.0/24'",
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("10.0.0.0"))
            .getMessage());
  }

  /** plus reaches 0.0.0.0 and 255.255.255.255 but never wraps past them. */
  @Test
  void additionReachesBothEndsOfTheAddressSpace() {
    assertEquals("0.0.0.0", Ipv4Address.parse("0.0.0.1").plus(-1).toString());
    assertEquals("255.255.255.255", Ipv4Address.parse("255.255.255.254").plus(1).toString());
    assertEquals("Adding -1 to 0.0.0.0 leaves IPv4 space",
        assertThrows(IllegalArgumentException.class,
            () -> Ipv4Address.parse("0.0.0.0").plus(-1)).getMessage());
  }

  /** Network byte order: most significant first, as a socket or a packet carries it. */
  @Test
  void bytesAreInNetworkOrder() {
    assertArrayEquals(new byte[] {(byte) 192, (byte) 168, 4, 10},
        Ipv4Address.parse("192.168.4.10").toBytes());
    assertArrayEquals(new byte[] {(byte) 255, 0, 0, 1}, Ipv4Address.parse("255.0.0.1").toBytes());
  }

  @Test
  void aMacIsSixPairsOfHexDigits() {
    assertTrue(MacAddress.isValid("02:00:00:00:00:01"));
    assertFalse(MacAddress.isValid("02:00:00:00:00"));
    assertFalse(MacAddress.isValid("02:00:00:00:00:0g"));
  }

  /** A block contains itself and its halves, not its parent. */
  @Test
  void aBlockContainsItselfButNotALongerBlockAroundIt() {
    Prefix p = Prefix.parse("10.0.0.0/24");
    assertTrue(p.contains(Prefix.parse("10.0.0.0/24")));
    assertTrue(p.contains(Prefix.parse("10.0.0.128/25")));
    assertFalse(p.contains(Prefix.parse("10.0.0.0/23")));
  }

  /** offsetOf is address(offset) read backwards, and refuses an address outside. */
  @Test
  void anAddressIsItsOffsetFromTheNetworkAddress() {
    assertEquals(0, SLASH24.offsetOf(Ipv4Address.parse("10.0.0.0")));
    assertEquals(200, SLASH24.offsetOf(Ipv4Address.parse("10.0.0.200")));
    assertEquals("10.0.1.0 is not in 10.0.0.0/24", assertThrows(IllegalArgumentException.class,
        () -> SLASH24.offsetOf(Ipv4Address.parse("10.0.1.0"))).getMessage());
  }

  /** Blocks order by network address, then the shorter first; MACs by value. */
  @Test
  void orderIsByAddressThenLength() {
    assertEquals(List.of("10.0.0.0/23", "10.0.0.0/24", "10.0.1.0/24", "192.168.0.0/16"),
        Stream.of("192.168.0.0/16", "10.0.1.0/24", "10.0.0.0/24", "10.0.0.0/23")
            .map(Prefix::parse).sorted().map(Prefix::toString).toList());
    assertTrue(MacAddress.parse("02:00:00:00:00:02")
        .compareTo(MacAddress.parse("02:00:00:00:00:01")) > 0);
    assertTrue(MacAddress.parse("02:00:00:00:00:01")
        .compareTo(MacAddress.parse("02:00:00:00:00:02")) < 0);
  }

  /** A MAC value is 48 bits: 0 and 2^48 - 1 are MACs, -1 and 2^48 are not. */
  @Test
  void aMacValueIs48Bits() {
    assertEquals("00:00:00:00:00:00", new MacAddress(0).toString());
    assertEquals("ff:ff:ff:ff:ff:ff", new MacAddress(0xFFFF_FFFF_FFFFL).toString());
    assertThrows(IllegalArgumentException.class, () -> new MacAddress(-1));
    assertThrows(IllegalArgumentException.class, () -> new MacAddress(1L << 48));
  }
}
