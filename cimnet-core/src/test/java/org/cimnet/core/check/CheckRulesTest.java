package org.cimnet.core.check;

import static org.cimnet.core.dsl.Cimnet.device;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Violation;
import org.junit.jupiter.api.Test;

/**
 * Rules whose every branch the one-fault networks of {@link InvariantsTest} do not reach: which
 * internal ports a host has, and which overlap of several subnets is reported on which.
 */
class CheckRulesTest {
  private static List<Violation> violations(Network network, String rule) {
    return Checker.check(network).violations().stream()
        .filter(v -> v.rule().equals(rule)).toList();
  }

  private static Violation macTaken(String device, String mac, String subnet) {
    return new Violation("mac.duplicate", "devices[" + device + "].mac", "Device '" + device
        + "' has MAC '" + mac + "', already used by the internal port of host 'vh' in subnet '"
        + subnet + "': every MAC must be unique");
  }

  @Test
  void aHostHasAnInternalPortWhereItRoutesServesOrHoldsAnAddressOnly() {
    // vh carries four subnets: it routes lan only, serves dns for dmz only, holds an address
    // (IPAM's) in srv, and has no role in ops. The devices take the MACs vh's internal ports
    // would have in each (b2:89:5a:21:8f:73 is the port of vh in lan, and so on): the first
    // three clash with a real port, the last with none.
    Network n = network("t")
        .supernet("192.168.0.0/21")
        .subnet(subnet("lan", "192.168.1.0/24"))
        .subnet(subnet("dmz", "192.168.2.0/24").zone("dmz"))
        .subnet(subnet("srv", "192.168.3.0/24"))
        .subnet(subnet("ops", "192.168.4.0/24"))
        .spine("spine1", 8)
        .host(host("vh").nic("eth0", "3c:ec:ef:6a:10:00").leaf("leaf1", "lan", "dmz", "srv", "ops")
            .router("lan").nameserver("dmz").address("srv"))
        .trunk("vh", "eth0", "spine1", 2)
        .device(device("dlan", "b2:89:5a:21:8f:73", "ilo", "lan"))
        .device(device("ddmz", "06:ef:0b:ea:75:cf", "ilo", "dmz"))
        .device(device("dsrv", "36:16:ab:a4:a8:41", "ilo", "srv"))
        .device(device("dops", "4e:6b:58:c0:da:64", "ilo", "ops"))
        .build();
    assertEquals(List.of(
        macTaken("dlan", "b2:89:5a:21:8f:73", "lan"),
        macTaken("ddmz", "06:ef:0b:ea:75:cf", "dmz"),
        macTaken("dsrv", "36:16:ab:a4:a8:41", "srv")), violations(n, "mac.duplicate"));
  }

  private static Violation overlap(String s, String cidr, String other, String otherCidr) {
    return new Violation("subnet.overlap", "subnets[" + s + "].cidr", "Subnet '" + s
        + "': cidr '" + cidr + "' overlaps subnet '" + other + "' (" + otherCidr
        + "): subnets must not share addresses");
  }

  private static Network.Builder blocks() {
    return network("t").supernet("10.0.0.0/16");
  }

  @Test
  void blocksDeclaredOutOfAddressOrderDoNotOverlap() {
    Network n = blocks()
        .subnet(subnet("b", "10.0.1.0/24").reserved())
        .subnet(subnet("a", "10.0.0.0/24").reserved())
        .subnet(subnet("d", "10.0.3.0/24").reserved())
        .subnet(subnet("c", "10.0.2.0/24").reserved())
        .build();
    assertEquals(List.of(), violations(n, "subnet.overlap"));
  }

  @Test
  void aBlockOnTheLastAddressOfAnotherOverlapsIt() {
    Network n = blocks()
        .subnet(subnet("wide", "10.0.0.0/24").reserved())
        .subnet(subnet("last", "10.0.0.255/32").reserved())
        .subnet(subnet("next", "10.0.1.0/24").reserved())
        .build();
    assertEquals(List.of(overlap("last", "10.0.0.255/32", "wide", "10.0.0.0/24")),
        violations(n, "subnet.overlap"));
  }

  @Test
  void overlapsAreReportedInDeclarationOrderNamingTheWidestEarlierBlock() {
    // In address order: big, half (same end as big), quarter, then far and farhalf. Each later
    // block is reported once, naming the block that first covered it (big, not half).
    Network n = blocks()
        .subnet(subnet("far", "10.0.2.0/24").reserved())
        .subnet(subnet("big", "10.0.0.0/24").reserved())
        .subnet(subnet("farhalf", "10.0.2.0/25").reserved())
        .subnet(subnet("half", "10.0.0.128/25").reserved())
        .subnet(subnet("quarter", "10.0.0.192/26").reserved())
        .build();
    assertEquals(List.of(
        overlap("farhalf", "10.0.2.0/25", "far", "10.0.2.0/24"),
        overlap("half", "10.0.0.128/25", "big", "10.0.0.0/24"),
        overlap("quarter", "10.0.0.192/26", "big", "10.0.0.0/24")),
        violations(n, "subnet.overlap"));
  }
}
