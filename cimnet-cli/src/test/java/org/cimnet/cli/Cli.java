package org.cimnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command in this JVM and keeps what it printed. */
record Cli(int exit, String out, String err) {
  /** The seed's YAML folder, as a person's own folder would be given. */
  static final Path SEED = Path.of("../cimnet-examples/src/main/resources/seed");

  static Cli run(Object... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] text = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      text[i] = args[i].toString();
    }
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), text);
    return new Cli(exit, out.toString(), err.toString());
  }

  String both() {
    return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
