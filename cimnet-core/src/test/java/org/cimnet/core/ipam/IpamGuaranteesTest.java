package org.cimnet.core.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.cimnet.core.model.Subnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What IPAM promises beyond "no duplicates": what the previous run handed out is kept only while
 * the element still leaves it open, and what it gives up is free for others; a MAC already held
 * anywhere is never derived again; a host that routes nothing gets a management address.
 *
 * <p>Where an expected address or MAC depends on the hash of a name, the literal was computed
 * with a separately written MurmurHash3 x64 128 (seed 0, checked against the reference vector of
 * "The quick brown fox jumps over the lazy dog"): the first choice of key {@code k} in a subnet of
 * {@code n} addresses is offset {@code floorMod(h1(k), n)}, moving up to the next free one; a MAC
 * is the low 48 bits of {@code h1(k)} (or of {@code h1(k + "#" + attempt)}) with the group bit
 * cleared and the local bit set. Elsewhere small subnets leave one right answer.
 */
class IpamGuaranteesTest {
  /** x's first MAC choice in subnet s: key "container/x/s". */
  private static final MacAddress X_FIRST = MacAddress.parse("1a:e3:4d:93:a7:49");
  /** x's second choice, when the first is held: key "container/x/s#1". */
  private static final MacAddress X_SECOND = MacAddress.parse("72:cc:f9:24:93:43");

  private static Container.Builder lxc(String name) {
    return Container.builder(ContainerKind.LXC, name).on("h");
  }

  /** A /28 on host h: .0, .1, .14 and .15 are the reserved roles, .2 to .13 assignable. */
  private static Network.Builder slash28() {
    return Network.builder("n").supernet("10.0.0.0/16").subnet("s", "10.0.0.0/28");
  }

  /** Containers c{from}..c{to} fixed at 10.0.0.{from}..10.0.0.{to}. */
  private static Network.Builder fill(Network.Builder b, int from, int to) {
    for (int i = from; i <= to; i++) {
      b.container(lxc("c" + i).attach("s", "10.0.0." + i));
    }
    return b;
  }

  private static Attachment attachment(Network n, String container) {
    return n.container(container).orElseThrow().attachments().get(0);
  }

  private static List<HostAddress> addresses(Network n, String host) {
    return n.host(host).orElseThrow().addresses();
  }

  private static HostAddress at(String subnet, String address) {
    return new HostAddress(subnet, Optional.of(Ipv4Address.parse(address)));
  }

  // --- The previous run's numbers: kept per subnet, released when no longer open ---

  /**
   * Host h has a fixed address in s and an open one in t; whichever of t's four assignable
   * addresses the previous run gave it, it keeps that one (its other, fixed address in another
   * subnet does not make t look fixed).
   */
  @ParameterizedTest
  @ValueSource(strings = {"10.0.1.2", "10.0.1.3", "10.0.1.4", "10.0.1.5"})
  void aHostKeepsItsPreviousAddressInASubnetBesideAFixedOneInAnother(String before) {
    Network.Builder common = Network.builder("n").supernet("10.0.0.0/16")
        .subnet("s", "10.0.0.0/28").subnet("t", "10.0.1.0/29");
    Network declared = common.host(Host.builder("h").leaf("leaf1", "s", "t")
        .address("s", "10.0.0.2").address("t")).build();
    Network previous = Network.builder("n").supernet("10.0.0.0/16")
        .subnet("s", "10.0.0.0/28").subnet("t", "10.0.1.0/29")
        .host(Host.builder("h").leaf("leaf1", "s", "t").address("s", "10.0.0.2")
            .address("t", before)).build();
    Ipam.Result result = Ipam.assign(declared, Optional.of(previous));
    assertEquals(List.of(), result.problems());
    assertEquals(List.of(at("s", "10.0.0.2"), at("t", before)),
        addresses(result.network(), "h"));
  }

  /**
   * The previous run gave host h .13; h now declares .2 for itself, and .3 to .12 are fixed, so
   * the newcomer x can only get .13: an address a host gave up for a fixed one is not held back.
   */
  @Test
  void anAddressAHostGaveUpForAFixedOneIsFreeForOthers() {
    Network previous = fill(slash28().host(Host.builder("h").leaf("leaf1", "s")
        .address("s", "10.0.0.13")), 3, 12).build();
    Network declared = fill(slash28().host(Host.builder("h").leaf("leaf1", "s")
        .address("s", "10.0.0.2")), 3, 12).container(lxc("x").attach("s")).build();
    Ipam.Result result = Ipam.assign(declared, Optional.of(previous));
    assertEquals(List.of(), result.problems());
    assertEquals(List.of(at("s", "10.0.0.2")), addresses(result.network(), "h"));
    assertEquals(Ipv4Address.parse("10.0.0.13"),
        attachment(result.network(), "x").address().orElseThrow());
  }

  /** The same for a container: y had .13 from the previous run and now declares .3. */
  @Test
  void anAddressAContainerGaveUpForAFixedOneIsFreeForOthers() {
    Network.Builder prev = slash28().host(Host.builder("h").leaf("leaf1", "s")
        .address("s", "10.0.0.2")).container(lxc("y").attach("s", "10.0.0.13"));
    Network previous = fill(prev, 4, 12).build();
    Network.Builder now = slash28().host(Host.builder("h").leaf("leaf1", "s")
        .address("s", "10.0.0.2")).container(lxc("y").attach("s", "10.0.0.3"));
    Network declared = fill(now, 4, 12).container(lxc("x").attach("s")).build();
    Ipam.Result result = Ipam.assign(declared, Optional.of(previous));
    assertEquals(List.of(), result.problems());
    assertEquals(Ipv4Address.parse("10.0.0.3"),
        attachment(result.network(), "y").address().orElseThrow());
    assertEquals(Ipv4Address.parse("10.0.0.13"),
        attachment(result.network(), "x").address().orElseThrow());
  }

  /**
   * The previous run gave y the MAC that is x's first choice; y now declares a MAC of its own,
   * so that MAC is free again and the newcomer x gets its first choice.
   */
  @Test
  void aMacAContainerGaveUpForAFixedOneIsFreeForOthers() {
    Network previous = slash28().host(Host.builder("h").leaf("leaf1", "s"))
        .container(lxc("y").attach("s", "10.0.0.3", X_FIRST.toString())).build();
    Network declared = slash28().host(Host.builder("h").leaf("leaf1", "s"))
        .container(lxc("y").attach("s", "10.0.0.3", "02:00:00:00:00:01"))
        .container(lxc("x").attach("s")).build();
    Network n = Ipam.assign(declared, Optional.of(previous)).network();
    assertEquals(MacAddress.parse("02:00:00:00:00:01"), attachment(n, "y").mac().orElseThrow());
    assertEquals(X_FIRST, attachment(n, "x").mac().orElseThrow());
  }

  // --- MACs: derived from the name, never one already held ---

  /** The derivation is part of what a running network depends on: it must not drift. */
  @Test
  void derivedMacsAreTheHashOfTheirKey() {
    assertEquals(X_FIRST, Macs.derive("container/x/s", 0));
    assertEquals(X_SECOND, Macs.derive("container/x/s", 1));
    assertEquals(MacAddress.parse("26:b6:b4:4b:4a:dd"), Macs.hostPort("h", "s"));
  }

  @Test
  void aContainerWithoutAMacGetsItsFirstChoice() {
    Network n = Ipam.assign(slash28().host(Host.builder("h").leaf("leaf1", "s"))
        .container(lxc("x").attach("s")).build()).network();
    assertEquals(X_FIRST, attachment(n, "x").mac().orElseThrow());
  }

  /** A host NIC holds x's first choice (the inventory's MAC), so x gets its second. */
  @Test
  void aMacHeldByAHostNicIsNeverDerivedForAContainer() {
    Network n = Ipam.assign(slash28().host(Host.builder("h").nic("eth0", X_FIRST.toString())
        .leaf("leaf1", "s")).container(lxc("x").attach("s")).build()).network();
    assertEquals(X_SECOND, attachment(n, "x").mac().orElseThrow());
  }

  /** Container y declares x's first choice as its own MAC, so x gets its second. */
  @Test
  void aMacDeclaredByAnotherContainerIsNeverDerivedForAContainer() {
    Network n = Ipam.assign(slash28().host(Host.builder("h").leaf("leaf1", "s"))
        .container(lxc("y").attach("s", "10.0.0.3", X_FIRST.toString()))
        .container(lxc("x").attach("s")).build()).network();
    assertEquals(X_FIRST, attachment(n, "y").mac().orElseThrow());
    assertEquals(X_SECOND, attachment(n, "x").mac().orElseThrow());
  }

  // --- Management addresses: for hosts that route nothing and declare no address ---

  /**
   * Subnets lan (private), far, ops2 and ops (management, in that order); host m carries lan, ops
   * and ops2 (leaf order) but not far: its address is in ops2, the first management subnet
   * declared among those it carries. Its first choice there (key "host/m/ops2", 16 addresses)
   * is offset 10. The router r carries ops and gets no address.
   */
  @Test
  void aHostThatRoutesNothingGetsAnAddressInTheFirstManagementSubnetItCarries() {
    Network n = Ipam.assign(managementNetwork(false)
        .host(Host.builder("m").leaf("leaf1", "lan", "ops", "ops2"))
        .host(Host.builder("r").router().leaf("leaf1", "ops"))
        .host(Host.builder("f").router().leaf("leaf1", "far")).build()).network();
    assertEquals(List.of(at("ops2", "10.0.2.10")), addresses(n, "m"));
    assertEquals(List.of(), addresses(n, "r"));
  }

  /** A reserved subnet carries no traffic yet: the host's address goes to the next one, ops. */
  @Test
  void aReservedManagementSubnetIsPassedOver() {
    Network n = Ipam.assign(managementNetwork(true)
        .host(Host.builder("m").leaf("leaf1", "lan", "ops", "ops2")).build()).network();
    // key "host/m/ops" in 16 addresses: offset 5.
    assertEquals(List.of(at("ops", "10.0.3.5")), addresses(n, "m"));
  }

  /** A host that declares an address of its own (here an open one in lan) gets no other. */
  @Test
  void aHostWithADeclaredAddressGetsNoManagementAddress() {
    Network n = Ipam.assign(managementNetwork(false)
        .host(Host.builder("m").leaf("leaf1", "lan", "ops").address("lan", "10.0.0.7"))
        .build()).network();
    assertEquals(List.of(at("lan", "10.0.0.7")), addresses(n, "m"));
  }

  /** A host that carries no management subnet keeps no address (the checker says so). */
  @Test
  void aHostCarryingNoManagementSubnetGetsNoAddress() {
    Network n = Ipam.assign(managementNetwork(false)
        .host(Host.builder("m").leaf("leaf1", "lan")).build()).network();
    assertEquals(List.of(), addresses(n, "m"));
  }

  /**
   * The management subnet is a /30, all reserved roles: the problem names the host, and the host
   * still lists the management subnet it needs an address in.
   */
  @Test
  void aFullManagementSubnetIsAProblemNamingTheHost() {
    Ipam.Result result = Ipam.assign(Network.builder("n").supernet("10.0.0.0/16")
        .subnet(Subnet.builder("ops", "10.0.1.0/30").zone("management"))
        .host(Host.builder("m").leaf("leaf1", "ops")).build());
    assertEquals(List.of(new Problem("ipam.subnet-full", "subnets[ops]", "Subnet 'ops'"
        + " (10.0.1.0/30) has no address to hand out: its 4 addresses are the network, gateway,"
        + " nameserver, broadcast addresses; cannot place host 'm': widen the subnet or move it")),
        result.problems());
    assertEquals(List.of(new HostAddress("ops", Optional.empty())),
        addresses(result.network(), "m"));
  }

  private static Network.Builder managementNetwork(boolean ops2Reserved) {
    Subnet.Builder ops2 = Subnet.builder("ops2", "10.0.2.0/28").zone("management");
    return Network.builder("n").supernet("10.0.0.0/16")
        .subnet("lan", "10.0.0.0/24")
        .subnet(Subnet.builder("far", "10.0.1.0/28").zone("management"))
        .subnet(ops2Reserved ? ops2.reserved() : ops2)
        .subnet(Subnet.builder("ops", "10.0.3.0/28").zone("management"));
  }

  // --- VLANs: the last free id, and none left ---

  /** Subnets d{first}..d{last} declaring VLANs first to last, each a /24 of 10.0.0.0/8. */
  private static Network.Builder declaredVlans(int first, int last) {
    Network.Builder b = Network.builder("v").supernet("10.0.0.0/8");
    for (int id = first; id <= last; id++) {
      b.subnet(Subnet.builder("d" + id, "10." + (id / 256) + "." + (id % 256) + ".0/24")
          .vlan(id));
    }
    return b;
  }

  /** 2 to 4093 are declared: the open subnet gets 4094, the last id there is. */
  @Test
  void theLastVlanIdIsHandedOutWhenItIsTheOnlyOneFree() {
    Ipam.Result result = Ipam.assign(declaredVlans(2, 4093).subnet("open", "10.100.0.0/24")
        .build());
    assertEquals(List.of(), result.problems());
    assertEquals(4094, result.network().subnet("open").orElseThrow().vlan().getAsInt());
  }

  /** 3 to 4094 are declared: past 4094 the search wraps round to 2 (1 is never handed out). */
  @Test
  void theSearchForAFreeVlanWrapsRoundToTwo() {
    Ipam.Result result = Ipam.assign(declaredVlans(3, 4094).subnet("open", "10.100.0.0/24")
        .build());
    assertEquals(List.of(), result.problems());
    assertEquals(2, result.network().subnet("open").orElseThrow().vlan().getAsInt());
  }

  /** 2 to 4094 are declared: VLAN 1 stays untouched and the open subnet is a problem. */
  @Test
  void noFreeVlanIsAProblemNamingTheSubnet() {
    Ipam.Result result = Ipam.assign(declaredVlans(2, 4094).subnet("open", "10.100.0.0/24")
        .build());
    assertEquals(List.of(new Problem("ipam.vlans-exhausted", "subnets[open].vlan",
        "Subnet 'open': no VLAN id is free: all of 2 to 4094 are taken")), result.problems());
    assertTrue(result.network().subnet("open").orElseThrow().vlan().isEmpty());
  }

  // --- Blocks wider than a /8: IPAM works in their first 16,777,216 addresses ---

  /**
   * Subnet big is a /7 (33,554,432 addresses, so public): IPAM tracks only its first 2^24. x's
   * previous address 13.0.0.0 is the first one past them, so it is not kept (IPAM could not
   * tell whether it is still free); x is numbered anew inside 12.0.0.0/8.
   */
  @Test
  void aPreviousAddressPastTheFirst2To24OfAHugeBlockIsNotKept() {
    Network previous = huge().container(lxc("x").attach("big", "13.0.0.0")).build();
    Network declared = huge().container(lxc("x").attach("big")).build();
    Ipam.Result result = Ipam.assign(declared, Optional.of(previous));
    assertEquals(List.of(), result.problems());
    Ipv4Address x = attachment(result.network(), "x").address().orElseThrow();
    assertTrue(Prefix.parse("12.0.0.0/8").contains(x), x::toString);
  }

  private static Network.Builder huge() {
    return Network.builder("n").publicSupernet().supernet("12.0.0.0/6")
        .subnet("big", "12.0.0.0/7").host(Host.builder("h").leaf("leaf1", "big"));
  }
}
