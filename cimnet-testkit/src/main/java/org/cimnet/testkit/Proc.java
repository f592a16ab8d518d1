package org.cimnet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command with a time bound and captures its exit status and output. */
public final class Proc {
  private Proc() {}

  /** The outcome of a command: exit status and merged stdout and stderr. */
  public record Result(int exit, String output) {
    public boolean ok() {
      return exit == 0;
    }
  }

  public static Result run(List<String> command) {
    return run(command, null, 60);
  }

  /** Runs {@code command} in {@code dir} (null: here), killing it after {@code seconds}. */
  public static Result run(List<String> command, Path dir, int seconds) {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[][] out = new byte[1][];
      Thread reader = new Thread(() -> {
        try {
          out[0] = p.getInputStream().readAllBytes();
        } catch (IOException e) {
          out[0] = ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
        }
      });
      reader.start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        reader.join(5000);
        return new Result(-1, "timed out after " + seconds + "s: " + String.join(" ", command)
            + "\n" + (out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8)));
      }
      reader.join(10_000);
      return new Result(p.exitValue(), out[0] == null ? ""
          : new String(out[0], StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted running " + command, e);
    }
  }
}
