package org.cimnet.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.cimnet.core.model.Nic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NIC interface names: derived outside the kernel's space, or as the user states them. */
class IfnamesTest {
  @Test
  void aNicIsNamedOutsideTheKernelsSpaceUnlessStated() {
    assertEquals("nic_eth0", Ifnames.nic(new Nic("eth0", Optional.empty())));
    assertEquals("nic_uplink0", Ifnames.nic(new Nic("uplink0", Optional.empty())));
    assertEquals("enp3s0f0", Ifnames.nic(new Nic("eth0", Optional.empty(),
        Optional.of("enp3s0f0"))));
    assertEquals("eth0", Ifnames.nic(new Nic("eth0", Optional.empty(), Optional.of("eth0"))));
  }

  /** A long NIC name keeps the prefix and a readable head, ends in a hash, and stays apart. */
  @Test
  void aLongNicNameIsShortenedStablyAndDistinctly() {
    String a = Ifnames.nic(new Nic("port-a-of-card1", Optional.empty()));
    String b = Ifnames.nic(new Nic("port-b-of-card1", Optional.empty()));
    assertEquals(Ifnames.MAX, a.length());
    assertTrue(a.startsWith("nic_port-"), a);
    assertTrue(a.matches("nic_port-[0-9a-f-]{6}"), a);
    assertNotEquals(a, b);
    assertEquals(a, Ifnames.nic(new Nic("port-a-of-card1", Optional.empty())));
    assertTrue(Ifnames.isValid(a) && !Ifnames.inKernelSpace(a));
  }

  @ParameterizedTest(name = "{0}: valid {1}, kernel space {2}")
  @CsvSource(delimiter = '|', textBlock = """
      eth0            | true  | true
      eth12           | true  | true
      wlan0           | true  | true
      usb1            | true  | true
      ib0             | true  | true
      wwan0           | true  | true
      eth             | true  | false
      ethernet0       | true  | false
      eth0.100        | true  | false
      enp3s0f0        | true  | false
      eno1            | true  | false
      nic_eth0        | true  | false
      _x              | true  | false
      WAN             | true  | false
      a.b-c_d         | true  | false
      abcdefghijklmno | true  | false
      abcdefghijklmnop| false | false
      0123            | false | false
      .hidden         | false | false
      -up             | false | false
      a b             | false | false
      a/b             | false | false
      a:b             | false | false
      a%d             | false | false
      ''              | false | false
      """)
  void validAndKernelNames(String name, boolean valid, boolean kernel) {
    assertEquals(valid, Ifnames.isValid(name), name);
    assertEquals(kernel, Ifnames.inKernelSpace(name), name);
  }
}
