package org.cimnet.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Network;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.examples.LargerExample;
import org.cimnet.examples.SeedNetwork;
import org.cimnet.examples.ThreeHostExample;
import org.cimnet.lab.LabReport.Kind;
import org.cimnet.lab.LabReport.Observation;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rendered fabric, run for real, agrees with the checker; a broken rule is caught. */
class LabTest {
  @BeforeEach
  void tools() {
    Tools.require("ip", "ovs-vsctl", "ovsdb-server", "ovs-vswitchd", "nft", "unbound", "dig",
        "python3");
    Tools.require(Lab.TOOLS.toArray(String[]::new));
    Tools.requireRoot();
  }

  @Test
  void theSeedNetworkBehavesAsTheCheckerProved() {
    ValidatedNetwork seed = Checker.validate(SeedNetwork.build());
    List<String> stages = new ArrayList<>();
    LabReport report = Lab.run(seed, ProverExpectation.of(seed.network()), Lab.Options
        .defaults().withProgress((stage, detail) -> stages.add(stage + ": " + detail)));
    System.out.print(report.toText());
    assertTrue(report.agrees(), report.toText());
    // Every stage told, in order; the last with the summary's figures.
    assertEquals(List.of(Lab.Stage.values()), stages.stream().map(s -> Lab.Stage.valueOf(
        s.substring(0, s.indexOf(':')))).toList());
    assertTrue(stages.get(stages.size() - 1).startsWith("DONE: " + report.pairsAgreeing()
        + " of " + report.pairsProbed() + " pairs agree, 2 of 2 relayed cells"),
        stages.toString());
    assertEquals(report.pairsProbed(), report.pairsAgreeing());
    List<Observation> all = report.observations();

    // The internet reaches dmz's published services through the public address, and nothing
    // private.
    assertHas(all, o -> o.kind() == Kind.TCP && o.from().equals("internet")
        && o.to().startsWith("public ") && o.service().equals("tcp/443")
        && o.observed().equals("open (web1)"));
    assertHas(all, o -> o.kind() == Kind.TCP && o.from().equals("internet")
        && o.to().equals("db1@internal") && o.observed().equals("timeout"));
    assertTrue(all.stream().filter(o -> o.kind() == Kind.TCP && o.from().equals("internet")
        && !o.to().endsWith("@dmz") && !o.to().startsWith("public "))
        .noneMatch(o -> o.observed().startsWith("open")), "the internet reaches nothing private");
    // dmz reaches no private subnet.
    List<Observation> fromDmz = all.stream().filter(o -> o.kind() == Kind.TCP
        && o.from().equals("web1@dmz") && o.to().contains("@")).toList();
    assertFalse(fromDmz.isEmpty());
    assertTrue(fromDmz.stream().noneMatch(o -> o.observed().startsWith("open")), "dmz is shut in");
    // internal pushes to dmz; lan reaches the internet.
    assertHas(all, o -> o.from().equals("db1@internal") && o.to().equals("web1@dmz")
        && o.observed().equals("open (web1)"));
    assertHas(all, o -> o.from().equals("files@lan") && o.to().equals("internet")
        && o.observed().equals("open (internet)"));
    // Every name forward and reverse from every subnet with a container (seven of them).
    long subnetsAsking = all.stream().filter(o -> o.kind() == Kind.DNS).map(Observation::from)
        .distinct().count();
    assertEquals(7, subnetsAsking);
    int names = seed.names().size();
    assertEquals(7L * names * 2, all.stream().filter(o -> o.kind() == Kind.DNS).count());
    // The matrix's relayed cells, comms -> internal and back (any via bus), opened through bus
    // for real: connect to bus, and from bus onward.
    assertEquals(2, report.relayedCellsProbed());
    assertEquals(2, report.relayedCellsAgreeing());
    assertHas(all, o -> o.kind() == Kind.RELAY && o.from().equals("mq1@comms")
        && o.to().equals("db1@internal") && o.service().endsWith(" via bus")
        && o.observed().equals("open (db1)"));
    assertHas(all, o -> o.kind() == Kind.RELAY && o.from().equals("db1@internal")
        && o.to().equals("mq1@comms") && o.observed().equals("open (mq1)"));
    // ... while the direct connection stays closed.
    assertHas(all, o -> o.kind() == Kind.TCP && o.from().equals("mq1@comms")
        && o.to().equals("db1@internal") && o.observed().equals("timeout"));
    // Forged sources from every subnet are dropped; the honest control arrives.
    assertEquals(14, all.stream().filter(o -> o.kind() == Kind.SPOOF).count());
    assertHas(all, o -> o.kind() == Kind.SPOOF && o.service().startsWith("from forged")
        && o.observed().equals("dropped"));
  }

  @Test
  void aRuleBrokenInTheRenderedFilesIsReported() {
    ValidatedNetwork seed = Checker.validate(SeedNetwork.build());
    // The firewall line that lets internal and comms open connections into dmz, removed from a
    // copy of the rendered ruleset.
    Lab.Options options = Lab.Options.defaults().withEdit(files -> {
      List<RenderedFile> edited = new ArrayList<>();
      for (RenderedFile f : files) {
        if (f.path().endsWith("nftables.nft")) {
          String broken = f.content().lines().filter(l -> !l.contains("@fwd_any_24_24 accept"))
              .reduce("", (a, b) -> a + b + "\n");
          assertNotEquals(f.content(), broken, "the rule to break is in the ruleset");
          edited.add(new RenderedFile(f.path(), broken));
        } else {
          edited.add(f);
        }
      }
      return edited;
    });
    LabReport report = Lab.run(seed, ProverExpectation.of(seed.network()), options);
    System.out.print(report.toText());
    assertFalse(report.agrees());
    assertTrue(report.pairsAgreeing() < report.pairsProbed());
    Observation broken = report.disagreements().stream()
        .filter(o -> o.from().equals("db1@internal") && o.to().equals("web1@dmz")
            && o.service().equals("tcp/80")).findFirst().orElseThrow(() -> new AssertionError(report.toText()));
    assertEquals("open (web1)", broken.expected());
    assertEquals("timeout", broken.observed());
    assertEquals("by can_connect(internal, dmz)", broken.rule());
    // Only what the removed line allowed is wrong: every disagreement is a push into dmz.
    assertTrue(report.disagreements().stream().allMatch(o -> o.to().endsWith("@dmz")
        && (o.from().endsWith("@internal") || o.from().endsWith("@comms"))),
        report.toText());
  }

  @Test
  void aRelayThatCannotSendIsReportedOnItsRelayedCells() {
    ValidatedNetwork seed = Checker.validate(SeedNetwork.build());
    // bus's port on internal, in a copy of the rendered flows, lets only ARP out: bus can no
    // longer relay between comms and internal.
    Lab.Options options = Lab.Options.defaults().withEdit(files -> files.stream().map(f -> {
      if (!f.path().endsWith("ovs/leaf3.flows")) {
        return f;
      }
      List<String> lines = new ArrayList<>(f.content().lines().toList());
      int at = lines.indexOf("# bus: IPv4 from its own address and MAC");
      assertTrue(at >= 0, "the flow to break is in leaf3.flows");
      lines.remove(at + 1);
      return new RenderedFile(f.path(), String.join("\n", lines) + "\n");
    }).toList());
    LabReport report = Lab.run(seed, ProverExpectation.of(seed.network()), options);
    System.out.print(report.toText());
    assertEquals(2, report.relayedCellsProbed());
    assertEquals(0, report.relayedCellsAgreeing(), report.toText());
    Observation relayed = report.disagreements().stream().filter(o -> o.kind() == Kind.RELAY
        && o.from().equals("mq1@comms")).findFirst().orElseThrow(() -> new AssertionError(
            report.toText()));
    assertEquals("open (db1)", relayed.expected());
    // The onward hop, from bus to db1, is where it fails.
    assertTrue(relayed.observed().contains("from bus"), relayed.observed());
    assertTrue(relayed.rule().contains("any via bus"), relayed.rule());
    // Nothing else is wrong: every disagreement involves bus on internal or a chain through it.
    assertTrue(report.disagreements().stream().allMatch(o -> o.kind() == Kind.RELAY
        || o.from().equals("bus@internal") || o.to().equals("bus@internal")), report.toText());
  }

  @Test
  void aRuleBrokenOnARelayedPathIsReported() {
    // A copy of the seed with a relay on mgmt and lan: mgmt reaches the internet only through it,
    // its onward hop sent from its lan address and routed by lan's rule to the internet.
    Network withRelay = SeedNetwork.build().toBuilder().container(
        org.cimnet.core.dsl.Cimnet.lxc("proxy").on("vhost-dev").attach("mgmt").attach("lan"))
        .build();
    ValidatedNetwork v = Checker.validate(withRelay);
    assertTrue(ProverExpectation.of(v.network()).relayedCells().stream().anyMatch(c ->
        c.from().equals("mgmt") && c.to().equals("internet")));
    // lan's rule to the internet, removed from a copy of the rendered ruleset.
    Lab.Options options = Lab.Options.defaults().withEdit(files -> files.stream().map(f -> {
      if (!f.path().endsWith("nftables.nft")) {
        return f;
      }
      String broken = f.content().lines().filter(l -> !l.contains("@out_any_24 accept"))
          .reduce("", (a, b) -> a + b + "\n");
      assertNotEquals(f.content(), broken, "the rule to break is in the ruleset");
      return new RenderedFile(f.path(), broken);
    }).toList());
    LabReport report = Lab.run(v, ProverExpectation.of(v.network()), options);
    System.out.print(report.toText());
    Observation relayed = report.disagreements().stream().filter(o -> o.kind() == Kind.RELAY
        && o.from().equals("monitor@mgmt") && o.to().equals("internet")).findFirst()
        .orElseThrow(() -> new AssertionError(report.toText()));
    assertEquals("open (internet)", relayed.expected());
    assertTrue(relayed.observed().contains("from proxy"), relayed.observed());
    assertTrue(relayed.rule().contains("proxy@lan -> internet"), relayed.rule());
    // Nothing else is wrong: only connections from lan to the internet, directly or relayed.
    assertTrue(report.disagreements().stream().allMatch(o -> o.to().equals("internet")
        && (o.kind() == Kind.RELAY || o.from().endsWith("@lan"))), report.toText());
  }

  @Test
  void aPortTheRouterItselfServesIsProbedToo() {
    // tcp/53 is held by the router's Unbound; a rule naming it makes the lab probe it everywhere.
    Network withDns = SeedNetwork.build().toBuilder().canConnect("lan", "dmz", "tcp/53").build();
    ValidatedNetwork v = Checker.validate(withDns);
    LabReport report = Lab.run(v);
    System.out.print(report.toText());
    assertEquals(List.of(), report.disagreements(), report.toText());
    assertHas(report.observations(), o -> o.kind() == Kind.TCP && o.from().equals("files@lan")
        && o.to().equals("web1@dmz") && o.service().equals("tcp/53")
        && o.observed().equals("open (web1)"));
    assertHas(report.observations(), o -> o.kind() == Kind.TCP && o.to().startsWith("gw.")
        && o.service().equals("tcp/53") && o.expected().equals("closed"));
    assertTrue(report.notes().stream().anyMatch(n -> n.contains("router:vhost-dev serves"
        + " tcp/[53]")), report.notes().toString());
  }

  @Test
  void theLargerExampleAcrossThreeHostsBehavesAsTheCheckerProved() {
    ValidatedNetwork larger = Checker.validate(LargerExample.build());
    LabReport report = Lab.run(larger);
    System.out.print(report.toText());
    assertTrue(report.pairsProbed() > 1000, "pairs probed: " + report.pairsProbed());
    // Everything agrees, including replies from runner2's second attachment (storage), which
    // leave by storage thanks to the plan's source routes.
    assertEquals(List.of(), report.disagreements(), report.toText());
    assertEquals(report.pairsProbed(), report.pairsAgreeing());
    // Every relayed cell opened through its relays; mgmt reaches data only through bastion
    // (mgmt and backup), which sends onward from its backup address, as backup -> data allows.
    assertTrue(report.relayedCellsProbed() >= 15, report.toText());
    assertEquals(report.relayedCellsProbed(), report.relayedCellsAgreeing());
    assertHas(report.observations(), o -> o.kind() == Kind.RELAY
        && o.from().equals("monitor@mgmt") && o.to().endsWith("@data")
        && o.service().endsWith(" via bastion") && o.observed().startsWith("open (")
        && o.rule().contains("bastion@backup ->"));
    // Containers on the racks reach their gateway on core1 over the spine.
    assertHas(report.observations(), o -> o.kind() == Kind.TCP && o.from().equals("www@web")
        && o.to().equals("api1@api") && o.service().equals("tcp/8443")
        && o.observed().equals("open (api1)"));
    assertHas(report.observations(), o -> o.kind() == Kind.TCP && o.from().equals("internet")
        && o.to().startsWith("public ") && o.service().equals("tcp/8443")
        && o.observed().equals("open (api1)"));
  }

  @Test
  void theThreeHostExampleBehavesAsTheCheckerProved() {
    ValidatedNetwork three = Checker.validate(ThreeHostExample.build());
    LabReport report = Lab.run(three);
    System.out.print(report.toText());
    assertEquals(List.of(), report.disagreements(), report.toText());
    assertEquals(report.pairsProbed(), report.pairsAgreeing());
    assertTrue(report.relayedCellsProbed() > 0, report.toText());
    // Between subnets that different routers route, through both: lan (core) to app (edge).
    assertHas(report.observations(), o -> o.kind() == Kind.TCP && o.from().equals("files@lan")
        && o.to().equals("api1@app") && o.service().equals("tcp/443")
        && o.observed().equals("open (api1)"));
    // A relay across routers: proxy on dmz (core) and app (edge).
    assertHas(report.observations(), o -> o.kind() == Kind.RELAY && o.service().endsWith(
        " via proxy") && o.observed().startsWith("open ("));
  }

  private static void assertHas(List<Observation> all, Predicate<Observation> wanted) {
    assertTrue(all.stream().anyMatch(wanted), "no such observation among " + all.size());
  }
}
