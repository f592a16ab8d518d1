package org.cimnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built launcher, target/cimnet, run as a person runs it: exit status, output, errors. */
class LauncherIT {

  private static void noStackTrace(Launcher r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception")
        || r.out().contains("\tat "), r.both());
  }

  @Test
  void checkOfTheSeedsYamlExitsZero() {
    Launcher r = Launcher.cimnet("check", Cli.SEED);
    assertEquals(0, r.exit(), r.both());
    assertTrue(r.out().contains("network 'cim' is valid"), r.both());
    assertEquals("", r.err());
  }

  @Test
  void checkOfABrokenYamlPrintsEveryProblemWithFileLineColumnAndExitsOne(@TempDir Path dir)
      throws IOException {
    Path bad = CommandsTest.brokenCopy(dir);
    Launcher r = Launcher.cimnet("check", bad);
    assertEquals(1, r.exit(), r.both());
    String net = bad.resolve("network.yaml").toString();
    assertTrue(r.out().contains(net + ":6:1: bogus: unknown key"), r.both());
    assertTrue(r.out().contains(net + ":19:11: subnets[lan].cidr:"), r.both());
    assertTrue(r.out().contains(net + ":24:11: subnets[4].name: Subnet name 'Dmz' is not"
        + " valid: use 1 to 63 lower-case letters"), r.both());
    assertTrue(r.out().contains(net + ":33:11: [subnet.outside-supernet] subnets[wifi].cidr:"),
        r.both());
    noStackTrace(r);
  }

  @Test
  void renderOfTheSeedsYamlWritesTheSameFilesAsTheLibrary(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    Launcher r = Launcher.cimnet("render", Cli.SEED, "-o", out);
    assertEquals(0, r.exit(), r.both());
    Path inProcess = dir.resolve("in-process");
    assertEquals(0, Cli.run("render", Cli.SEED, "-o", inProcess).exit());
    try (var files = Files.walk(inProcess)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path same = out.resolve(inProcess.relativize(f).toString());
        assertEquals(Files.readString(f), Files.readString(same), same.toString());
        assertTrue(r.out().contains(same + "\n"), r.both());
      }
    }
    assertEquals(Checker.check(org.cimnet.examples.SeedNetwork.build()).toText(),
        Files.readString(out.resolve("report.txt")));
  }

  @Test
  void renderOfAJshellScriptWithAPlainChain(@TempDir Path dir) {
    Path out = dir.resolve("out");
    Launcher r = Launcher.cimnet("render", "src/test/resources/plain.jsh", "-o", out);
    assertEquals(0, r.exit(), r.both());
    assertTrue(Files.isRegularFile(out.resolve("hosts/vhost1/nix/default.nix")), r.both());
    assertTrue(Files.isRegularFile(out.resolve("hosts/vhost1/ovs/setup.sh")), r.both());
    // What the script prints is not mistaken for the command's output.
    assertTrue(r.err().contains("the script's own output goes to standard error"), r.both());
    assertFalse(r.out().contains("the script's own output"), r.both());
  }

  /** {@code cimnet lab} on the seed: stages on stderr, the summary on stdout, exit 0. */
  @Test
  void labOfTheSeedAgreesWithTheChecker() {
    org.cimnet.testkit.Tools.require(org.cimnet.lab.Lab.TOOLS.toArray(String[]::new));
    org.cimnet.testkit.Tools.requireRoot();
    Launcher r = Launcher.cimnet("lab", Cli.SEED);
    assertEquals(0, r.exit(), r.both());
    assertTrue(r.out().contains("pairs probed: 531, pairs agreeing: 531"), r.both());
    assertTrue(r.out().contains("relayed cells probed: 2, relayed cells agreeing: 2"), r.both());
    assertTrue(r.out().contains("every probe agrees with the checker"), r.both());
    assertTrue(r.err().contains("cimnet lab: names forward and reverse from every subnet"),
        r.both());
    noStackTrace(r);
  }

  /** The completion script loads into a real bash and completes subcommands and options. */
  @Test
  void completionScriptCompletesInBash(@TempDir Path dir) throws IOException,
      InterruptedException {
    Launcher r = Launcher.cimnet("generate-completion");
    assertEquals(0, r.exit(), r.both());
    Path script = dir.resolve("cimnet-completion.bash");
    Files.writeString(script, r.out());
    String probe = "source " + script + "\n"
        + "COMP_WORDS=(cimnet re); COMP_CWORD=1; COMP_LINE='cimnet re'; COMP_POINT=9\n"
        + "_complete_cimnet cimnet re cimnet; echo \"subcommands: ${COMPREPLY[*]}\"\n"
        + "COMP_WORDS=(cimnet render --on); COMP_CWORD=2; COMP_LINE='cimnet render --on';"
        + " COMP_POINT=18\n"
        + "_complete_cimnet cimnet --on render; echo \"options: ${COMPREPLY[*]}\"\n";
    Process bash = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes());
    assertEquals(0, bash.waitFor(), out);
    assertTrue(out.contains("subcommands: render"), out);
    assertTrue(out.contains("options: --only"), out);
  }

  @Test
  void jsonAnswersParse() throws IOException {
    Launcher r = Launcher.cimnet("explain", "--json", Cli.SEED, "internet", "dmz", "tcp/443");
    assertEquals(0, r.exit(), r.both());
    var json = new ObjectMapper().readTree(r.out());
    assertTrue(json.get("service_allowed").asBoolean(), r.out());
    assertEquals("tcp/80,443", json.get("services").asText());
  }

  @Test
  void wrongArgumentsExitTwoWithAMessageAndNoStackTrace() {
    for (List<Object> args : List.of(List.<Object>of("frobnicate"), List.<Object>of("check"),
        List.<Object>of("check", "no/such/folder"),
        List.<Object>of("render", Cli.SEED, "--only", "nix,bogus"),
        List.<Object>of("explain", Cli.SEED, "internet", "nowhere"))) {
      Launcher r = Launcher.cimnet(args.toArray());
      assertEquals(2, r.exit(), args + "\n" + r.both());
      assertFalse(r.err().isBlank(), r.both());
      noStackTrace(r);
    }
  }

  @Test
  void aFailureToWriteExitsThreeAndDebugShowsTheStackTrace(@TempDir Path dir)
      throws IOException {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "not a folder\n");
    Launcher r = Launcher.cimnet("render", Cli.SEED, "-o", blocker.resolve("out"));
    assertEquals(3, r.exit(), r.both());
    assertTrue(r.err().startsWith("cimnet render: Could not write "), r.both());
    noStackTrace(r);
    Launcher debug = Launcher.cimnet("render", "--debug", Cli.SEED, "-o",
        blocker.resolve("out"));
    assertEquals(3, debug.exit(), debug.both());
    assertTrue(debug.err().contains("\tat "), debug.both());
  }

  @Test
  void helpListsEverySubcommand() {
    Launcher r = Launcher.cimnet("--help");
    assertEquals(0, r.exit(), r.both());
    for (String sub : List.of("check", "render", "explain", "matrix", "addresses", "plan",
        "export", "lab")) {
      assertTrue(r.out().contains("\n  " + sub + " "), sub + "\n" + r.out());
    }
    assertTrue(r.out().replaceAll("\\s+", " ").contains("are lower-case DNS labels"),
        r.out());
  }
}
