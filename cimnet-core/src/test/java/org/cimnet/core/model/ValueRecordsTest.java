package org.cimnet.core.model;

import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.InterfacePlan;
import org.cimnet.core.plan.PortPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A value record refuses, when it is made, what its builder refuses: whoever makes a subnet, a
 * host or a link (the DSL, YAML, the event log, a program calling the constructor) gets the same
 * rule. Each case makes the bad value both ways and compares the messages, written out here.
 */
class ValueRecordsTest {
  private static final Prefix LAN = Prefix.parse("10.0.1.0/24");
  private static final String NAME_RULE = "use 1 to 63 lower-case letters, digits and '-',"
      + " starting with a letter and not ending with '-'";

  private static String refused(Executable make) {
    return assertThrows(IllegalArgumentException.class, make).getMessage();
  }

  @Test
  void aSubnetsVlanIsOneTo4094WhoeverMakesIt() {
    for (int bad : new int[] {0, -1, 4095, 5000}) {
      String expected = "Subnet 'lan': VLAN id '" + bad + "' is out of range: must be 1 to 4094";
      assertEquals(expected, refused(() -> subnet("lan", "10.0.1.0/24").vlan(bad)));
      assertEquals(expected, refused(() -> new Subnet("lan", LAN, OptionalInt.of(bad),
          "private", false)));
      Subnet fine = new Subnet("lan", LAN, OptionalInt.empty(), "private", false);
      assertEquals(expected, refused(() -> fine.withVlan(bad)));
    }
    assertEquals(OptionalInt.of(1), new Subnet("lan", LAN, OptionalInt.of(1), "private", false)
        .vlan());
    assertEquals(OptionalInt.of(4094), subnet("lan", "10.0.1.0/24").vlan(4094).build().vlan());
  }

  @Test
  void aSubnetsZoneIsAName() {
    assertEquals("Subnet 'lan': Zone name 'DMZ' is not valid: " + NAME_RULE,
        refused(() -> subnet("lan", "10.0.1.0/24").zone("DMZ")));
    assertEquals("Subnet 'lan': Zone name 'DMZ' is not valid: " + NAME_RULE,
        refused(() -> new Subnet("lan", LAN, OptionalInt.empty(), "DMZ", false)));
  }

  @Test
  void subnetsNamedByLeavesAddressesAndAttachmentsAreNames() {
    String bad = "Subnet name 'Lan' is not valid: " + NAME_RULE;
    assertEquals("Host 'h': leaf 'l1': " + bad, refused(() -> host("h").leaf("l1", "Lan")));
    assertEquals("Leaf 'l1': " + bad, refused(() -> new Leaf("l1", List.of("Lan"))));
    assertEquals("Host 'h': " + bad, refused(() -> host("h").address("Lan")));
    assertEquals(bad, refused(() -> new HostAddress("Lan", Optional.empty())));
    assertEquals("Container 'c': " + bad, refused(() -> docker("c").attach("Lan")));
    assertEquals(bad, refused(() -> new Attachment("Lan", Optional.empty(),
        Optional.empty())));
  }

  @Test
  void aHostDeclaresEachNicLeafAndAddressOnce() {
    Nic eth0 = new Nic("eth0", Optional.empty());
    Leaf l1 = new Leaf("l1", List.of("lan"));
    HostAddress lan = new HostAddress("lan", Optional.empty());
    assertEquals("Host 'h': NIC 'eth0' is declared twice",
        refused(() -> host("h").nic("eth0").nic("eth0")));
    assertEquals("Host 'h': NIC 'eth0' is declared twice", refused(() -> new Host("h",
        List.of(eth0, eth0), List.of(), List.of(), false, false)));
    assertEquals("Host 'h': leaf 'l1' is declared twice",
        refused(() -> host("h").leaf("l1", "lan").leaf("l1", "dmz")));
    assertEquals("Host 'h': leaf 'l1' is declared twice", refused(() -> new Host("h",
        List.of(), List.of(l1, new Leaf("l1", List.of("dmz"))), List.of(), false, false)));
    assertEquals("Host 'h': has two addresses in subnet 'lan': give it one",
        refused(() -> host("h").address("lan").address("lan")));
    assertEquals("Host 'h': has two addresses in subnet 'lan': give it one", refused(() ->
        new Host("h", List.of(), List.of(l1), List.of(lan, lan), false, false)));
  }

  @Test
  void aHostNamesEachSubnetItRoutesOrServesOnceAndByName() {
    assertEquals("Host 'h': router names subnet 'lan' twice",
        refused(() -> host("h").router("lan", "lan")));
    assertEquals("Host 'h': router names subnet 'lan' twice", refused(() -> new Host("h",
        List.of(), List.of(), List.of(), true, false, List.of("lan", "lan"), List.of())));
    assertEquals("Host 'h': nameserver: Subnet name 'L' is not valid: " + NAME_RULE,
        refused(() -> host("h").nameserver("L")));
    assertEquals("Host 'h': nameserver: Subnet name 'L' is not valid: " + NAME_RULE,
        refused(() -> new Host("h", List.of(), List.of(), List.of(), false, true, List.of(),
            List.of("L"))));
  }

  @Test
  void aContainerIsOnANamedHostAndAttachedToEachSubnetOnce() {
    Attachment lan = new Attachment("lan", Optional.empty(), Optional.empty());
    assertEquals("Container 'c': Host name 'H1' is not valid: " + NAME_RULE,
        refused(() -> docker("c").on("H1")));
    assertEquals("Container 'c': Host name 'H1' is not valid: " + NAME_RULE, refused(() ->
        new Container("c", ContainerKind.DOCKER, "H1", List.of(lan), List.of())));
    assertEquals("Container 'c': attached to subnet 'lan' twice",
        refused(() -> docker("c").attach("lan").attach("lan")));
    assertEquals("Container 'c': attached to subnet 'lan' twice", refused(() ->
        new Container("c", ContainerKind.DOCKER, "h1", List.of(lan, lan), List.of())));
    // The builder says so at build(), with the call to make; the record says what is wrong.
    assertThrows(IllegalStateException.class, () -> docker("c").on("h1").build());
    assertEquals("Container 'c': attached to no subnet", refused(() ->
        new Container("c", ContainerKind.DOCKER, "h1", List.of(), List.of())));
  }

  @Test
  void aCableNamesASpinePortFrom1To1024() {
    for (int bad : new int[] {0, -3, 1025}) {
      String port = "spine port '" + bad + "' must be 1 to 1024";
      assertEquals("Trunk 'h1.eth0': " + port,
          refused(() -> network("n").trunk("h1", "eth0", "spine1", bad)));
      assertEquals("Trunk 'h1.eth0': " + port,
          refused(() -> new Link.Trunk("h1", "eth0", "spine1", bad, List.of())));
      String self = "Interconnect 'spine1:" + bad + "-spine2:1': ";
      assertEquals(self + port, refused(() -> network("n").interconnect("spine1", bad,
          "spine2", 1)));
      assertEquals(self + port, refused(() -> new Link.Interconnect("spine1", bad, "spine2",
          1)));
      assertEquals("Device 'd': " + port, refused(() -> Device.builder("d",
          "02:00:00:00:00:01", "ilo", "lan").cable("spine1", bad)));
      assertEquals(port, refused(() -> new Device.Cable("spine1", bad)));
    }
    assertEquals(1024, new Link.Trunk("h1", "eth0", "spine1", 1024, List.of()).port());
  }

  @Test
  void aTrunkNamesItsHostNicSpineAndSubnets() {
    assertEquals("Trunk from host 'h1': NIC name 'Eth0' is not valid: use 1 to 15 characters:"
        + " a lower-case letter, then lower-case letters, digits, '_', '.' or '-'",
        refused(() -> new Link.Trunk("h1", "Eth0", "spine1", 1, List.of())));
    assertEquals("Trunk 'h1.eth0': Subnet name 'Lan' is not valid: " + NAME_RULE,
        refused(() -> network("n").trunk("h1", "eth0", "spine1", 1, "Lan")));
    assertEquals("Trunk 'h1.eth0': Subnet name 'Lan' is not valid: " + NAME_RULE,
        refused(() -> new Link.Trunk("h1", "eth0", "spine1", 1, List.of("Lan"))));
    assertEquals("Interconnect: Spine name 'S2' is not valid: " + NAME_RULE,
        refused(() -> new Link.Interconnect("spine1", 1, "S2", 1)));
  }

  @Test
  void thePublicAddressSitsInItsNetwork() {
    assertEquals("Internet: public address '198.51.100.10' is outside its network"
        + " '203.0.113.0/24': give the address with the prefix length of the network it sits"
        + " in, such as '203.0.113.10/24'", refused(() -> new Internet(
            Ipv4Address.parse("198.51.100.10"), Prefix.parse("203.0.113.0/24"),
            Ipv4Address.parse("203.0.113.1"), "lan")));
    Internet fine = Internet.of("203.0.113.10/24", "203.0.113.1", "lan");
    assertEquals(Prefix.parse("203.0.113.0/24"), fine.publicNetwork());
  }

  @Test
  void theWatchEnforcesOnNamedSubnets() {
    assertEquals("Watch: Subnet name 'Wifi' is not valid: " + NAME_RULE,
        refused(() -> Watch.builder().enforce("Wifi", "closed")));
    assertEquals("Watch: Subnet name 'Wifi' is not valid: " + NAME_RULE, refused(() ->
        new Watch(Map.of("Wifi", Watch.Enforcement.CLOSED), List.of(), 250)));
  }

  @Test
  void thePlansCarryOnlyVlanIdsAndPrefixLengthsThatExist() {
    assertEquals("Port 'p': VLAN id '4095' is out of range: must be 1 to 4094",
        refused(() -> new PortPlan("p", PortPlan.Kind.INTERNAL, 1, OptionalInt.of(4095),
            List.of(), Optional.empty(), List.of(), Optional.empty(), List.of(), "lan")));
    assertEquals("Port 'p': VLAN id '0' is out of range: must be 1 to 4094",
        refused(() -> new PortPlan("p", PortPlan.Kind.PATCH, 1, OptionalInt.empty(),
            List.of(10, 0), Optional.of("q"), List.of(), Optional.empty(), List.of(), "l1")));
    assertEquals("Bridge 'uplink': VLAN id '4095' is out of range: must be 1 to 4094",
        refused(() -> new BridgePlan("uplink", "", List.of(4095), List.of(), List.of())));
    MacAddress mac = MacAddress.parse("02:00:00:00:00:01");
    Ipv4Address address = Ipv4Address.parse("10.0.1.10");
    assertEquals("Interface 'lan': VLAN id '4095' is out of range: must be 1 to 4094",
        refused(() -> new InterfacePlan("lan", "lan", "leaf1", 4095, mac, LAN, List.of())));
    assertEquals("Prefix length 33 is out of range: must be 0 to 32", refused(() ->
        new InterfacePlan.InterfaceAddress(address, 33, InterfacePlan.Purpose.OWN)));
    assertEquals("Port 'c-web': VLAN id '0' is out of range: must be 1 to 4094",
        refused(() -> new ContainerPlan.Nic("c-web", "leaf1", 2, "lan", 0, mac, address, 24,
            Optional.empty(), Optional.empty())));
    assertEquals("Prefix length -1 is out of range: must be 0 to 32",
        refused(() -> new ContainerPlan.Nic("c-web", "leaf1", 2, "lan", 10, mac, address, -1,
            Optional.empty(), Optional.empty())));
  }
}
