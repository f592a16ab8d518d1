package org.cimnet.render.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Network;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.testkit.CimnetArbitraries;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;

/** Over random valid networks: output is byte-stable, parses as Nix and loads as nftables. */
class NixRendererProperties {
  @Provide
  Arbitrary<Network> networks() {
    return CimnetArbitraries.networks();
  }

  @Property(tries = 50)
  void renderingIsDeterministic(@ForAll("networks") Network network) {
    ValidatedNetwork v = Checker.validate(network);
    assertEquals(TestNetworks.render(v), TestNetworks.render(Checker.validate(network)));
  }

  /** Every .nix parses; every nftables.nft passes nft's own check in an empty namespace. */
  @Property(tries = 30)
  void outputPassesTheRealTools(@ForAll("networks") Network network) throws IOException {
    Tools.require("nix-instantiate", "nft", "unshare");
    List<RenderedFile> files = TestNetworks.render(Checker.validate(network));
    Path dir = Files.createTempDirectory("cimnet-nix");
    try {
      List<Path> paths = TestNetworks.write(dir, files);
      List<String> parse = new ArrayList<>(List.of("nix-instantiate", "--parse"));
      paths.stream().filter(p -> p.toString().endsWith(".nix")).forEach(p -> parse.add(
          p.toString()));
      Proc.Result parsed = Proc.run(parse, dir, 60);
      assertTrue(parsed.ok(), parsed.output());
      for (Path p : paths) {
        if (p.toString().endsWith(".nft")) {
          Proc.Result checked = Proc.run(List.of("unshare", "-rn", "nft", "-c", "-f",
              p.toString()), dir, 60);
          assertTrue(checked.ok(), p + ":\n" + checked.output());
        }
      }
    } finally {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
