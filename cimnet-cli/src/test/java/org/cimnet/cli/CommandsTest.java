package org.cimnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.policy.Matrix;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderers;
import org.cimnet.core.yaml.NetworkYaml;
import org.cimnet.examples.SeedNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each subcommand on the seed and on broken input, run in this JVM. */
class CommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void checkOfTheSeedIsValidAndProvesEveryAssertion() {
    Cli r = Cli.run("check", Cli.SEED);
    assertEquals(0, r.exit(), r.both());
    assertTrue(r.out().contains("network 'cim' is valid"), r.both());
    assertTrue(r.out().contains("assertions: 4 of 4 proven over every packet"), r.both());
  }

  @Test
  void checkOfABrokenFolderPrintsEveryProblemWithFileLineAndColumn(@TempDir Path dir)
      throws IOException {
    Path bad = brokenCopy(dir);
    Cli r = Cli.run("check", bad);
    assertEquals(1, r.exit(), r.both());
    String net = bad.resolve("network.yaml").toString();
    // Three independent mistakes, each reported where it is.
    assertTrue(r.out().contains(net + ":6:1: bogus: unknown key 'bogus'"), r.both());
    assertTrue(r.out().contains(net + ":19:11: subnets[lan].cidr: Subnet 'lan': cidr"
        + " '192.168.1.0/33' is not an IPv4 prefix"), r.both());
    assertTrue(r.out().contains(net + ":24:11: subnets[4].name: Subnet name 'Dmz' is not"
        + " valid: use 1 to 63 lower-case letters"), r.both());
    // The checker ran on what loaded, and its problem is located too.
    assertTrue(r.out().contains(net + ":33:11: [subnet.outside-supernet] subnets[wifi].cidr:"
        + " Subnet 'wifi': cidr '10.9.7.0/24' is outside the supernet '192.168.0.0/21'"),
        r.both());
    assertFalse(r.both().contains("Exception"), r.both());
    JsonNode json = json(Cli.run("check", "--json", bad));
    assertFalse(json.get("valid").asBoolean());
    List<String> where = new ArrayList<>();
    json.get("problems").forEach(p -> where.add(p.get("line").asInt() + ":"
        + p.get("column").asInt()));
    assertTrue(where.containsAll(List.of("6:1", "19:11", "24:11", "33:11")), where.toString());
  }

  /**
   * The seed's network.yaml with an unknown key, a bad prefix, an upper-case name and a subnet
   * outside the supernet.
   */
  static Path brokenCopy(Path dir) throws IOException {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.copy(Cli.SEED.resolve("parts.yaml"), bad.resolve("parts.yaml"));
    String text = Files.readString(Cli.SEED.resolve("network.yaml"), StandardCharsets.UTF_8)
        .replace("cidr: 192.168.1.0/24", "cidr: 192.168.1.0/33")
        .replace("name: dmz ", "name: Dmz ")
        .replace("name: cim\n", "name: cim\nbogus: 1\n")
        .replace("cidr: 192.168.7.0/24", "cidr: 10.9.7.0/24");
    Files.writeString(bad.resolve("network.yaml"), text, StandardCharsets.UTF_8);
    return bad;
  }

  @Test
  void checkerProblemsOfAValidYamlFailCheckWithStatusOne(@TempDir Path dir)
      throws IOException {
    Path folder = dir.resolve("net");
    Files.createDirectories(folder);
    // Loads fine, but the dmz may now reach internal: the assertion fails.
    NetworkYaml.save(SeedNetwork.build().toBuilder().canConnect("dmz", "internal", "tcp/5432")
        .build(), folder);
    Cli r = Cli.run("check", folder);
    assertEquals(1, r.exit(), r.both());
    String net = java.util.regex.Pattern.quote(folder.resolve("network.yaml").toString());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("  " + net + ":\\d+:\\d+:"
        + " \\[policy\\.assertion] assertions\\[0]: .*violated by src 192\\.168\\.4\\..*")),
        r.both());
    // render refuses it with the same located problem, and writes nothing.
    Cli render = Cli.run("render", folder, "-o", dir.resolve("out"));
    assertEquals(1, render.exit(), render.both());
    assertTrue(render.err().contains("[policy.assertion] assertions[0]"), render.both());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void renderWritesWhatEveryRendererMakesAndTheReportAndListsEachFile(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    Cli r = Cli.run("render", Cli.SEED, "-o", out);
    assertEquals(0, r.exit(), r.both());
    Report report = Checker.check(SeedNetwork.build());
    List<RenderedFile> expected = new ArrayList<>(
        Renderers.discover().render(report.validated(), RenderContext.defaults()));
    expected.add(new RenderedFile("report.txt", report.toText()));
    assertEquals(expected.stream().map(RenderedFile::path).sorted().toList(), files(out));
    for (RenderedFile f : expected) {
      assertEquals(f.content(), Files.readString(out.resolve(f.path())), f.path());
      assertTrue(r.out().contains(out.resolve(f.path()) + "\n"), f.path());
    }
    assertTrue(r.out().contains("cimnet render: network 'cim': " + expected.size()
        + " files in " + out + " (renderers: addresses, "), r.both());
  }

  @Test
  void renderOnlyTakesRendererIdsFromTheRegistryAndSettingsFromSet(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    Cli r = Cli.run("render", Cli.SEED, "-o", out, "--only", "unbound",
        "--set", "unbound.forward=9.9.9.9");
    assertEquals(0, r.exit(), r.both());
    assertEquals(List.of("hosts/vhost-dev/nix/unbound.nix",
        "hosts/vhost-dev/unbound/unbound.conf", "report.txt"), files(out));
    assertTrue(Files.readString(out.resolve("hosts/vhost-dev/unbound/unbound.conf"))
        .contains("9.9.9.9"));
    Cli unknown = Cli.run("render", Cli.SEED, "-o", out, "--only", "nix,pictures");
    assertEquals(2, unknown.exit(), unknown.both());
    assertTrue(unknown.err().contains("--only: no renderer 'pictures'; the renderers are: "
        + String.join(", ", Renderers.discover().ids())), unknown.both());
  }

  @Test
  void renderRefusesEveryUnknownSettingAtOnceAndWritesNothing(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    String known = "nix.stateVersion, ovs.datapath, unbound.directory, unbound.forward,"
        + " unbound.interfaces, unbound.lab-addresses, unbound.pidfile, unbound.port,"
        + " unbound.username";
    Cli typo = Cli.run("render", Cli.SEED, "-o", out, "-s", "unbound.foward=9.9.9.9");
    assertEquals(2, typo.exit(), typo.both());
    assertEquals("cimnet render: --set: Render setting 'unbound.foward' (did you mean"
        + " 'unbound.forward'?) is not known: the renderers addresses, diagram, nix, ovs,"
        + " unbound read " + known + "\n", typo.err());
    assertFalse(Files.exists(out));
    // Every unknown key in one message, a hostile key escaped; --only does not hide a typo.
    Cli two = Cli.run("render", Cli.SEED, "-o", out, "--only", "nix", "--set",
        "nix.stateversion=24.05", "--set", "x\u202e\n=1", "--set", "unbound.port=5353");
    assertEquals(2, two.exit(), two.both());
    assertEquals("cimnet render: --set: Render settings 'nix.stateversion' (did you mean"
        + " 'nix.stateVersion'?), 'x\\u202e\\n' are not known: the renderers addresses, diagram,"
        + " nix, ovs, unbound read " + known + "\n", two.err());
    assertFalse(Files.exists(out));
    // A key of a renderer that --only leaves out is known, and not passed on.
    Cli other = Cli.run("render", Cli.SEED, "-o", out, "--only", "nix", "--set",
        "unbound.port=5353");
    assertEquals(0, other.exit(), other.both());
  }

  @Test
  void renderOfAnInvalidNetworkWritesNothingAndKeepsThePreviousOutput(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    assertEquals(0, Cli.run("render", Cli.SEED, "-o", out).exit());
    List<String> before = files(out);
    String report = Files.readString(out.resolve("report.txt"));
    Cli r = Cli.run("render", brokenCopy(dir), "-o", out);
    assertEquals(1, r.exit(), r.both());
    assertEquals("", r.out());
    assertTrue(r.err().contains("subnets[lan].cidr"), r.both());
    assertEquals(before, files(out));
    assertEquals(report, Files.readString(out.resolve("report.txt")));
  }

  @Test
  void explainAgreesWithTheMatrixOnEveryPair() throws IOException {
    Report report = Checker.check(SeedNetwork.build());
    Matrix matrix = report.matrix();
    for (String from : matrix.nodes()) {
      for (String to : matrix.nodes()) {
        Matrix.Cell cell = matrix.cell(from, to);
        JsonNode e = json(Cli.run("explain", "--json", Cli.SEED, from, to));
        String pair = from + " -> " + to;
        assertEquals(!cell.isEmpty(), e.get("allowed").asBoolean(), pair);
        assertEquals(cell.direct().toString(), e.get("services").asText(), pair);
        if (!cell.via().isEmpty()) {
          assertEquals(cell.via().toString(), e.get("via_services").asText(), pair);
          assertEquals(cell.relay().orElseThrow(), e.get("via").asText(), pair);
        }
      }
    }
  }

  @Test
  void explainAnswersForOneService() {
    Cli open = Cli.run("explain", Cli.SEED, "internet", "dmz", "tcp/443");
    assertEquals(0, open.exit(), open.both());
    assertEquals("internet -> dmz: tcp/80,443\n  by can_connect(internet, dmz, tcp/80,"
        + " tcp/443)\ntcp/443: allowed\n", open.out());
    Cli shut = Cli.run("explain", Cli.SEED, "internet", "dmz", "tcp/22");
    assertTrue(shut.out().endsWith("tcp/22: denied\n"), shut.both());
    Cli unknown = Cli.run("explain", Cli.SEED, "nowhere", "dmz");
    assertEquals(2, unknown.exit(), unknown.both());
    assertTrue(unknown.err().contains("subnet 'nowhere' is not declared"), unknown.both());
  }

  @Test
  void matrixAndAddressesPrintTheirTablesAndJson() throws IOException {
    Report report = Checker.check(SeedNetwork.build());
    Cli m = Cli.run("matrix", Cli.SEED);
    assertEquals(report.matrix().toText(), m.out());
    JsonNode cells = json(Cli.run("matrix", "--json", Cli.SEED)).get("cells");
    boolean found = false;
    for (JsonNode c : cells) {
      if (c.get("from").asText().equals("internet") && c.get("to").asText().equals("dmz")) {
        assertEquals("tcp/80,443", c.get("direct").asText());
        found = true;
      }
    }
    assertTrue(found, cells.toString());
    Cli a = Cli.run("addresses", Cli.SEED);
    assertEquals(0, a.exit(), a.both());
    assertTrue(a.out().startsWith("NAME "), a.out());
    JsonNode rows = json(Cli.run("addresses", "--json", Cli.SEED)).get("addresses");
    assertEquals(report.validated().names().size(), rows.size());
    for (JsonNode row : rows) {
      String line = Stream.of("name", "address", "mac", "subnet", "vlan", "role")
          .map(k -> row.get(k).asText()).reduce((x, y) -> x + " +" + y).orElseThrow();
      assertTrue(a.out().lines().anyMatch(l -> l.matches(line)), line);
    }
  }

  @Test
  void exportWritesYamlThatLoadsBackAsTheSameNetwork(@TempDir Path dir) {
    Path out = dir.resolve("yaml");
    Cli r = Cli.run("export", "--class-path", "../cimnet-examples/target/classes",
        "org.cimnet.examples.SeedNetwork", "-o", out);
    assertEquals(0, r.exit(), r.both());
    assertEquals(out.resolve("network.yaml") + "\n" + out.resolve("parts.yaml") + "\n",
        r.out());
    assertEquals(SeedNetwork.build(), NetworkYaml.load(out).orThrow());
  }

  @Test
  void planShowsWhatAChangeBreaksAndFailsWhenItIsNotSafe(@TempDir Path dir) {
    Path next = dir.resolve("next");
    NetworkYaml.save(SeedNetwork.build().toBuilder().canConnect("dmz", "internal", "tcp/5432")
        .build(), next);
    Cli r = Cli.run("plan", next, "--against", Cli.SEED);
    assertEquals(1, r.exit(), r.both());
    assertTrue(r.out().startsWith("Change plan for network 'cim': 1 event, NOT SAFE"), r.out());
    assertTrue(r.out().contains("+ dmz -> internal tcp/5432"), r.out());
    Cli same = Cli.run("plan", Cli.SEED, "--against", Cli.SEED);
    assertEquals(0, same.exit(), same.both());
    Cli both = Cli.run("plan", Cli.SEED, "--against", Cli.SEED, "--events", "x.jsonl");
    assertEquals(2, both.exit(), both.both());
  }

  @Test
  void aPlainJshellBuilderChainRunsAndItsOutputStaysOffStandardOutput() throws IOException {
    Cli r = Cli.run("check", "--json", "src/test/resources/plain.jsh");
    assertEquals(0, r.exit(), r.both());
    assertEquals("small", JSON.readTree(r.out()).get("network").asText());
  }

  @Test
  void aBrokenJshellScriptNamesTheLine(@TempDir Path dir) throws IOException {
    Path script = dir.resolve("broken.jsh");
    Files.writeString(script, Files.readString(Path.of("src/test/resources/plain.jsh"))
        .replace("\"10.20.2.0/24\"", "\"10.20.2.0/99\""));
    Cli r = Cli.run("check", script);
    assertEquals(1, r.exit(), r.both());
    assertTrue(r.err().contains(script + ":6: Subnet 'dmz': cidr '10.20.2.0/99' is not an"
        + " IPv4 prefix"), r.both());
    assertFalse(r.err().contains("\tat "), r.both());
  }

  @Test
  void usageErrorsExitTwoWithoutAStackTraceUnlessDebug() {
    for (Object[] args : List.of(new Object[] {"frobnicate"}, new Object[] {"check"},
        new Object[] {"check", "no/such/folder"}, new Object[] {"check", "no.such.Class"},
        new Object[] {"render", Cli.SEED, "--only", "bogus"})) {
      Cli r = Cli.run(args);
      assertEquals(2, r.exit(), List.of(args) + "\n" + r.both());
      assertFalse(r.err().contains("\tat "), r.both());
    }
    Cli debug = Cli.run("check", "--debug", "no/such/folder");
    assertTrue(debug.err().contains("\tat org.cimnet.cli."), debug.both());
  }

  private static JsonNode json(Cli r) throws IOException {
    return JSON.readTree(r.out());
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
          .sorted().toList();
    }
  }
}
