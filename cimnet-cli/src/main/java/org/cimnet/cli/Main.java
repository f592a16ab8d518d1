package org.cimnet.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The {@code cimnet} command's entry point. Exit status: 0 done (or valid), 1 the network is
 * invalid, 2 wrong arguments, 3 something outside the network failed. A stack trace is printed
 * only with {@code --debug}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command with {@code args}; returns the exit status. */
  static int run(String... args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    try {
      return run(out, err, args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Runs the command writing to {@code out} and {@code err}; returns the exit status. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    boolean debug = Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch("--debug"::equals);
    CommandLine line = new CommandLine(new CimnetCommand()).setOut(out).setErr(err);
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      String prefix = cmd.getCommandSpec().qualifiedName() + ": ";
      int status;
      if (e instanceof CliException c) {
        err.println(prefix + c.getMessage());
        status = c.exitCode();
      } else if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
        // The model's own checks: the message names the element and quotes the value.
        err.println(prefix + e.getMessage());
        status = CliException.INVALID;
      } else {
        err.println(prefix + e);
        status = CliException.FAILED;
      }
      if (debug) {
        e.printStackTrace(err);
      } else if (!(e instanceof CliException)) {
        err.println("(run again with --debug for the stack trace)");
      }
      err.flush();
      return status;
    });
    return line.execute(args);
  }
}
