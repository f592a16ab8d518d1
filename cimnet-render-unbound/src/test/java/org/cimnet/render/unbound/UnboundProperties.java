package org.cimnet.render.unbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.DnsPlans;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.testkit.CimnetArbitraries;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.cimnet.testkit.gen.NetworkGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random valid networks: deterministic, accepted by the real tools, answered as modelled. */
class UnboundProperties {

  @Provide
  Arbitrary<Network> networks() {
    return CimnetArbitraries.networks();
  }

  @Property(tries = 20)
  void renderingTwiceGivesTheSameBytes(@ForAll("networks") Network network) {
    ValidatedNetwork v = Checker.validate(network);
    RenderContext c = RenderContext.defaults().with("unbound.forward", "9.9.9.9");
    assertEquals(new UnboundRenderer().render(v, c), new UnboundRenderer().render(v, c));
  }

  @Property(tries = 20)
  void unboundCheckconfAcceptsEveryConf(@ForAll("networks") Network network) throws IOException {
    Tools.require("unbound-checkconf");
    Path dir = Files.createTempDirectory("cimnet-unbound");
    try {
      ValidatedNetwork v = Checker.validate(network);
      for (String forward : List.of("", "9.9.9.9")) {
        for (RenderedFile f : new UnboundRenderer().render(v, testContext(dir, 53)
            .with("unbound.forward", forward))) {
          if (f.path().endsWith(".conf")) {
            assertCheckconf(dir, f);
          }
        }
      }
    } finally {
      delete(dir);
    }
  }

  @Property(tries = 10)
  void nixInstantiateParsesEveryModule(@ForAll("networks") Network network) throws IOException {
    Tools.require("nix-instantiate");
    Path dir = Files.createTempDirectory("cimnet-unbound");
    try {
      for (RenderedFile f : new UnboundRenderer().render(Checker.validate(network),
          RenderContext.defaults().with("unbound.forward", "9.9.9.9"))) {
        if (f.path().endsWith(".nix")) {
          assertParses(dir, f);
        }
      }
    } finally {
      delete(dir);
    }
  }

  /**
   * Generated networks of two to five nameserver hosts, /24 to /27 subnets (so several hosts'
   * subnets share a reverse /24): every conf passes unbound-checkconf.
   */
  @Property(tries = 15)
  void unboundCheckconfAcceptsEveryMultiHostConf(@ForAll @IntRange(min = 2, max = 5) int hosts,
      @ForAll @IntRange(min = 24, max = 27) int prefix, @ForAll @IntRange(min = 0, max = 99)
      int seed) throws IOException {
    Tools.require("unbound-checkconf");
    Path dir = Files.createTempDirectory("cimnet-unbound");
    try {
      ValidatedNetwork v = Checker.validate(NetworkGenerator.generate(
          new NetworkGenerator.Spec(hosts, 2, hosts * 2 + seed % 5, prefix, 30, 4, 2, 3, seed)));
      for (String forward : List.of("", "9.9.9.9")) {
        for (RenderedFile f : new UnboundRenderer().render(v, testContext(dir, 53)
            .with("unbound.forward", forward))) {
          if (f.path().endsWith(".conf")) {
            assertCheckconf(dir, f);
          }
        }
      }
    } finally {
      delete(dir);
    }
  }

  /**
   * A generated network of two hosts with /26 subnets and multi-homed containers: every
   * nameserver, a real Unbound each, answers every name.
   */
  @Test
  void liveUnboundsAnswerEveryNameOfAGeneratedNetwork(@TempDir Path dir) throws IOException {
    Tools.require("unbound", "dig");
    ValidatedNetwork v = Checker.validate(NetworkGenerator.generate(
        new NetworkGenerator.Spec(2, 2, 7, 26, 60, 4, 2, 3, 42)));
    List<String> absent = new ArrayList<>(List.of("nosuch.gen.internal", "nosuch.s0.gen.internal",
        "c0.s6.gen.internal"));
    Naming.NameRecord first = v.names().get(0);
    // An unnamed address inside a served subnet: no PTR, NXDOMAIN.
    absent.add(DnsPlans.reverseName(first.address().plus(60)));
    UnboundLabTest.assertEveryServerAnswers(v, dir, absent);
    assertEquals(true, v.names().stream().filter(n -> n.kind() == Naming.Owner.CONTAINER)
        .map(Naming.NameRecord::owner).distinct().count() < v.names().stream()
        .filter(n -> n.kind() == Naming.Owner.CONTAINER).count(),
        "the network holds a multi-homed container");
    assertEquals(2, v.dnsPlans().size(), "two nameservers");
  }

  static RenderContext testContext(Path dir, int port) {
    return RenderContext.defaults().with("unbound.port", String.valueOf(port))
        .with("unbound.interfaces", "loopback-only").with("unbound.directory", dir.toString())
        .with("unbound.pidfile", dir.resolve("unbound.pid").toString())
        .with("unbound.username", "");
  }

  static void assertCheckconf(Path dir, RenderedFile f) throws IOException {
    Path conf = dir.resolve("checked.conf");
    Files.writeString(conf, f.content());
    Proc.Result r = Proc.run(List.of("unbound-checkconf", conf.toString()), dir, 60);
    assertEquals(0, r.exit(), f.path() + ": " + r.output());
  }

  static void assertParses(Path dir, RenderedFile f) throws IOException {
    Path nix = dir.resolve("unbound.nix");
    Files.writeString(nix, f.content());
    Proc.Result r = Proc.run(List.of("nix-instantiate", "--parse", nix.toString()), dir, 60);
    assertEquals(0, r.exit(), f.path() + ": " + r.output());
  }

  private static void delete(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
