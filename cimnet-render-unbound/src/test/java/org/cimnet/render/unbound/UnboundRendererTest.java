package org.cimnet.render.unbound;

import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderers;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnboundRendererTest {
  /** Two nameservers; a /23, two /26 sharing one /24 zone, a multi-homed container. */
  static final ValidatedNetwork SMALL = Checker.validate(network("t").domain("t.example")
      .supernet("10.1.0.0/22")
      .subnet(subnet("big", "10.1.0.0/23"))
      .subnet(subnet("left", "10.1.2.0/26"))
      .subnet(subnet("right", "10.1.2.64/26"))
      .host(host("a").nic("eth0", "52:54:00:00:00:01").leaf("l1", "big", "left")
          .address("big", "10.1.0.10").router().nameserver())
      .host(host("b").nic("eth0", "52:54:00:00:00:02").leaf("l2", "right").router()
          .nameserver())
      .container(lxc("web").on("a").attach("big", "10.1.1.20").attach("left", "10.1.2.20"))
      .container(lxc("db").on("b").attach("right", "10.1.2.70"))
      .build());

  static List<RenderedFile> render(ValidatedNetwork n, RenderContext context) {
    return new UnboundRenderer().render(n, context);
  }

  static String file(List<RenderedFile> files, String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + path + " in " + files)).content();
  }

  @Test
  void isFoundByServiceLoader() {
    assertEquals(List.of("unbound"), Renderers.discover().ids());
  }

  @Test
  void writesTwoFilesPerNameserverHost() {
    assertEquals(List.of("hosts/a/unbound/unbound.conf", "hosts/a/nix/unbound.nix",
        "hosts/b/unbound/unbound.conf", "hosts/b/nix/unbound.nix"),
        render(SMALL, RenderContext.defaults()).stream().map(RenderedFile::path).toList());
  }

  @Test
  void rendersTheConfOfHostB() {
    String conf = file(render(SMALL, RenderContext.defaults()
        .with("unbound.forward", "9.9.9.9,127.0.0.1")), "hosts/b/unbound/unbound.conf");
    // b serves "right" only; the /24 it shares with a's "left" it holds whole (left's PTRs
    // too); a's other zones it forwards to a.
    assertEquals(""
        + "# cimnet: Unbound for host b, domain t.example. Generated; do not edit.\n"
        + "server:\n"
        + "  interface: 127.0.0.1\n"
        + "  interface: 10.1.2.126\n"
        + "  port: 53\n"
        + "  ip-freebind: yes\n"
        + "  chroot: \"\"\n"
        + "  username: \"unbound\"\n"
        + "  directory: \"/var/lib/unbound\"\n"
        + "  pidfile: \"\"\n"
        + "  do-ip6: no\n"
        + "  do-not-query-localhost: no\n"
        + "  outgoing-interface: 10.1.2.126\n"
        + "  hide-identity: yes\n"
        + "  hide-version: yes\n"
        + "  access-control: 127.0.0.0/8 allow\n"
        + "  access-control: 10.1.2.64/26 allow\n"
        + "  access-control: 10.1.1.254/32 allow\n"
        + "  access-control: 0.0.0.0/0 refuse\n"
        + "  domain-insecure: \"t.example.\"\n"
        + "  domain-insecure: \"0.1.10.in-addr.arpa.\"\n"
        + "  domain-insecure: \"1.1.10.in-addr.arpa.\"\n"
        + "  domain-insecure: \"2.1.10.in-addr.arpa.\"\n"
        + "  domain-insecure: \"3.1.10.in-addr.arpa.\"\n"
        + "  local-zone: \"t.example.\" static\n"
        + "  local-zone: \"big.t.example.\" transparent\n"
        + "  local-zone: \"left.t.example.\" transparent\n"
        + "  local-zone: \"0.1.10.in-addr.arpa.\" transparent\n"
        + "  local-zone: \"1.1.10.in-addr.arpa.\" transparent\n"
        + "  local-zone: \"2.1.10.in-addr.arpa.\" static\n"
        + "  local-data: \"gw.right.t.example. 300 IN A 10.1.2.65\"\n"
        + "  local-data: \"ns.right.t.example. 300 IN A 10.1.2.126\"\n"
        + "  local-data: \"db.right.t.example. 300 IN A 10.1.2.70\"\n"
        + "  local-data-ptr: \"10.1.2.1 300 gw.left.t.example.\"\n"
        + "  local-data-ptr: \"10.1.2.62 300 ns.left.t.example.\"\n"
        + "  local-data-ptr: \"10.1.2.20 300 web.left.t.example.\"\n"
        + "  local-data-ptr: \"10.1.2.65 300 gw.right.t.example.\"\n"
        + "  local-data-ptr: \"10.1.2.126 300 ns.right.t.example.\"\n"
        + "  local-data-ptr: \"10.1.2.70 300 db.right.t.example.\"\n"
        + "forward-zone:\n"
        + "  name: \"big.t.example.\"\n"
        + "  forward-addr: 10.1.1.254\n"
        + "forward-zone:\n"
        + "  name: \"left.t.example.\"\n"
        + "  forward-addr: 10.1.2.62\n"
        + "forward-zone:\n"
        + "  name: \"0.1.10.in-addr.arpa.\"\n"
        + "  forward-addr: 10.1.1.254\n"
        + "forward-zone:\n"
        + "  name: \"1.1.10.in-addr.arpa.\"\n"
        + "  forward-addr: 10.1.1.254\n"
        + "forward-zone:\n"
        + "  name: \".\"\n"
        + "  forward-addr: 9.9.9.9\n"
        + "  forward-addr: 127.0.0.1\n", conf);
  }

  @Test
  void rendersTheNixModuleOfHostB() {
    String nix = file(render(SMALL, RenderContext.defaults().with("unbound.port", "5353")
        .with("unbound.forward", "9.9.9.9")), "hosts/b/nix/unbound.nix");
    String head = nix.substring(0, nix.indexOf("        local-data = ["));
    assertEquals(""
        + "# cimnet: Unbound for host b, domain t.example. Generated; do not edit.\n"
        + "{ ... }:\n"
        + "\n"
        + "{\n"
        + "  services.unbound = {\n"
        + "    enable = true;\n"
        + "    # nixpkgs leaves the build-time unbound-checkconf off unless asked.\n"
        + "    checkconf = true;\n"
        + "    settings = {\n"
        + "      server = {\n"
        + "        interface = [\n"
        + "          \"127.0.0.1\"\n"
        + "          \"10.1.2.126\"\n"
        + "        ];\n"
        + "        port = 5353;\n"
        + "        do-ip6 = false;\n"
        + "        outgoing-interface = [\n"
        + "          \"10.1.2.126\"\n"
        + "        ];\n"
        + "        hide-identity = true;\n"
        + "        hide-version = true;\n"
        + "        access-control = [\n"
        + "          \"127.0.0.0/8 allow\"\n"
        + "          \"10.1.2.64/26 allow\"\n"
        + "          \"10.1.1.254/32 allow\"\n"
        + "          \"0.0.0.0/0 refuse\"\n"
        + "        ];\n"
        + "        domain-insecure = [\n"
        + "          \"\\\"t.example.\\\"\"\n"
        + "          \"\\\"0.1.10.in-addr.arpa.\\\"\"\n"
        + "          \"\\\"1.1.10.in-addr.arpa.\\\"\"\n"
        + "          \"\\\"2.1.10.in-addr.arpa.\\\"\"\n"
        + "          \"\\\"3.1.10.in-addr.arpa.\\\"\"\n"
        + "        ];\n"
        + "        local-zone = [\n"
        + "          \"\\\"t.example.\\\" static\"\n"
        + "          \"\\\"big.t.example.\\\" transparent\"\n"
        + "          \"\\\"left.t.example.\\\" transparent\"\n"
        + "          \"\\\"0.1.10.in-addr.arpa.\\\" transparent\"\n"
        + "          \"\\\"1.1.10.in-addr.arpa.\\\" transparent\"\n"
        + "          \"\\\"2.1.10.in-addr.arpa.\\\" static\"\n"
        + "        ];\n", head);
    String tail = nix.substring(nix.indexOf("          \"\\\"10.1.2.70 300"));
    assertEquals(""
        + "          \"\\\"10.1.2.70 300 db.right.t.example.\\\"\"\n"
        + "        ];\n"
        + "      };\n"
        + "      forward-zone = [\n"
        + "        {\n"
        + "          name = \"\\\"big.t.example.\\\"\";\n"
        + "          forward-addr = [\n"
        + "            \"10.1.1.254@5353\"\n"
        + "          ];\n"
        + "        }\n"
        + "        {\n"
        + "          name = \"\\\"left.t.example.\\\"\";\n"
        + "          forward-addr = [\n"
        + "            \"10.1.2.62@5353\"\n"
        + "          ];\n"
        + "        }\n"
        + "        {\n"
        + "          name = \"\\\"0.1.10.in-addr.arpa.\\\"\";\n"
        + "          forward-addr = [\n"
        + "            \"10.1.1.254@5353\"\n"
        + "          ];\n"
        + "        }\n"
        + "        {\n"
        + "          name = \"\\\"1.1.10.in-addr.arpa.\\\"\";\n"
        + "          forward-addr = [\n"
        + "            \"10.1.1.254@5353\"\n"
        + "          ];\n"
        + "        }\n"
        + "        {\n"
        + "          name = \"\\\".\\\"\";\n"
        + "          forward-addr = [\n"
        + "            \"9.9.9.9\"\n"
        + "          ];\n"
        + "        }\n"
        + "      ];\n"
        + "    };\n"
        + "  };\n"
        + "}\n", tail);
  }

  @Test
  void eachARecordIsHeldByTheNameserverOfItsSubnetOnly() {
    List<RenderedFile> files = render(SMALL, RenderContext.defaults());
    String a = file(files, "hosts/a/unbound/unbound.conf");
    String b = file(files, "hosts/b/unbound/unbound.conf");
    for (var name : SMALL.names()) {
      String line = "  local-data: \"" + name.fqdn() + ". 300 IN A " + name.address() + "\"\n";
      boolean right = name.subnet().equals("right");
      assertEquals(!right, a.contains(line), line);
      assertEquals(right, b.contains(line), line);
    }
  }

  @Test
  void withoutForwardersTheRootIsRefusedAndOnlyPeersAreAsked() {
    String conf = file(render(SMALL, RenderContext.defaults()), "hosts/a/unbound/unbound.conf");
    assertEquals(true, conf.contains("  local-zone: \".\" refuse\n"));
    assertEquals(List.of("  name: \"right.t.example.\""),
        conf.lines().filter(l -> l.startsWith("  name:")).toList());
    assertEquals(false, conf.contains("do-not-query-localhost"));
  }

  @Test
  void loopbackOnlyListensOn127001Only() {
    String conf = file(render(SMALL, RenderContext.defaults()
        .with("unbound.interfaces", "loopback-only")), "hosts/a/unbound/unbound.conf");
    assertEquals(List.of("  interface: 127.0.0.1"), conf.lines()
        .filter(l -> l.startsWith("  interface:")).toList());
  }

  @Test
  void renderingIsByteStable() {
    RenderContext c = RenderContext.defaults().with("unbound.forward", "9.9.9.9");
    assertEquals(render(SMALL, c), render(SMALL, c));
  }

  @Nested
  class Settings {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unbound.forward    | 9.9.9.9,nine  | Setting 'unbound.forward': 'nine' is not an IPv4"
            + " address: give comma-separated addresses, such as '9.9.9.9,149.112.112.112'",
        "unbound.forward    | 9.9.9.9,      | Setting 'unbound.forward': '' is not an IPv4"
            + " address: give comma-separated addresses, such as '9.9.9.9,149.112.112.112'",
        "unbound.forward    | 1.1.1.1,1.1.1.1 | Setting 'unbound.forward': '1.1.1.1' is given"
            + " twice",
        "unbound.port       | 0             | Setting 'unbound.port': '0' is not a port: use a"
            + " number from 1 to 65535",
        "unbound.port       | 70000         | Setting 'unbound.port': '70000' is not a port:"
            + " use a number from 1 to 65535",
        "unbound.interfaces | eth0          | Setting 'unbound.interfaces': 'eth0' is not"
            + " allowed: use 'all' or 'loopback-only'"})
    void badSettingsAreNamed(String key, String value, String message) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> render(SMALL, RenderContext.defaults().with(key, value)));
      assertEquals(message, e.getMessage());
    }

    @Test
    void aValueThatCannotBeQuotedIsRefused() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> render(SMALL, RenderContext.defaults().with("unbound.directory", "/a\nb")));
      assertEquals("Unbound value '/a\\nb' holds the control character U+000A: only printable"
          + " characters fit in an Unbound argument", e.getMessage());
    }
  }

  @Nested
  class RealTools {
    @Test
    void unboundCheckconfAcceptsEveryConf(@TempDir Path dir) throws Exception {
      Tools.require("unbound-checkconf");
      for (RenderedFile f : render(SMALL, UnboundProperties.testContext(dir, 53)
          .with("unbound.forward", "9.9.9.9,127.0.0.1"))) {
        if (f.path().endsWith(".conf")) {
          UnboundProperties.assertCheckconf(dir, f);
        }
      }
    }

    @Test
    void nixInstantiateParsesEveryModule(@TempDir Path dir) throws Exception {
      Tools.require("nix-instantiate");
      for (RenderedFile f : render(SMALL, RenderContext.defaults()
          .with("unbound.forward", "9.9.9.9"))) {
        if (f.path().endsWith(".nix")) {
          UnboundProperties.assertParses(dir, f);
        }
      }
    }

    @Test
    void liveUnboundsAnswerEveryNameOfTheModel(@TempDir Path dir) throws Exception {
      Tools.require("unbound", "dig");
      UnboundLabTest.assertEveryServerAnswers(SMALL, dir, List.of("nosuch.t.example",
          "a.right.t.example", "web.right.t.example", "30.2.1.10.in-addr.arpa",
          "100.2.1.10.in-addr.arpa", "3.0.1.10.in-addr.arpa"));
    }
  }
}
