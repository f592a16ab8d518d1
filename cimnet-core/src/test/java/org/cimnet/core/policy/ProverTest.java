package org.cimnet.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.dsl.Cimnet;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.junit.jupiter.api.Test;

/** The prover, explain and the matrix on the seed's shape, with exact texts. */
class ProverTest {

  private static final String SEED_MATRIX = """
      from \\ to  ilo  lan  comms        internal     dmz         agents  mgmt  wifi  internet  host:vhost-dev
      ilo        any  -    -            -            -           -       -     -     -         -
      lan        -    any  -            -            -           -       -     -     any       tcp/53 udp/53 icmp
      comms      -    -    any          any via bus  any         -       -     -     -         tcp/53 udp/53 icmp
      internal   -    -    any via bus  any          any         -       -     -     -         tcp/53 udp/53 icmp
      dmz        -    -    -            -            any         -       -     -     -         tcp/53 udp/53 icmp
      agents     -    -    -            -            -           any     -     -     -         tcp/53 udp/53 icmp
      mgmt       -    -    -            -            -           -       any   -     -         tcp/22,53 udp/53 icmp
      wifi       -    -    -            -            -           -       -     any   -         tcp/53 udp/53 icmp
      internet   -    -    -            -            tcp/80,443  -       -     -     -         -
      """;

  private static Network concrete(Network declared) {
    return Ipam.assign(declared).network();
  }

  @Test
  void theSeedsFourAssertionsHold() {
    Report report = Checker.check(SeedShape.build());
    assertTrue(report.ok(), report::toText);
    assertTrue(report.proved());
    assertEquals(List.of(
        "holds never(zone:dmz, zone:private)",
        "holds never(zone:dmz, zone:management)",
        "holds never(internet, zone:private)",
        "holds never(internet, zone:management)"),
        report.proofs().stream().map(Proof::toText).toList());
  }

  @Test
  void sshFromDmzIntoInternalBreaksTheDmzAssertion() {
    Report report = Checker.check(SeedShape.builder()
        .canConnect("dmz", "internal", "tcp/22").build());
    assertEquals(List.of(new Problem("policy.assertion", "assertions[0]",
        "Assertion 'never(zone:dmz, zone:private)': violated by src 192.168.4.2, dst 192.168.3.2,"
            + " tcp/22, allowed by can_connect(dmz, internal, tcp/22); path: dmz -> internal")),
        report.problems());
    // A violated assertion fails the report and does not hold.
    assertFalse(report.ok());
    assertTrue(report.validatedIfOk().isEmpty());
    Proof proof = report.proofs().get(0);
    assertEquals(Proof.Status.VIOLATED, proof.status());
    assertFalse(proof.holds());
    assertTrue(report.proofs().get(1).holds());
    Proof skipped = new Proof(proof.assertion(), 0, Proof.Status.SKIPPED,
        java.util.Optional.empty(), "zone 'x' has no subnets");
    assertFalse(skipped.holds(), "a skipped assertion is not proven");
    Path path = proof.counterexample().orElseThrow();
    assertEquals("src 192.168.4.2, dst 192.168.3.2, tcp/22", path.first().packet().toString());
    assertEquals("can_connect(dmz, internal, tcp/22)", path.first().rules().get(0).toString());
    assertTrue(path.direct());
    // The other three still hold.
    assertEquals(List.of(Proof.Status.VIOLATED, Proof.Status.HOLDS, Proof.Status.HOLDS,
        Proof.Status.HOLDS), report.proofs().stream().map(Proof::status).toList());
  }

  @Test
  void aContainerOnDmzAndCommsIsAPathAndTheReportShowsTheChain() {
    Report report = Checker.check(SeedShape.builder()
        .container(Cimnet.lxc("relay").on("vhost-dev").attach("dmz", "192.168.4.30")
            .attach("comms", "192.168.2.30"))
        .build());
    assertEquals(List.of(
        "[policy.assertion] assertions[0]: Assertion 'never(zone:dmz, zone:private)': violated"
            + " by src 192.168.4.2, dst 192.168.4.30, tcp/1, allowed inside subnet 'dmz'; path:"
            + " dmz -> relay (dmz, comms) -> comms",
        "[policy.assertion] assertions[2]: Assertion 'never(internet, zone:private)': violated"
            + " by src 1.0.0.0, dst 192.168.4.30, tcp/80, allowed by can_connect(internet, dmz,"
            + " tcp/80, tcp/443); path: internet -> relay (dmz, comms) -> comms"),
        report.problems().stream().map(Problem::toString).toList());
    Path path = report.proofs().get(0).counterexample().orElseThrow();
    assertEquals(List.of("relay"), path.relays());
    assertEquals(List.of("dmz", "relay (dmz, comms)", "comms"), path.chain());
    assertEquals("src 192.168.2.30, dst 192.168.2.2, tcp/1, allowed inside subnet 'comms'",
        path.hops().get(1).toString());
  }

  @Test
  void chainsAreFollowedThroughSeveralRelays() {
    // dmz -> r1 (dmz, agents) -> r2 (agents, wifi): wifi is two relays away.
    Network n = SeedShape.builder()
        .container(Cimnet.lxc("r1").on("vhost-dev").attach("dmz", "192.168.4.31")
            .attach("agents", "192.168.5.31"))
        .container(Cimnet.lxc("r2").on("vhost-dev").attach("agents", "192.168.5.32")
            .attach("wifi", "192.168.7.32"))
        .never("dmz", "wifi")
        .build();
    Proof proof = Prover.prove(concrete(n)).get(4);
    assertEquals("violated never(dmz, wifi): src 192.168.4.2, dst 192.168.4.31, tcp/1, allowed"
        + " inside subnet 'dmz'; path: dmz -> r1 (dmz, agents) -> r2 (agents, wifi) -> wifi",
        proof.toText());
  }

  @Test
  void theSeedsMatrix() {
    Report report = Checker.check(SeedShape.build());
    assertEquals(SEED_MATRIX, report.matrix().toText());
    Matrix matrix = report.matrix();
    assertEquals("tcp/80,443", matrix.cell("internet", "dmz").text());
    assertEquals("-", matrix.cell("dmz", "internal").text());
    assertEquals("any via bus", matrix.cell("comms", "internal").text());
    assertEquals(List.of("bus"), matrix.cell("comms", "internal").relay().stream().toList());
    assertEquals(List.of("lan", "internet", "host:vhost-dev"),
        matrix.row("lan").stream().map(Matrix.Cell::to).toList());
  }

  @Test
  void hostServicesReachTheHostsOwnAddressesAndNothingElseDoes() {
    Network n = concrete(SeedShape.build());
    Policy policy = Policy.compile(n);
    // The management zone may ssh to every address of the host (default host service)...
    assertTrue(policy.allows(packet("192.168.6.20", "192.168.6.1", 22)));
    assertTrue(policy.allows(packet("192.168.6.20", "192.168.4.1", 22)));
    // ...on ssh only, and dmz may not: being in the host's subnet opens nothing on the host.
    assertFalse(policy.allows(packet("192.168.6.20", "192.168.6.1", 8080)));
    assertFalse(policy.allows(packet("192.168.4.20", "192.168.4.1", 22)));
    assertFalse(policy.allows(packet("192.168.4.20", "192.168.4.100", 22)));
    // A rule into dmz does not reach the host's dmz addresses: forwarding is not the host.
    assertFalse(policy.allows(packet("192.168.2.20", "192.168.4.1", 22)));
    assertTrue(policy.allows(packet("192.168.2.20", "192.168.4.20", 22)));
    assertEquals("""
        mgmt -> host:vhost-dev: tcp/22,53 udp/53 icmp
          by can_connect(zone:management, host:vhost-dev, tcp/22)
          by can_connect(mgmt, host:vhost-dev, icmp)
          by can_connect(mgmt, host:vhost-dev, udp/53, tcp/53)
        """, Prover.explain(n, "mgmt", "host:vhost-dev").toText());
  }

  @Test
  void aHostServiceFromDmzBreaksANeverAboutTheHost() {
    Network n = concrete(SeedShape.builder().deployFrom("lan")
        .never("zone:dmz", "host:vhost-dev").never("wifi", "host:vhost-dev").build());
    List<Proof> proofs = Prover.prove(n);
    // dmz pings and asks the host's DNS: the host is not out of dmz's reach.
    assertEquals(Proof.Status.VIOLATED, proofs.get(4).status());
    Network ssh = concrete(SeedShape.builder().canConnect("wifi", "host:vhost-dev", "tcp/22")
        .never("wifi", "host:vhost-dev").build());
    assertEquals("violated never(wifi, host:vhost-dev): src 192.168.7.2, dst 192.168.1.1,"
        + " tcp/22, allowed by can_connect(wifi, host:vhost-dev, tcp/22); path: wifi ->"
        + " host:vhost-dev", Prover.prove(ssh).get(4).toText());
    // The subnet the operator deploys from may ssh, as the management zone may.
    assertEquals("tcp/53 udp/53 icmp", Matrix.of(concrete(SeedShape.build()))
        .cell("wifi", "host:vhost-dev").text());
    assertEquals("tcp/22,53 udp/53 icmp", Matrix.of(concrete(SeedShape.builder()
        .deployFrom("wifi").build())).cell("wifi", "host:vhost-dev").text());
  }

  private static Packet packet(String src, String dst, int port) {
    return new Packet(org.cimnet.core.addr.Ipv4Address.parse(src),
        org.cimnet.core.addr.Ipv4Address.parse(dst), Packet.Protocol.TCP, port);
  }

  @Test
  void theMatrixMarksWhatARelayAddsToADirectRule() {
    Report report = Checker.check(SeedShape.builder()
        .canConnect("dmz", "internal", "tcp/22").build());
    assertEquals("tcp/22; any via bus", report.matrix().cell("dmz", "internal").text());
    assertEquals("any via bus", report.matrix().cell("dmz", "comms").text());
  }

  @Test
  void theSeedsReportText() {
    // ilo is reserved (no leaf carries it yet), so the seed's mgmt -> ilo rule is a warning;
    // the seed declares no forwarders, so its hosts resolve nothing on the internet.
    assertEquals("""
        OK: no problems
          warning [internet.no-forwarders] internet.forwarders: Internet: no forwarders are\
         declared, so every nameserver refuses the names outside 'cim.internal' and the\
         supernet's reverse zones: the hosts themselves (binary cache, NTP, updates) and every\
         container resolve nothing on the internet; declare the upstream resolvers in the\
         internet, such as forwarders: [9.9.9.9, 149.112.112.112]
          warning [rule.reserved-subnet] rules[4].to: Rule can_connect(mgmt, ilo): subnet 'ilo'\
         is reserved, so no leaf carries it yet: the rule takes effect once it is
        proofs:
          holds never(zone:dmz, zone:private)
          holds never(zone:dmz, zone:management)
          holds never(internet, zone:private)
          holds never(internet, zone:management)
        matrix (rows open connections to columns):
        """ + SEED_MATRIX.indent(2), Checker.check(SeedShape.build()).toText());
  }

  @Test
  void explainSaysWhichServicesByWhichRuleOrThroughWhichChain() {
    Network n = concrete(SeedShape.build());
    assertEquals("""
        internet -> dmz: tcp/80,443
          by can_connect(internet, dmz, tcp/80, tcp/443)
        """, Prover.explain(n, "internet", "dmz").toText());
    assertEquals("""
        comms -> internal: any via bus
          through comms -> bus (comms, internal) -> internal
        """, Prover.explain(n, "comms", "internal").toText());
    assertEquals("""
        comms -> dmz: any
          by can_connect(comms, dmz)
        """, Prover.explain(n, "comms", "dmz").toText());
    assertEquals("""
        container:bus -> zone:private: any
          inside subnet 'comms'
          inside subnet 'internal'
        """, Prover.explain(n, "container:bus", "zone:private").toText());
    assertEquals("zone:dmz -> zone:private: no connection may be opened\n",
        Prover.explain(n, "zone:dmz", "zone:private").toText());
    assertEquals("lan -> zone:nope: cannot tell: zone 'nope' has no subnet\n",
        Prover.explain(n, "lan", "zone:nope").toText());
    Explanation web = Prover.explain(n, "internet", "container:web1");
    assertTrue(web.allowed());
    assertEquals("tcp/80,443", web.services().toString());
    assertFalse(Prover.explain(n, "internet", "lan").allowed());
  }

  @Test
  void anAssertionOnANameThatDoesNotResolveIsSkippedWithAWarning() {
    // The prover alone skips what it cannot resolve and says so in a warning...
    List<Proof> proofs = Prover.prove(concrete(SeedShape.builder().never("zone:nope", "dmz")
        .build()));
    assertEquals("skipped never(zone:nope, dmz): zone 'nope' has no subnet",
        proofs.get(4).toText());
    assertEquals(List.of(new Problem("policy.unresolved", "assertions[4]",
        "Assertion 'never(zone:nope, dmz)': cannot be proven: zone 'nope' has no subnet")),
        Prover.warnings(proofs));
    assertEquals(List.of(), Prover.problems(proofs));
  }

  @Test
  void theCheckerRefusesAnAssertionOnAZoneWithoutSubnets() {
    // ...but the checker refuses the dangling zone first (ref.zone), so a mistyped zone never
    // passes as an assertion that is merely skipped.
    Report report = Checker.check(SeedShape.builder().never("zone:nope", "dmz").build());
    assertEquals(List.of(new Problem("ref.zone", "assertions[4].from",
        "Assertion never(zone:nope, dmz): no subnet is in zone 'nope': declare one there, or name"
            + " a zone that has subnets")), report.problems());
    assertFalse(report.proved());
  }

  @Test
  void theProverWaitsUntilEveryReferenceResolves() {
    Report report = Checker.check(SeedShape.builder()
        .container(Cimnet.lxc("lost").on("vhost-dev").attach("nowhere")).build());
    assertFalse(report.proved());
    assertEquals(List.of(), report.proofs());
    assertTrue(report.toText().contains("\nproofs: not run: every reference must resolve and no"
        + " subnets overlap first\n"), report::toText);
  }

  @Test
  void theInternetLeavesOutAPublicSupernet() {
    Network n = Cimnet.network("pub").supernet("100.64.0.0/24").publicSupernet()
        .subnet(Cimnet.subnet("edge", "100.64.0.0/25"))
        .canConnect("internet", "edge", "tcp/443")
        .never("internet", "edge")
        .never("edge", "internet")
        .build();
    Policy policy = Policy.compile(n);
    assertFalse(policy.internet().contains(org.cimnet.core.addr.Ipv4Address.parse("100.64.0.200")));
    assertTrue(policy.internet().contains(org.cimnet.core.addr.Ipv4Address.parse("100.65.0.1")));
    assertFalse(policy.internet().contains(org.cimnet.core.addr.Ipv4Address.parse("10.1.2.3")));
    assertEquals(List.of(Proof.Status.VIOLATED, Proof.Status.HOLDS),
        Prover.prove(policy).stream().map(Proof::status).toList());
  }

  @Test
  void bigMatricesPrintOnlyTheRowsThatReachAnotherNode() {
    Network.Builder b = Cimnet.network("big").supernet("10.0.0.0/16");
    for (int i = 0; i < 40; i++) {
      b.subnet(Cimnet.subnet("s" + i, "10.0." + i + ".0/24"));
    }
    b.canConnect("s3", "s7", "tcp/22").canConnect("s3", "internet", "udp/53", "tcp/443");
    b.container(Cimnet.lxc("x").on("h").attach("s7", "10.0.7.9").attach("s9", "10.0.9.9"));
    // 41 nodes: a list, not a grid; a subnet reaching itself goes unsaid.
    assertEquals("""
        s3: s7 tcp/22; any via x | s9 any via x | internet tcp/443 udp/53
        s7: s9 any via x
        s9: s7 any via x
        """, Matrix.of(b.build()).toText());
  }
}
