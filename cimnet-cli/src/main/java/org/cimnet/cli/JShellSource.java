package org.cimnet.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.cimnet.core.format.Quote;
import org.cimnet.core.model.Network;

/**
 * Runs a JShell script and takes the network it declares: the last variable of type
 * {@code Network}. The script is split into whole snippets by JShell's own parser, so a builder
 * chain may run over many lines as in a Java file (the {@code jshell} tool, which reads line by
 * line, needs such a chain inside a method). JShell commands are not run, except that
 * {@code /exit} ends the script. What the script prints goes to standard error.
 */
final class JShellSource {
  private JShellSource() {}

  static Network load(Path script, List<Path> classPath) {
    String text;
    try {
      text = Files.readString(script, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(CliException.USAGE, "cannot read script '" + script + "': "
          + e.getMessage(), e);
    }
    PrintStream out = System.out;
    // The command's own output (text or JSON) must not mix with what the script prints.
    System.setOut(System.err);
    try (JShell shell = JShell.builder().executionEngine("local").out(System.err)
        .err(System.err).build()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          shell.addToClasspath(entry);
        }
      }
      classPath.forEach(p -> shell.addToClasspath(p.toString()));
      List<String> problems = run(shell, script, text);
      if (!problems.isEmpty()) {
        throw new CliException(CliException.INVALID, problems.size()
            + (problems.size() == 1 ? " problem" : " problems") + " in " + script + ":\n  "
            + String.join("\n  ", problems));
      }
      VarSnippet last = shell.variables()
          .filter(v -> shell.status(v) == Snippet.Status.VALID)
          .filter(v -> v.typeName().equals("Network")
              || v.typeName().equals(Network.class.getName()))
          .reduce((a, b) -> b).orElseThrow(() -> new CliException(CliException.INVALID,
              script + " declares no variable of type Network: end it with, for example,"
                  + " `Network cim = network(\"cim\")...build();`"));
      List<SnippetEvent> handed = shell.eval(ScriptHandoff.class.getName() + ".take("
          + last.name() + ");");
      Network network = ScriptHandoff.taken();
      if (network == null || handed.stream().anyMatch(e -> e.exception() != null
          || e.status() == Snippet.Status.REJECTED)) {
        throw new CliException(CliException.FAILED, "could not take variable '" + last.name()
            + "' from " + script);
      }
      return network;
    } finally {
      System.setOut(out);
    }
  }

  /** Runs every snippet; returns the problems, each with its line. */
  private static List<String> run(JShell shell, Path script, String text) {
    List<String> problems = new ArrayList<>();
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = text;
    while (!remaining.isBlank()) {
      int line = lineOf(text, text.length() - remaining.length() + leading(remaining));
      String stripped = remaining.substring(leading(remaining));
      if (stripped.isEmpty()) {
        break;
      }
      if (stripped.startsWith("/")) {
        int end = stripped.indexOf('\n');
        String command = (end < 0 ? stripped : stripped.substring(0, end)).strip();
        if (command.equals("/exit") || command.startsWith("/exit ")) {
          break;
        }
        problems.add(script + ":" + line + ": JShell command '" + Quote.escape(command)
            + "' is not run by cimnet (only /exit is understood)");
        remaining = end < 0 ? "" : stripped.substring(end + 1);
        continue;
      }
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (!info.completeness().isComplete()) {
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
          break;
        }
        problems.add(script + ":" + line + ": the script ends inside a snippet (a missing"
            + " ')', '}' or ';'?)");
        break;
      }
      for (SnippetEvent e : shell.eval(info.source())) {
        if (e.causeSnippet() != null) {
          continue;
        }
        if (e.status() == Snippet.Status.REJECTED) {
          shell.diagnostics(e.snippet()).filter(Diag::isError).forEach(d ->
              problems.add(script + ":" + (line + lineOf(info.source(),
                  (int) Math.max(0, d.getStartPosition())) - 1) + ": "
                  + d.getMessage(null)));
        } else if (e.exception() != null) {
          problems.add(script + ":" + line + ": " + describe(e.exception()));
        }
      }
      remaining = info.remaining();
    }
    return problems;
  }

  private static String describe(Throwable t) {
    if (t instanceof EvalException eval) {
      String type = eval.getExceptionClassName();
      boolean model = type.equals(IllegalArgumentException.class.getName())
          || type.equals(IllegalStateException.class.getName());
      return model ? eval.getMessage() : type + ": " + eval.getMessage();
    }
    return t.toString();
  }

  /** The length of the white space and comments {@code s} starts with. */
  private static int leading(String s) {
    int i = 0;
    while (i < s.length()) {
      if (Character.isWhitespace(s.charAt(i))) {
        i++;
      } else if (s.startsWith("//", i)) {
        int end = s.indexOf('\n', i);
        i = end < 0 ? s.length() : end + 1;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
      } else {
        break;
      }
    }
    return i;
  }

  /** The 1-based line of offset {@code at} in {@code text}. */
  private static int lineOf(String text, int at) {
    int line = 1;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
