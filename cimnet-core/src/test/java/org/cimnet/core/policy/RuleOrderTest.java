package org.cimnet.core.policy;

import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.junit.jupiter.api.Test;

/**
 * The prover's answers name rules in declaration order, whatever endpoint each rule opens from;
 * and the rules the input chains imply reach exactly the addresses they are for.
 */
class RuleOrderTest {
  private static Packet packet(String src, String dst, Packet.Protocol protocol, int port) {
    return new Packet(Ipv4Address.parse(src), Ipv4Address.parse(dst), protocol, port);
  }

  /**
   * A sketch (no hosts: the rules alone decide). Rules 2 to 4 open lan to dmz, from
   * zone:private (which holds lan) and from lan itself, interleaved: the counterexample is the
   * packet of the first declared (tcp/22), and it lists every rule allowing that packet in
   * declaration order.
   */
  @Test
  void aCounterexampleIsTheFirstDeclaredRulesPacketWithItsRulesInOrder() {
    Network n = network("o").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .subnet(subnet("dmz", "10.0.1.0/24").zone("dmz"))
        .subnet(subnet("internal", "10.0.2.0/24"))
        .canConnect("lan", "internal", "tcp/1")
        .canConnect("zone:private", "dmz", "tcp/22")
        .canConnect("lan", "dmz", "tcp/80")
        .canConnect("lan", "dmz", "tcp/22")
        .never("lan", "dmz")
        .build();
    List<Proof> proofs = Prover.prove(n);
    assertEquals(1, proofs.size());
    Proof proof = proofs.get(0);
    assertFalse(proof.holds());
    Hop first = proof.counterexample().orElseThrow().first();
    assertEquals("tcp/22", first.packet().service());
    assertEquals("by can_connect(zone:private, dmz, tcp/22) and can_connect(lan, dmz, tcp/22)",
        first.reason());
  }

  /**
   * Nameserver and router h holds 10.0.0.1 (gateway), 10.0.0.254 (nameserver) and 10.0.0.9 (its
   * own) in lan: lan may ask DNS of the nameserver address only, and ping every address.
   */
  @Test
  void dnsIsOpenOnTheNameserverAddressOnly() {
    Network n = network("d").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .host(Host.builder("h").router().nameserver().leaf("leaf1", "lan")
            .address("lan", "10.0.0.9"))
        .build();
    Policy policy = Policy.compile(n);
    assertTrue(policy.allows(packet("10.0.0.50", "10.0.0.254", Packet.Protocol.UDP, 53)));
    assertTrue(policy.allows(packet("10.0.0.50", "10.0.0.254", Packet.Protocol.TCP, 53)));
    assertEquals("by can_connect(lan, host:h, udp/53, tcp/53)", policy.explain(packet("10.0.0.50", "10.0.0.254", Packet.Protocol.UDP,
        53)).orElseThrow().reason());
    assertFalse(policy.allows(packet("10.0.0.50", "10.0.0.9", Packet.Protocol.UDP, 53)));
    assertFalse(policy.allows(packet("10.0.0.50", "10.0.0.1", Packet.Protocol.UDP, 53)));
    assertTrue(policy.allows(packet("10.0.0.50", "10.0.0.9", Packet.Protocol.ICMP, 0)));
    assertTrue(policy.allows(packet("10.0.0.50", "10.0.0.1", Packet.Protocol.ICMP, 0)));
  }

  /**
   * Two addresses of the internet share no subnet of the network: nothing the network says lets
   * one open to the other, and nothing explains it.
   */
  @Test
  void twoInternetAddressesShareNoSubnet() {
    Network n = network("i").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .host(Host.builder("h").router().leaf("leaf1", "lan"))
        .internet("203.0.113.10/24", "203.0.113.1", "lan")
        .canConnect("lan", "internet", "tcp/443")
        .build();
    Policy policy = Policy.compile(n);
    assertTrue(policy.allows(packet("10.0.0.50", "198.51.100.7", Packet.Protocol.TCP, 443)));
    assertFalse(policy.allows(packet("198.51.100.7", "198.51.100.8", Packet.Protocol.TCP,
        443)));
    assertTrue(policy.explain(packet("198.51.100.7", "198.51.100.8", Packet.Protocol.TCP, 443))
        .isEmpty());
  }

  /**
   * Host m carries lan and ops but holds an address in lan only (10.0.0.9): lan may ping it, ops
   * may not, though m's leaf carries ops.
   */
  @Test
  void pingReachesAHostOnlyFromSubnetsItHoldsAnAddressIn() {
    Network n = network("p").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .subnet(subnet("ops", "10.0.1.0/24"))
        .host(Host.builder("r").router().leaf("leaf1", "lan", "ops"))
        .host(Host.builder("m").leaf("leaf1", "lan", "ops").address("lan", "10.0.0.9"))
        .build();
    Policy policy = Policy.compile(n);
    assertTrue(policy.allows(packet("10.0.0.50", "10.0.0.9", Packet.Protocol.ICMP, 0)));
    assertFalse(policy.allows(packet("10.0.1.50", "10.0.0.9", Packet.Protocol.ICMP, 0)));
  }

  /**
   * h serves DNS for lan and dmz: each subnet's DNS rule reaches its own nameserver address, so
   * in the matrix dmz reaches host h on DNS and ping, and lan on nothing.
   */
  @Test
  void eachSubnetAsksDnsOfItsOwnNameserver() {
    Network n = network("d").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .subnet(subnet("dmz", "10.0.1.0/24").zone("dmz"))
        .host(Host.builder("h").router().nameserver().leaf("leaf1", "lan", "dmz"))
        .build();
    Matrix m = Matrix.of(n);
    assertTrue(m.cell("dmz", "lan").isEmpty(), () -> m.cell("dmz", "lan").text());
    assertTrue(m.cell("lan", "dmz").isEmpty(), () -> m.cell("lan", "dmz").text());
    assertEquals("tcp/53 udp/53 icmp", m.cell("dmz", "host:h").text());
    Policy policy = Policy.compile(n);
    assertTrue(policy.allows(packet("10.0.1.50", "10.0.1.254", Packet.Protocol.UDP, 53)));
    assertFalse(policy.allows(packet("10.0.1.50", "10.0.0.254", Packet.Protocol.UDP, 53)));
  }
}
