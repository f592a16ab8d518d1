package org.cimnet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a program as a process, keeping its standard output and error apart. */
record Launcher(int exit, String out, String err) {
  /** The launcher the build makes: a script and its jars. */
  static final Path CIMNET = Path.of("target/cimnet").toAbsolutePath();

  static Launcher cimnet(Object... args) {
    if (!Files.isExecutable(CIMNET)) {
      throw new AssertionError(CIMNET + " is missing: the package phase builds it");
    }
    List<String> command = new ArrayList<>();
    command.add(CIMNET.toString());
    for (Object a : args) {
      command.add(a.toString());
    }
    return run(command, null, 120);
  }

  static Launcher run(List<String> command, Path dir, int seconds) {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      CompletableFuture<String> out = read(p.getInputStream());
      CompletableFuture<String> err = read(p.getErrorStream());
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out after " + seconds + " s: " + command);
      }
      return new Launcher(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  String both() {
    return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
