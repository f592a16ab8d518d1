package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.render.nix.NixRenderer;
import org.cimnet.testkit.Golden;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's CIM as NixOS modules and nftables, byte for byte, and accepted by the tools. */
class NixGoldenTest {
  private static List<RenderedFile> render() {
    return new NixRenderer().render(Checker.validate(SeedNetwork.build()),
        RenderContext.defaults());
  }

  @Test
  void matchesGoldenFiles() {
    Golden.assertFolder("nix", render());
  }

  @Test
  void parsesAndLoads(@TempDir Path dir) throws Exception {
    Tools.require("nix-instantiate", "nft", "unshare");
    List<String> parse = new ArrayList<>(List.of("nix-instantiate", "--parse"));
    Path nft = null;
    for (RenderedFile f : render()) {
      Path p = dir.resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.content());
      if (f.path().endsWith(".nix")) {
        parse.add(p.toString());
      } else {
        nft = p;
      }
    }
    Proc.Result parsed = Proc.run(parse, dir, 60);
    assertTrue(parsed.ok(), parsed.output());
    Proc.Result checked = Proc.run(List.of("unshare", "-rn", "nft", "-c", "-f", nft.toString()),
        dir, 60);
    assertTrue(checked.ok(), checked.output());
  }
}
