package org.cimnet.render.nix;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Watch;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher's systemd service: written, imported and parsed only when the model runs it. */
class WatchModuleTest {
  @TempDir
  Path dir;

  @Test
  void everyHostRunsTheWatcherWhenTheModelSaysSo() {
    Tools.require("nix-instantiate");
    ValidatedNetwork watched = Checker.validate(TestNetworks.twoHosts().network().toBuilder()
        .watch(Watch.builder().pollMillis(500)).build());
    List<RenderedFile> files = TestNetworks.render(watched);
    String module = TestNetworks.file(files, "hosts/plain/nix/watch.nix");
    assertTrue(module.contains("  config.systemd.services.cimnet-watch = {\n"), module);
    assertTrue(module.contains("    ExecStart = lib.escapeShellArgs [ \"${cfg.package}/bin/cimnet\""
        + " \"watch\" cfg.model \"--log\" cfg.log \"--host\" \"plain\" ];\n"), module);
    assertTrue(module.contains("every 500 ms"), module);
    assertTrue(TestNetworks.file(files, "hosts/r1/nix/default.nix")
        .contains("\n    ./watch.nix\n"));
    List<String> parse = new ArrayList<>(List.of("nix-instantiate", "--parse"));
    for (Path p : TestNetworks.write(dir, files)) {
      if (p.toString().endsWith("watch.nix") || p.toString().endsWith("default.nix")) {
        parse.add(p.toString());
      }
    }
    Proc.Result parsed = Proc.run(parse, dir, 60);
    assertTrue(parsed.ok(), parsed.output());

    List<RenderedFile> plain = TestNetworks.render(TestNetworks.twoHosts());
    assertFalse(plain.stream().anyMatch(f -> f.path().endsWith("watch.nix")));
    assertFalse(TestNetworks.file(plain, "hosts/r1/nix/default.nix").contains("watch.nix"));
  }
}
