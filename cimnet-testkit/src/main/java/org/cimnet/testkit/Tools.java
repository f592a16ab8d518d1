package org.cimnet.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The gate for tests that need real tools (nft, unbound-checkconf, ovs-vsctl, nix-instantiate)
 * or root. Locally a missing tool skips the test and says so loudly on stderr; in CI
 * ({@code CI=true} or {@code -Dcimnet.requireTools=true}) a missing tool fails the test, so a
 * skipped check can never pass for a green run.
 */
public final class Tools {
  private Tools() {}

  /** Whether missing tools must fail rather than skip. */
  public static boolean required() {
    return Boolean.getBoolean("cimnet.requireTools") || "true".equals(System.getenv("CI"));
  }

  /** Whether {@code tool} is an executable on the PATH (or an absolute executable path). */
  public static boolean available(String tool) {
    return find(tool).isPresent();
  }

  /** The absolute path of {@code tool}, which must be available. */
  public static String path(String tool) {
    return find(tool).orElseThrow(() -> new IllegalStateException(tool + " is not on the PATH"));
  }

  /** Looks on the PATH and in the sbin folders, which a non-login root shell may lack. */
  private static java.util.Optional<String> find(String tool) {
    if (tool.startsWith("/")) {
      return Files.isExecutable(Path.of(tool)) ? java.util.Optional.of(tool)
          : java.util.Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "")
        + ":/usr/sbin:/sbin:/usr/bin:/bin:/usr/local/bin:/usr/local/sbin";
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return java.util.Optional.of(Path.of(dir, tool).toString());
      }
    }
    return java.util.Optional.empty();
  }

  /** Skips (locally, loudly) or fails (in CI) unless every tool is available. */
  public static void require(String... tools) {
    for (String tool : tools) {
      if (!available(tool)) {
        unavailable("the tool '" + tool + "' is not installed (run ./test.sh, which installs"
            + " the Debian packages the tests need)");
      }
    }
  }

  /**
   * Skips (locally, loudly) or fails (in CI) unless {@code path} exists: something a tool needs
   * that is not an executable, such as the npm packages {@code scripts/install-test-tools.sh}
   * installs into the project.
   */
  public static void requirePath(Path path, String what) {
    if (!Files.exists(path)) {
      unavailable(what + " is not installed at " + path + " (run ./test.sh or"
          + " scripts/install-test-tools.sh, which install it)");
    }
  }

  /** Skips (locally, loudly) or fails (in CI) unless running as root (network namespaces). */
  public static void requireRoot() {
    if (!isRoot()) {
      unavailable("it needs root for network namespaces");
    }
  }

  public static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return out.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void unavailable(String why) {
    String test = StackWalker.getInstance().walk(s -> s.skip(2).findFirst()
        .map(f -> f.getClassName() + "." + f.getMethodName()).orElse("a test"));
    String message = "REAL-TOOL CHECK NOT RUN: " + test + ": " + why;
    if (required()) {
      Assertions.fail(message + " (CI requires every real-tool check to run)");
    }
    System.err.println("\n!!!!! " + message + " -- SKIPPED LOCALLY, CI WILL FAIL ON THIS !!!!!\n");
    Assumptions.abort(message);
  }
}
