package org.cimnet.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cimnet.core.dsl.Cimnet;
import org.junit.jupiter.api.Test;

/**
 * Finding 6: a NUL anywhere was reported at 1:1 without naming it; a complex key leaked the
 * parser's class names; a refused name's newline or U+202E was copied raw into the message (so
 * a hostile name could forge report lines) and a no-break space was quoted invisibly.
 */
class MessagesTest {
  private static final String HEAD = "name: x\nsupernet: 10.0.0.0/8\n";

  private static String report(String networkYaml) {
    return NetworkYaml.read(networkYaml, "").toText();
  }

  private static String subnetNamed(String quotedName) {
    return HEAD + "subnets:\n  - name: " + quotedName + "\n    cidr: 10.0.0.0/24\n";
  }

  @Test
  void aControlCharacterIsReportedWhereItIsAndNamed() {
    assertEquals("""
        2 problems:
          network.yaml:1:8: character U+0000 (NUL) is not allowed in YAML: remove it, or write\
         it as an escape inside double quotes
          network.yaml:3:3: character U+0007 (BEL) is not allowed in YAML: remove it, or write\
         it as an escape inside double quotes
        """, report("name: x\0y\nsupernet: 10.0.0.0/8\nx:\u0007\n"));
  }

  @Test
  void aComplexKeySaysWhatAKeyIsWithoutTheParsersClassNames() {
    assertEquals("1 problem:\n  network.yaml:3:4: a key here is a list: keys are plain names"
        + " such as 'subnets'\n", report(HEAD + "? [a, b]\n: c\n"));
    assertEquals("1 problem:\n  network.yaml:3:4: a key here is a mapping: keys are plain names"
        + " such as 'subnets'\n", report(HEAD + "? {a: b}\n: c\n"));
  }

  @Test
  void aNewlineInANameIsEscapedNamedAndPlacedSoItCannotForgeALine() {
    String text = report(subnetNamed("\"a\\n  network.yaml:1:1: all good\""));
    assertEquals("1 problem:\n  network.yaml:4:11: subnets[0].name: Subnet name 'a\\n "
        + " network.yaml:1:1: all good' is not valid: character 2, U+000A (LINE FEED), is not"
        + " allowed; use 1 to 63 lower-case letters, digits and '-', starting with a letter and"
        + " not ending with '-'\n", text);
    assertEquals(2, text.lines().count());
  }

  @Test
  void aRightToLeftOverrideAndANoBreakSpaceAreShownAsEscapes() {
    assertEquals("1 problem:\n  network.yaml:4:11: subnets[0].name: Subnet name 'web\\u202e1'"
        + " is not valid: character 4, U+202E (RIGHT-TO-LEFT OVERRIDE), is not allowed; use 1 to"
        + " 63 lower-case letters, digits and '-', starting with a letter and not ending with"
        + " '-'\n", report(subnetNamed("\"web\\u202e1\"")));
    assertEquals("1 problem:\n  network.yaml:4:11: subnets[0].name: Subnet name 'web\\u00a01'"
        + " is not valid: character 4, U+00A0 (NO-BREAK SPACE), is not allowed; use 1 to 63"
        + " lower-case letters, digits and '-', starting with a letter and not ending with '-'\n",
        report(subnetNamed("\"web\u00a01\"")));
    // A key is quoted the same way.
    assertEquals("1 problem:\n  network.yaml:3:1: a\\u202eb: unknown key 'a\\u202eb': allowed"
        + " here: name, domain, supernet, public_supernet, convention, subnets, hosts, links,"
        + " containers, internet, rules, assertions, watch\n",
        report(HEAD + "\"a\\u202eb\": 1\n"));
  }

  @Test
  void theDslEscapesTheValuesItQuotes() {
    assertEquals("Subnet name 'dmz\\n' is not valid: character 4, U+000A (LINE FEED), is not"
        + " allowed; use 1 to 63 lower-case letters, digits and '-', starting with a letter and"
        + " not ending with '-'", assertThrows(IllegalArgumentException.class,
            () -> Cimnet.subnet("dmz\n", "10.0.0.0/24")).getMessage());
    assertEquals("Rule can_connect(lan\\u202e, dmz): Endpoint 'lan\\u202e' is not valid",
        assertThrows(IllegalArgumentException.class, () -> Cimnet.network("n")
            .canConnect("lan\u202e", "dmz", "tcp/80")).getMessage().replaceFirst(" \\(.*", ""));
    assertEquals("'10.0.0.1\\t' is not an IPv4 address: expected four numbers 0 to 255 joined"
        + " by dots, such as '192.168.1.10'", assertThrows(IllegalArgumentException.class,
            () -> org.cimnet.core.addr.Ipv4Address.parse("10.0.0.1\t")).getMessage());
  }
}
