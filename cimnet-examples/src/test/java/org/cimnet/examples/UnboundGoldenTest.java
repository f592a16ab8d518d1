package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;
import org.cimnet.core.spi.Renderers;
import org.cimnet.testkit.Golden;
import org.cimnet.testkit.LiveUnbound;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's CIM rendered for Unbound: golden files, unbound-checkconf, a live Unbound. */
class UnboundGoldenTest {
  private static final ValidatedNetwork SEED = Checker.validate(SeedNetwork.build());

  private static Renderer unbound() {
    return Renderers.discover().all().stream().filter(r -> r.id().equals("unbound"))
        .findFirst().orElseThrow(() -> new AssertionError("no 'unbound' renderer registered"));
  }

  @Test
  void rendersTheGoldenFilesWithoutForwarders() {
    Golden.assertFolder("unbound/default", unbound().render(SEED, RenderContext.defaults()));
  }

  @Test
  void rendersTheGoldenFilesWithForwarders() {
    Golden.assertFolder("unbound/forward", unbound().render(SEED,
        RenderContext.defaults().with("unbound.forward", "9.9.9.9, 149.112.112.112")));
  }

  /** Forwarders declared in the model render exactly what the setting renders. */
  @Test
  void theModelsForwardersRenderAsTheSettingDoes() {
    ValidatedNetwork declared = Checker.validate(SeedNetwork.build().toBuilder()
        .forwarders("9.9.9.9", "149.112.112.112").build());
    Golden.assertFolder("unbound/forward", unbound().render(declared,
        RenderContext.defaults()));
  }

  /** The setting replaces the model's forwarders; an empty value declares none. */
  @Test
  void theSettingOverridesTheModelsForwarders() {
    ValidatedNetwork declared = Checker.validate(SeedNetwork.build().toBuilder()
        .forwarders("192.0.2.53").build());
    Golden.assertFolder("unbound/forward", unbound().render(declared,
        RenderContext.defaults().with("unbound.forward", "9.9.9.9,149.112.112.112")));
    Golden.assertFolder("unbound/default", unbound().render(declared,
        RenderContext.defaults().with("unbound.forward", "")));
  }

  @Test
  void unboundCheckconfAcceptsTheConf(@TempDir Path dir) throws IOException {
    Tools.require("unbound-checkconf");
    for (String forward : List.of("", "9.9.9.9,149.112.112.112")) {
      Path conf = write(dir, "unbound.conf", context(dir, 53).with("unbound.forward", forward));
      Proc.Result r = Proc.run(List.of("unbound-checkconf", conf.toString()), dir, 60);
      assertEquals(0, r.exit(), r.output());
    }
  }

  @Test
  void nixInstantiateParsesTheModule(@TempDir Path dir) throws IOException {
    Tools.require("nix-instantiate");
    Path nix = dir.resolve("unbound.nix");
    Files.writeString(nix, file("nix/unbound.nix", RenderContext.defaults()
        .with("unbound.forward", "9.9.9.9")));
    Proc.Result r = Proc.run(List.of("nix-instantiate", "--parse", nix.toString()), dir, 60);
    assertEquals(0, r.exit(), r.output());
  }

  /** Every A and PTR of the model, and names that must not exist, asked of a real Unbound. */
  @Test
  void aLiveUnboundAnswersExactlyTheModel(@TempDir Path dir) throws IOException {
    Tools.require("unbound", "dig");
    int port = LiveUnbound.freePort();
    Path conf = write(dir, "unbound.conf", context(dir, port));
    try (LiveUnbound live = LiveUnbound.start(conf, port, "gw.lan.cim.internal")) {
      List<String> problems = live.compare(SEED.names(), List.of("nosuch.cim.internal",
          "nosuch.lan.cim.internal", "web1.lan.cim.internal", "gw.ilo.cim.internal",
          "cim.cim.internal", "250.1.168.192.in-addr.arpa", "1.0.168.192.in-addr.arpa"));
      assertEquals(List.of(), problems, live.log());
      // Without forwarders, names outside the zones are refused, never resolved.
      Map<LiveUnbound.Question, LiveUnbound.Answer> outside = live.ask(
          List.of(new LiveUnbound.Question("example.com", "A")));
      assertEquals("REFUSED", outside.values().iterator().next().status());
      assertTrue(SEED.names().size() >= 20, "the seed names at least 20 addresses");
    }
  }

  private static RenderContext context(Path dir, int port) {
    return RenderContext.defaults().with("unbound.port", String.valueOf(port))
        .with("unbound.interfaces", "loopback-only").with("unbound.directory", dir.toString())
        .with("unbound.pidfile", dir.resolve("unbound.pid").toString())
        .with("unbound.username", "");
  }

  private static String file(String suffix, RenderContext context) {
    List<RenderedFile> files = unbound().render(SEED, context);
    return files.stream().filter(f -> f.path().equals("hosts/vhost-dev/" + suffix))
        .findFirst().orElseThrow().content();
  }

  private static Path write(Path dir, String name, RenderContext context) throws IOException {
    Path conf = dir.resolve(name);
    Files.writeString(conf, file("unbound/unbound.conf", context));
    return conf;
  }
}
