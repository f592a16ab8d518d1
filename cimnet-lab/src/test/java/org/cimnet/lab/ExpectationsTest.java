package org.cimnet.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Service;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.InterfacePlan;
import org.cimnet.examples.LargerExample;
import org.cimnet.examples.SeedNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prover's verdicts and a direct reading of the rules agree on every probe the lab would
 * make, so a disagreement in the lab points at the rendered files, not at the expectation.
 */
class ExpectationsTest {
  @ParameterizedTest
  @ValueSource(strings = {"seed", "larger"})
  void proverAndRulesAgreeOnEveryProbe(String which) {
    ValidatedNetwork v = Checker.validate(which.equals("seed") ? SeedNetwork.build()
        : LargerExample.build());
    Network n = v.network();
    Expectation prover = ProverExpectation.of(n);
    Expectation rules = new RuleExpectation(n);
    List<Node> nodes = new ArrayList<>();
    for (HostPlan p : v.plans().values()) {
      p.containers().forEach(c -> c.nics().forEach(nic -> nodes.add(
          new Node(Node.Kind.CONTAINER, c.name(), nic.subnet(), nic.address()))));
      for (InterfacePlan i : p.interfaces()) {
        i.addresses().stream().filter(a -> a.purpose() == InterfacePlan.Purpose.GATEWAY)
            .forEach(a -> nodes.add(new Node(Node.Kind.GATEWAY, p.host(), i.subnet(),
                a.address())));
      }
    }
    Internet in = n.internet().orElseThrow();
    Node internet = new Node(Node.Kind.INTERNET, "internet", "", in.gateway());
    Node publicAddress = new Node(Node.Kind.PUBLIC, "router", "", in.publicAddress());
    List<Node> sources = new ArrayList<>(nodes.stream()
        .filter(x -> x.kind() == Node.Kind.CONTAINER).toList());
    sources.add(internet);
    List<Node> targets = new ArrayList<>(nodes);
    targets.add(internet);
    targets.add(publicAddress);
    int open = 0;
    int compared = 0;
    for (Node from : sources) {
      for (Node to : targets) {
        if (from.equals(to)) {
          continue;
        }
        for (int port : List.of(22, 80, 443, 5432, 8080, 8443)) {
          Expectation.Verdict a = prover.tcp(from, to, Service.tcp(port));
          Expectation.Verdict b = rules.tcp(from, to, Service.tcp(port));
          assertEquals(b.text(), a.text(), from + " -> " + to + " tcp/" + port + ": prover says "
              + a.why() + "; rules say " + b.why());
          open += a.open() ? 1 : 0;
          compared++;
        }
      }
    }
    assertTrue(open > 0 && open < compared, open + " open of " + compared);
    // The relayed cells: the matrix's cells that relays widen; the direct reading has none.
    List<String> relayed = prover.relayedCells().stream().map(c -> c.from() + " -> " + c.to()
        + ": " + c.via() + " beyond " + c.direct()).toList();
    assertEquals(List.of(), rules.relayedCells());
    if (which.equals("seed")) {
      assertEquals(List.of("comms -> internal: any beyond -", "internal -> comms: any beyond -"),
          relayed);
    } else {
      assertTrue(relayed.contains("mgmt -> data: any beyond -"), relayed.toString());
    }
    // The reference facts, straight from the prover.
    if (which.equals("seed")) {
      assertTrue(prover.tcp(internet, publicAddress, Service.tcp(443)).open());
      assertFalse(prover.tcp(internet, publicAddress, Service.tcp(22)).open());
      Node web1 = nodes.stream().filter(x -> x.name().equals("web1")).findFirst().orElseThrow();
      Node db1 = nodes.stream().filter(x -> x.name().equals("db1")).findFirst().orElseThrow();
      assertFalse(prover.tcp(web1, db1, Service.tcp(80)).open());
      assertTrue(prover.tcp(db1, web1, Service.tcp(80)).open());
      assertFalse(prover.tcp(internet, db1, Service.tcp(80)).open());
      assertEquals(Ipv4Address.parse("203.0.113.10"), publicAddress.address());
    }
  }
}
