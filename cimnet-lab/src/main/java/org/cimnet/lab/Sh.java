package org.cimnet.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command with arguments (never through a shell, so no name is ever re-parsed), bounded
 * in time, capturing stdout and stderr together.
 */
final class Sh {
  private Sh() {}

  /** The outcome of a command. */
  record Result(List<String> command, int exit, String output) {
    boolean ok() {
      return exit == 0;
    }

    /** This result, or a {@link LabException} quoting the command and what it printed. */
    Result orThrow() {
      if (exit != 0) {
        throw new LabException("Command failed (" + (exit == -1 ? "timed out" : "exit " + exit)
            + "): " + String.join(" ", command) + "\n" + output.strip());
      }
      return this;
    }
  }

  static Result run(int seconds, String... command) {
    return run(List.of(command), Map.of(), null, seconds);
  }

  static Result run(List<String> command, int seconds) {
    return run(command, Map.of(), null, seconds);
  }

  /** Runs {@code command} with extra environment variables and {@code dir} (null: here). */
  static Result run(List<String> command, Map<String, String> env, Path dir, int seconds) {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    pb.environment().putAll(env);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new LabException("Could not start " + String.join(" ", command) + ": "
          + e.getMessage(), e);
    }
    byte[][] out = new byte[1][];
    Thread reader = new Thread(() -> {
      try {
        out[0] = p.getInputStream().readAllBytes();
      } catch (IOException e) {
        out[0] = ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
      }
    }, "lab-output");
    reader.setDaemon(true);
    try {
      p.getOutputStream().close();
      reader.start();
      boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
      if (!done) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
      reader.join(5000);
      String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
      return new Result(List.copyOf(command), done ? p.exitValue() : -1, text);
    } catch (IOException e) {
      throw new LabException("Could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new LabException("Interrupted running " + String.join(" ", command), e);
    }
  }
}
