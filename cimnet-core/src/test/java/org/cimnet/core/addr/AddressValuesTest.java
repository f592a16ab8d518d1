package org.cimnet.core.addr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressValuesTest {

  @Nested
  class Ipv4 {
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.168.4.10", "255.255.255.255", "10.0.0.1"})
    void validRoundTrips(String text) {
      assertTrue(Ipv4Address.isValid(text));
      assertEquals(text, Ipv4Address.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "192.168.4", "192.168.4.256", "192.168.4.1.1", "::1",
        "::ffff:1.2.3.4", "localhost", "1.2.3.-4", " 1.2.3.4", "1.2.3.4 ", "0x1.2.3.4"})
    void invalidIsRefused(String text) {
      assertFalse(Ipv4Address.isValid(text));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Ipv4Address.parse(text));
      assertEquals("'" + text + "' is not an IPv4 address: expected four numbers 0 to 255"
          + " joined by dots, such as '192.168.1.10'", e.getMessage());
    }

    @Test
    void orderingIsUnsigned() {
      assertTrue(Ipv4Address.parse("200.0.0.1").compareTo(Ipv4Address.parse("10.0.0.1")) > 0);
      assertEquals("192.168.1.0", Ipv4Address.parse("192.168.0.255").plus(1).toString());
      assertThrows(IllegalArgumentException.class,
          () -> Ipv4Address.parse("255.255.255.255").plus(1));
    }
  }

  @Nested
  class Prefixes {
    @Test
    void hostBitsAreRejectedWithASuggestion() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Prefix.parse("192.168.4.7/24"));
      assertEquals("'192.168.4.7/24' has host bits set: did you mean '192.168.4.0/24'?",
          e.getMessage());
      assertEquals("192.168.4.0/24",
          Prefix.containing(Ipv4Address.parse("192.168.4.7"), 24).toString());
    }

    @Test
    void badLengthSaysWhatIsAllowed() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Prefix.parse("192.168.4.0/33"));
      assertEquals("'192.168.4.0/33' is not an IPv4 prefix: the length '33' must be a number"
          + " from 0 to 32", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.4.0", "192.168.4.0/", "192.168.4.0/x", "300.1.1.0/24",
        "192.168.4.0/24/1", "/24"})
    void malformedIsRefused(String text) {
      assertFalse(Prefix.isValid(text));
      assertTrue(Prefix.tryParse(text).isEmpty());
    }

    /** A block is valid at every length, 0 to 32; host bits make it invalid, not rounded. */
    @ParameterizedTest
    @ValueSource(strings = {"192.168.4.0/24", "0.0.0.0/0", "10.0.0.0/8", "192.168.4.7/32",
        "172.16.0.0/12", "255.255.255.254/31"})
    void wellFormedIsAccepted(String text) {
      assertTrue(Prefix.isValid(text));
      assertEquals(text, Prefix.tryParse(text).orElseThrow().toString());
    }

    @Test
    void hostBitsAreNotAValidPrefix() {
      assertFalse(Prefix.isValid("192.168.4.7/24"));
      assertFalse(Prefix.isValid("11.0.0.0/7"));
      assertTrue(Prefix.isValid("10.0.0.0/7"));
    }

    @Test
    void arithmetic() {
      Prefix p = Prefix.parse("192.168.0.0/21");
      assertEquals(2048, p.size());
      assertEquals("192.168.7.255", p.last().toString());
      assertEquals("255.255.248.0", p.netmask().toString());
      assertEquals("192.168.0.254", Prefix.parse("192.168.0.0/24").address(-2).toString());
      List<String> eight = StreamSupport.stream(p.subnets(24).spliterator(), false)
          .map(Prefix::toString).toList();
      assertEquals(List.of("192.168.0.0/24", "192.168.1.0/24", "192.168.2.0/24",
          "192.168.3.0/24", "192.168.4.0/24", "192.168.5.0/24", "192.168.6.0/24",
          "192.168.7.0/24"), eight);
      assertTrue(p.contains(Prefix.parse("192.168.4.0/24")));
      assertFalse(Prefix.parse("192.168.4.0/24").contains(p));
      assertTrue(p.overlaps(Prefix.parse("192.168.4.0/24")));
      assertFalse(Prefix.parse("192.168.8.0/24").overlaps(p));
      assertEquals("0.0.0.0/0", Prefix.parse("0.0.0.0/0").toString());
      assertEquals(1L << 32, Prefix.parse("0.0.0.0/0").size());
    }
  }

  @Nested
  class Macs {
    @Test
    void canonicalFormIsLowerCaseWithColons() {
      assertEquals("52:54:00:ab:cd:ef", MacAddress.parse("52-54-00-AB-CD-EF").toString());
      assertEquals("52:54:00:ab:cd:ef", MacAddress.parse("52:54:00:ab:cd:ef").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"52:54:00:zz:00:01", "52:54:00:00:01", "52:54:00:00:00:01:02",
        "5254.0000.0001", "52:54-00:00:00:01", "", "52:54:00:00:00:1"})
    void invalidIsRefused(String text) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> MacAddress.parse(text));
      assertEquals("'" + text + "' is not a MAC address: expected six pairs of hex digits joined"
          + " by ':', such as '52:54:00:12:34:56'", e.getMessage());
    }

    @Test
    void bits() {
      assertTrue(MacAddress.parse("52:54:00:00:00:01").isLocallyAdministered());
      assertTrue(MacAddress.parse("52:54:00:00:00:01").isValidUnicast());
      assertFalse(MacAddress.parse("01:00:5e:00:00:01").isUnicast());
      assertFalse(MacAddress.parse("00:00:00:00:00:00").isValidUnicast());
      assertFalse(MacAddress.parse("3c:ec:ef:6a:10:00").isLocallyAdministered());
    }
  }
}
