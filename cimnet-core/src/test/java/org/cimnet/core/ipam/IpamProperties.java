package org.cimnet.core.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Problem;
import org.cimnet.testkit.gen.NetworkGenerator;

class IpamProperties {

  @Provide
  Arbitrary<Network> networks() {
    return Combinators.combine(Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(1, 3), Arbitraries.integers().between(26, 28),
        Arbitraries.integers().between(0, 60), Arbitraries.longs())
        .as((hosts, leaves, prefix, containers, seed) -> {
          int subnets = hosts * leaves + 2;
          // The generator's own bound (per host, counting multi-homed containers), so the
          // arbitrary never asks for a network the generator refuses.
          long capacity = NetworkGenerator.Spec.capacity(hosts, leaves, subnets, prefix, 4);
          return NetworkGenerator.generate(new NetworkGenerator.Spec(hosts, leaves, subnets,
              prefix, (int) Math.min(containers, capacity), 3, 2, 4, seed));
        });
  }

  /** Every container attachment's address, keyed by container/subnet. */
  private static Map<String, Ipv4Address> addresses(Network n) {
    Map<String, Ipv4Address> map = new HashMap<>();
    for (Container c : n.containers()) {
      for (Attachment a : c.attachments()) {
        map.put(c.name() + "/" + a.subnet(), a.address().orElseThrow());
      }
    }
    for (Host h : n.hosts()) {
      for (HostAddress a : h.addresses()) {
        map.put(h.name() + "/" + a.subnet(), a.address().orElseThrow());
      }
    }
    return map;
  }

  @Property(tries = 200)
  void neverHandsOutAReservedOrDuplicateAddress(@ForAll("networks") Network declared) {
    Ipam.Result result = Ipam.assign(declared);
    assertEquals(List.of(), result.problems());
    Network n = result.network();
    Set<Ipv4Address> seen = new HashSet<>();
    for (Map.Entry<String, Ipv4Address> e : addresses(n).entrySet()) {
      String subnetName = e.getKey().substring(e.getKey().indexOf('/') + 1);
      Subnet subnet = n.subnet(subnetName).orElseThrow();
      assertTrue(subnet.cidr().contains(e.getValue()), e + " outside " + subnet.cidr());
      assertTrue(n.convention().roleOf(subnet.cidr(), e.getValue()).isEmpty(),
          e + " is a reserved role");
      assertTrue(seen.add(e.getValue()), e + " handed out twice");
    }
  }

  @Property(tries = 200)
  void addingAContainerRenumbersNothing(@ForAll("networks") Network declared,
      @ForAll @IntRange(min = 0, max = 1000) int pick) {
    Ipam.Result first = Ipam.assign(declared);
    assertEquals(List.of(), first.problems());
    Network before = first.network();
    Subnet target = declared.subnets().get(pick % declared.subnets().size());
    Host host = declared.hosts().stream()
        .filter(h -> h.carriedSubnets().contains(target.name())).findFirst().orElseThrow();
    Network grown = declared.toBuilder().container(Container.builder(ContainerKind.LXC, "added")
        .on(host.name()).attach(target.name())).build();
    Ipam.Result after = Ipam.assign(grown, Optional.of(before));
    Map<String, Ipv4Address> old = addresses(before);
    Map<String, Ipv4Address> now = new HashMap<>();
    for (Container c : after.network().containers()) {
      for (Attachment a : c.attachments()) {
        a.address().ifPresent(ip -> now.put(c.name() + "/" + a.subnet(), ip));
      }
    }
    after.network().hosts().forEach(h -> h.addresses().forEach(
        a -> a.address().ifPresent(ip -> now.put(h.name() + "/" + a.subnet(), ip))));
    // Whether or not the newcomer fits, everything that had an address keeps it.
    old.forEach((k, v) -> assertEquals(v, now.get(k), "renumbered " + k));
    // The subnet is full exactly when every address but its four reserved roles is taken
    // (prefixes /26 to /28 hold all four).
    long taken = old.values().stream().filter(target.cidr()::contains).count();
    boolean full = taken == target.cidr().size() - 4;
    if (full) {
      assertEquals(List.of("ipam.subnet-full"),
          after.problems().stream().map(Problem::id).toList());
      assertFalse(now.containsKey("added/" + target.name()));
    } else {
      assertEquals(List.of(), after.problems());
      Ipv4Address added = now.get("added/" + target.name());
      assertTrue(target.cidr().contains(added), added + " outside " + target.cidr());
      assertFalse(old.containsValue(added), added + " handed out twice");
    }
  }

  @Provide
  Arbitrary<Network> networksWithContainers() {
    return networks().filter(n -> !n.containers().isEmpty());
  }

  @Property(tries = 200)
  void removingAContainerRenumbersNothing(@ForAll("networksWithContainers") Network declared,
      @ForAll @IntRange(min = 0, max = 1000) int pick) {
    Ipam.Result first = Ipam.assign(declared);
    assertEquals(List.of(), first.problems());
    Network before = first.network();
    String removed = declared.containers().get(pick % declared.containers().size()).name();
    Network shrunk = declared.toBuilder().removeContainer(removed).build();
    Ipam.Result after = Ipam.assign(shrunk, Optional.of(before));
    assertEquals(List.of(), after.problems());
    Map<String, Ipv4Address> now = addresses(after.network());
    Map<String, Ipv4Address> expected = new HashMap<>(addresses(before));
    expected.keySet().removeIf(k -> k.startsWith(removed + "/"));
    assertEquals(expected, now);
  }

  @Property(tries = 100)
  void assignmentIsDeterministic(@ForAll("networks") Network declared) {
    assertEquals(Ipam.assign(declared).network(), Ipam.assign(declared).network());
  }

  @Property(tries = 200)
  void derivedMacsAreStableLocalUnicastAndUnique(@ForAll("networks") Network declared) {
    Network n = Ipam.assign(declared).network();
    Set<MacAddress> seen = new HashSet<>();
    for (Host h : n.hosts()) {
      h.nics().forEach(nic -> seen.add(nic.mac().orElseThrow()));
      h.carriedSubnets().forEach(s -> assertTrue(seen.add(Macs.hostPort(h.name(), s))));
    }
    for (Container c : n.containers()) {
      for (Attachment a : c.attachments()) {
        MacAddress mac = a.mac().orElseThrow();
        assertTrue(mac.isValidUnicast() && mac.isLocallyAdministered(), mac.toString());
        assertTrue(seen.add(mac), "MAC " + mac + " given twice");
      }
    }
  }

  @Property(tries = 500)
  void macDerivationIsStable(@ForAll String key, @ForAll @IntRange(min = 0, max = 5) int attempt) {
    MacAddress mac = Macs.derive(key, attempt);
    assertEquals(mac, Macs.derive(key, attempt));
    assertTrue(mac.isUnicast() && mac.isLocallyAdministered());
  }

  @Property(tries = 50)
  void aFullSubnetIsAClearProblem(@ForAll @IntRange(min = 27, max = 30) int prefix) {
    long assignable = (1L << (32 - prefix)) - 4;
    Network.Builder b = Network.builder("full").supernet("10.0.0.0/24")
        .subnet("tiny", "10.0.0.0/" + prefix)
        .host(Host.builder("h").leaf("leaf1", "tiny"));
    for (int i = 0; i <= assignable; i++) {
      b.container(Container.builder(ContainerKind.VM, "c" + i).on("h").attach("tiny"));
    }
    Ipam.Result result = Ipam.assign(b.build());
    assertEquals(1, result.problems().size());
    // A /30 is all reserved roles: saying "all 0 assignable addresses are taken" would hide why.
    String why = assignable == 0 ? "has no address to hand out: its 4 addresses are the network,"
        + " gateway, nameserver, broadcast addresses" : "is full: all " + assignable
        + " assignable addresses are taken";
    assertEquals("Subnet 'tiny' (10.0.0.0/" + prefix + ") " + why + "; cannot place container 'c"
        + assignable + "': widen the subnet or move it", result.problems().get(0).message());
    assertEquals("ipam.subnet-full", result.problems().get(0).id());
  }

  @Property(tries = 20)
  void vlansFollowDeclarationOrderWhateverTheAddresses(
      @ForAll @IntRange(min = 1, max = 8) int count, @ForAll java.util.Random random) {
    List<Integer> blocks = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      blocks.add(i);
    }
    java.util.Collections.shuffle(blocks, random);
    Network.Builder b = Network.builder("v").supernet("192.168.0.0/21");
    for (int i = 0; i < count; i++) {
      b.subnet("s" + i, "192.168." + blocks.get(i) + ".0/24");
    }
    Network n = Ipam.assign(b.build()).network();
    for (int i = 0; i < count; i++) {
      assertEquals(100 + i, n.subnet("s" + i).orElseThrow().vlan().getAsInt());
    }
  }

  /** Mixed sizes: the /23, /26 and /27 declared first, second and third get 100, 101, 102. */
  @Example
  void vlansOfMixedSizesAreTheirPositions() {
    Network n = Ipam.assign(Network.builder("v").supernet("10.0.0.0/16")
        .subnet("big", "10.0.2.0/23").subnet("mid", "10.0.4.0/26")
        .subnet("small", "10.0.5.0/27").subnet(Subnet.builder("pinned", "10.0.6.0/24").vlan(101)).build())
        .network();
    assertEquals(100, n.subnet("big").orElseThrow().vlan().getAsInt());
    // 101 is pinned by the subnet declared last, so the second subnet takes the next free id.
    assertEquals(102, n.subnet("mid").orElseThrow().vlan().getAsInt());
    assertEquals(103, n.subnet("small").orElseThrow().vlan().getAsInt());
    assertEquals(101, n.subnet("pinned").orElseThrow().vlan().getAsInt());
  }

  @Property(tries = 20)
  void reservedRolesAreTheSeedConvention(@ForAll @IntRange(min = 0, max = 7) int third) {
    Subnet s = Subnet.builder("s", "192.168." + third + ".0/24").build();
    Map<Role, Ipv4Address> roles = Network.builder("n").supernet("192.168.0.0/21").subnet(s)
        .build().convention().roles(s.cidr());
    assertEquals("192.168." + third + ".0", roles.get(Role.NETWORK).toString());
    assertEquals("192.168." + third + ".1", roles.get(Role.GATEWAY).toString());
    assertEquals("192.168." + third + ".254", roles.get(Role.NAMESERVER).toString());
    assertEquals("192.168." + third + ".255", roles.get(Role.BROADCAST).toString());
  }
}
