package org.cimnet.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Mermaid parser: the {@code mermaid} npm package (pinned in
 * {@code scripts/install-test-tools.sh}, installed into the project's git-ignored
 * {@code .tools/node}) run under node, with jsdom for the DOM it expects.
 */
public final class Mermaid {
  private Mermaid() {}

  /** The folder holding the parser's {@code node_modules}: {@code <project>/.tools/node}. */
  public static Path home() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("scripts/install-test-tools.sh"))) {
        return p.resolve(".tools/node");
      }
    }
    return dir.resolve(".tools/node");
  }

  /** Skips (locally, loudly) or fails (in CI) unless node and the parser are installed. */
  public static void require() {
    Tools.require("node");
    Tools.requirePath(home().resolve("node_modules/mermaid/package.json"),
        "the Mermaid parser (npm package mermaid)");
    Tools.requirePath(home().resolve("node_modules/jsdom/package.json"),
        "jsdom, which the Mermaid parser runs in");
  }

  /**
   * Parses every file; the result's output has one line per file, {@code ok <file> <type>} or
   * {@code error <file>: <message>}, and its exit status is 0 only if every file parsed.
   */
  public static Proc.Result parse(Path work, List<Path> files) {
    Path script = work.resolve("mermaid-parse.mjs");
    try (InputStream in = Mermaid.class.getResourceAsStream("mermaid-parse.mjs")) {
      Files.write(script, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>(List.of(Tools.path("node"), script.toString(),
        home().toString()));
    files.forEach(f -> command.add(f.toAbsolutePath().toString()));
    return Proc.run(command, work, 120);
  }
}
