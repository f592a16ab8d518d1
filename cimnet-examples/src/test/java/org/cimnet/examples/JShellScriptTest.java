package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** Runs seed.jsh through the real JShell and checks it builds exactly the Java version. */
class JShellScriptTest {

  @Test
  void theScriptBuildsTheSameNetworkAsTheJavaClass() throws Exception {
    String script = Files.readString(Path.of("src/main/jshell/seed.jsh"));
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      String remaining = script.replace("/exit", "");
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      while (!remaining.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
        List<SnippetEvent> events = shell.eval(info.source());
        for (SnippetEvent e : events) {
          assertTrue(e.status() == Snippet.Status.VALID && e.exception() == null,
              "snippet failed: " + info.source() + " -> " + e.status() + " " + e.exception()
                  + " " + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
        }
        remaining = info.remaining();
      }
      List<SnippetEvent> same = shell.eval(
          "cim.equals(org.cimnet.examples.SeedNetwork.build())");
      assertEquals("true", same.get(0).value());
      // The script checks the network itself and must find it valid.
      assertEquals("true", shell.eval("report.ok()").get(0).value());
    }
  }

  /** The way the README runs it: the jshell tool itself, which reads the file line by line. */
  @Test
  void theJshellToolRunsTheScript() {
    String jshell = Path.of(System.getProperty("java.home"), "bin", "jshell").toString();
    org.cimnet.testkit.Proc.Result result = org.cimnet.testkit.Proc.run(List.of(jshell,
        "--class-path", System.getProperty("java.class.path"), "src/main/jshell/seed.jsh"),
        null, 120);
    assertEquals(0, result.exit(), result.output());
    assertTrue(result.output().contains("OK: no problems"), result.output());
    assertTrue(result.output().contains("web1.dmz.cim.internal  192.168.4."), result.output());
    assertTrue(!result.output().contains("Error:"), result.output());
  }
}
