package org.cimnet.core.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What IPAM leaves alone: the numbers a person declared and, given the previous assignment, the
 * numbers it handed out before. Small subnets make the one right answer certain whatever the
 * hash of a name prefers.
 */
class IpamTest {
  /** A /28: 16 addresses, of which .0, .1, .14 and .15 are the reserved roles. */
  private static Network.Builder small() {
    return Network.builder("n").supernet("10.0.0.0/24").subnet("s", "10.0.0.0/28")
        .host(Host.builder("h").leaf("leaf1", "s").address("s", "10.0.0.2"));
  }

  private static Container.Builder lxc(String name) {
    return Container.builder(ContainerKind.LXC, name).on("h");
  }

  private static Ipv4Address address(Network n, String container) {
    return n.container(container).orElseThrow().attachments().get(0).address().orElseThrow();
  }

  /** .2 is the host's; containers hold .3 to .12; only .13 is left for the newcomer. */
  @ParameterizedTest
  @ValueSource(strings = {"a", "b", "web", "newcomer", "x9"})
  void declaredAddressesAreNeverHandedOut(String newcomer) {
    Network.Builder b = small();
    for (int i = 3; i <= 12; i++) {
      b.container(lxc("c" + i).attach("s", "10.0.0." + i));
    }
    Ipam.Result result = Ipam.assign(b.container(lxc(newcomer).attach("s")).build());
    assertEquals(List.of(), result.problems());
    assertEquals("10.0.0.13", address(result.network(), newcomer).toString());
  }

  /** The previous run gave x an address; x still has none declared, so it keeps that one. */
  @Test
  void anAddressFromThePreviousRunIsKept() {
    Network declared = small().container(lxc("x").attach("s")).build();
    Ipv4Address fresh = address(Ipam.assign(declared).network(), "x");
    Ipv4Address before = Ipv4Address.parse(fresh.toString().equals("10.0.0.9") ? "10.0.0.10"
        : "10.0.0.9");
    Network previous = small().container(lxc("x").attach("s", before.toString())).build();
    assertEquals(before, address(Ipam.assign(declared, Optional.of(previous)).network(), "x"));
    // An address someone has since declared for another element is not kept.
    Network taken = small().container(lxc("x").attach("s"))
        .container(lxc("y").attach("s", before.toString())).build();
    Ipam.Result result = Ipam.assign(taken, Optional.of(previous));
    assertEquals(List.of(), result.problems());
    assertNotEquals(before, address(result.network(), "x"));
    assertEquals(before, address(result.network(), "y"));
  }

  /** The same for a host address left open, and for a container's MAC. */
  @Test
  void aHostAddressAndAMacFromThePreviousRunAreKept() {
    Network declared = Network.builder("n").supernet("10.0.0.0/24").subnet("s", "10.0.0.0/28")
        .host(Host.builder("h").leaf("leaf1", "s").address("s"))
        .container(lxc("x").attach("s")).build();
    Network fresh = Ipam.assign(declared).network();
    Ipv4Address freshHost = fresh.host("h").orElseThrow().addresses().get(0).address()
        .orElseThrow();
    String before = freshHost.toString().equals("10.0.0.5") ? "10.0.0.6" : "10.0.0.5";
    MacAddress mac = MacAddress.parse("02:00:00:00:00:42");
    assertNotEquals(mac, fresh.container("x").orElseThrow().attachments().get(0).mac()
        .orElseThrow());
    Network previous = Network.builder("n").supernet("10.0.0.0/24").subnet("s", "10.0.0.0/28")
        .host(Host.builder("h").leaf("leaf1", "s").address("s", before))
        .container(lxc("x").attach("s", "10.0.0.9", mac.toString())).build();
    Network kept = Ipam.assign(declared, Optional.of(previous)).network();
    assertEquals(before, kept.host("h").orElseThrow().addresses().get(0).address()
        .orElseThrow().toString());
    assertEquals(mac, kept.container("x").orElseThrow().attachments().get(0).mac()
        .orElseThrow());
  }

  /** A declared VLAN id is taken before any is handed out, wherever it is declared. */
  @Test
  void declaredVlansAreNeverHandedOut() {
    Network n = Ipam.assign(Network.builder("n").supernet("10.0.0.0/16")
        .subnet("first", "10.0.1.0/24").subnet("second", "10.0.2.0/24")
        .subnet(Subnet.builder("pinned", "10.0.3.0/24").vlan(100)).build()).network();
    assertEquals(101, n.subnet("first").orElseThrow().vlan().getAsInt());
    assertEquals(102, n.subnet("second").orElseThrow().vlan().getAsInt());
    assertEquals(100, n.subnet("pinned").orElseThrow().vlan().getAsInt());
  }

  /** A subnet keeps its previous VLAN id, unless a subnet now declares that id for itself. */
  @Test
  void aVlanFromThePreviousRunIsKeptUnlessDeclaredElsewhere() {
    Network previous = Network.builder("n").supernet("10.0.0.0/16")
        .subnet(Subnet.builder("a", "10.0.1.0/24").vlan(300))
        .subnet(Subnet.builder("b", "10.0.2.0/24").vlan(301)).build();
    Network declared = Network.builder("n").supernet("10.0.0.0/16")
        .subnet("a", "10.0.1.0/24").subnet("b", "10.0.2.0/24")
        .subnet(Subnet.builder("c", "10.0.3.0/24").vlan(301)).build();
    Network n = Ipam.assign(declared, Optional.of(previous)).network();
    assertEquals(300, n.subnet("a").orElseThrow().vlan().getAsInt());
    assertEquals(101, n.subnet("b").orElseThrow().vlan().getAsInt());
    assertEquals(301, n.subnet("c").orElseThrow().vlan().getAsInt());
  }
}
