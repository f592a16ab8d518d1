package org.cimnet.render.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NftStringsTest {
  @ParameterizedTest
  @ValueSource(strings = {"lan", "ve-bus.1", "eth0", "a_b", "x123456789012345"})
  void interfaceNamesAreQuoted(String name) {
    if (name.length() > 15) {
      assertThrows(IllegalArgumentException.class, () -> NftStrings.ifname(name));
    } else {
      assertEquals("\"" + name + "\"", NftStrings.ifname(name));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\"b", "a b", "a\nb", "a\\b", "${x}", "a;b", "a}b", "", "a#b",
      "a'b", "\u00e9t"})
  void hostileInterfaceNamesAreRefused(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NftStrings.ifname(name));
    assertEquals("Interface name '" + name + "' cannot be written in nftables: use 1 to 15"
        + " letters, digits, '_', '.' or '-'", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"zone_a-b", "cimnet_filter", "fwd_ports_24_32", "_x"})
  void identifiersPassBare(String name) {
    assertEquals(name, NftStrings.identifier(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1a", "a.b", "a b", "a\"", "a\n", "", "-a", "a{", "@a", "a$b"})
  void hostileIdentifiersAreRefused(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NftStrings.identifier(name));
    assertEquals("nftables name '" + name + "' is not valid: use a letter or '_', then up to"
        + " 62 letters, digits, '_' or '-'", e.getMessage());
  }

  @Test
  void commentsStayOnOneLine() {
    assertEquals("# a b c d", NftStrings.comment("a\nb\rc\td"));
    assertEquals("# can_connect(lan, internet)", NftStrings.comment("can_connect(lan, internet)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a;b", "$(x)", "`x`", "a\"b", "a'b", "[a]", "*", "a\nb", ""})
  void bashRefusesWordsItWouldChange(String word) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Bash.word(word));
    assertEquals("'" + word + "' cannot be passed to bash unquoted: use letters, digits, '_',"
        + " '.', ':', ',' or '-'", e.getMessage());
  }

  @Test
  void ovsStringsKeepTheirQuotesThroughBash() {
    assertEquals("\\\"52:54:00:aa:bb:cc\\\"", Bash.ovsString("52:54:00:aa:bb:cc"));
  }

  @Test
  void deviceUnitsAreSystemdEscaped() {
    assertEquals("sys-subsystem-net-devices-eth0.device", SystemdNames.device("eth0"));
    assertEquals("sys-subsystem-net-devices-en\\x2dp1.x.device", SystemdNames.device("en-p1.x"));
  }
}
