package org.cimnet.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and checking together: every problem of both stages, each located in its file. */
class YamlCheckTest {
  private static final String NETWORK = """
      name: lab
      supernet: 10.0.0.0/16
      subnets:
        - name: lan
          cidr: 10.0.1.0/24
        - name: dmz
          cidr: 10.0.4.0/24
          zone: dmz
      hosts:
        - name: h1
          router: true
          leaves:
            leaf1: [lan, dmz]
          addresses:
            lan: 10.0.1.10
      links:
        - kind: trunk
          host: h1
          nic: eth0
          spine: spine1
          port: 1
        - kind: trunk
          host: h1
          nic: eth1
          spine: spine1
          port: 2
      containers:
        - name: web
          kind: docker
          host: h1
          attachments:
            dmz: auto
      deploy_from: lan
      assertions:
        - never:
            from: dmz
            to: lan
      """;
  private static final String PARTS = """
      spines:
        - name: spine1
          ports: 8
      hosts:
        - name: h1
          nics:
            - name: eth0
              mac: 52:54:00:00:00:01
            - name: eth1
              mac: 52:54:00:00:00:02
      """;

  @Test
  void aValidNetworkIsValidated(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("network.yaml"), NETWORK);
    Files.writeString(dir.resolve("parts.yaml"), PARTS);
    YamlCheck check = NetworkYaml.check(dir);
    assertTrue(check.ok(), check::toText);
    assertEquals("lab", check.validated().orElseThrow().network().name());
    assertEquals("OK: network 'lab' has no problems\n", check.toText());
  }

  /** Finding 5: a load problem hid every checker problem, which had no place in the file. */
  @Test
  void loadAndCheckerProblemsComeTogetherEachWithItsPlace() {
    String network = NETWORK
        // a checker problem: outside the supernet
        .replace("cidr: 10.0.4.0/24", "cidr: 10.9.4.0/24")
        // a load problem elsewhere
        .replace("kind: docker", "kind: podman");
    String parts = PARTS.replace("52:54:00:00:00:02", "52:54:00:00:00:01");
    YamlCheck check = NetworkYaml.check(network, parts);
    assertFalse(check.ok());
    assertTrue(check.validated().isEmpty());
    List<String> lines = check.problems().stream().map(SourceProblem::toString).toList();
    assertEquals("network.yaml:29:11: containers[web].kind: Container kind 'podman' is not known:"
        + " use vm, lxc, docker, kubernetes or nixos-container", lines.get(0));
    assertTrue(lines.contains("network.yaml:7:11: [subnet.outside-supernet] subnets[dmz].cidr:"
        + " Subnet 'dmz': cidr '10.9.4.0/24' is outside the supernet '10.0.0.0/16'"),
        check::toText);
    // A NIC's MAC lives in parts.yaml: the problem points there, at the second NIC's MAC.
    assertTrue(check.problems().stream().anyMatch(p -> p.id().equals("mac.duplicate")
        && p.file().equals("parts.yaml") && p.line() == 10 && p.column() == 14),
        check::toText);
    assertTrue(check.toText().startsWith(check.problems().size()
        + " problems (the checker ran on the elements that loaded):\n"), check::toText);
  }

  /** The README's example, whole. */
  @Test
  void theTextListsEveryProblemOnePerLine() {
    YamlCheck check = NetworkYaml.check(NETWORK.replace("cidr: 10.0.4.0/24", "cidr: 10.9.4.0/24")
        .replace("kind: docker", "kind: podman"), PARTS);
    assertEquals("""
        2 problems (the checker ran on the elements that loaded):
          network.yaml:29:11: containers[web].kind: Container kind 'podman' is not known: use vm,\
         lxc, docker, kubernetes or nixos-container
          network.yaml:7:11: [subnet.outside-supernet] subnets[dmz].cidr: Subnet 'dmz': cidr\
         '10.9.4.0/24' is outside the supernet '10.0.0.0/16'
        """, check.toText());
  }

  @Test
  void aProblemOfAnElementThatDidNotLoadIsLeftOut() {
    // dmz does not load; the leaf, the container and the assertion naming it must not become
    // "subnet 'dmz' is not declared" problems, while a real one elsewhere is still reported.
    YamlCheck check = NetworkYaml.check(NETWORK.replace("cidr: 10.0.4.0/24", "cidr: 10.0.4.0/33")
        .replace("lan: 10.0.1.10", "lan: 10.0.2.10"), PARTS);
    assertEquals(List.of("", "address.outside-subnet"), check.problems().stream()
        .map(SourceProblem::id).toList(), check::toText);
    assertTrue(check.report().orElseThrow().problems().stream()
        .anyMatch(v -> v.id().equals("ref.subnet")), "the checker did see the dangling dmz");
  }

  @Test
  void filesThatDoNotParseSayTheCheckerDidNotRun() {
    YamlCheck check = NetworkYaml.check("name: [", PARTS);
    assertTrue(check.report().isEmpty());
    assertTrue(check.toText().startsWith(
        "1 problem (the checker did not run: the files did not load):\n  network.yaml:1:"),
        check::toText);
  }
}
