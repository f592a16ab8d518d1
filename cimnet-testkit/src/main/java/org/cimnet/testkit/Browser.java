package org.cimnet.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Headless Debian {@code chromium}, isolated: no sandbox (tests may run as root), no GPU, no
 * network chatter (no QUIC, background networking, component updates or sync), a fresh empty
 * profile per run. Callers gate on {@code Tools.require("chromium")}.
 */
public final class Browser {
  private Browser() {}

  /** The DOM of {@code page} after it loaded, as chromium serialises it. */
  public static Proc.Result dumpDom(Path page, Path work) {
    return run(page, work, "dom", List.of("--dump-dom"));
  }

  /** A PNG screenshot of {@code page} at {@code width} × {@code height} into {@code png}. */
  public static Proc.Result screenshot(Path page, Path png, int width, int height, Path work) {
    return run(page, work, "shot", List.of("--window-size=" + width + "," + height,
        "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath()));
  }

  private static Proc.Result run(Path page, Path work, String profile, List<String> extra) {
    List<String> command = new ArrayList<>(List.of(Tools.path("chromium"), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + work.resolve("chromium-" + profile).toAbsolutePath()));
    command.addAll(extra);
    command.add(page.toAbsolutePath().toUri().toString());
    return Proc.run(command, work, 120);
  }
}
