package org.cimnet.render.unbound;

import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.testkit.LiveUnbound;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several nameservers, each a real Unbound on its own loopback address (the
 * {@code unbound.lab-addresses} setting), each asked for every name of the network: its own
 * from its records, the others' through the forward zones.
 */
class UnboundLabTest {
  /** Host a serves s1 and s2, b serves s3 (s2 and s3 share one /24 reverse zone). */
  static Network.Builder twoHosts() {
    return network("lab").domain("lab.example").supernet("10.2.0.0/16")
        .subnet(subnet("s1", "10.2.1.0/24"))
        .subnet(subnet("s2", "10.2.2.0/25"))
        .subnet(subnet("s3", "10.2.2.128/25"))
        .host(host("a").nic("eth0", "52:54:00:00:00:01").leaf("la", "s1", "s2").router()
            .nameserver())
        .host(host("b").nic("eth0", "52:54:00:00:00:02").leaf("lb", "s3").router()
            .nameserver())
        .container(lxc("web").on("a").attach("s1", "10.2.1.10").attach("s2", "10.2.2.10"))
        .container(lxc("mail").on("a").attach("s1", "10.2.1.11"))
        .container(lxc("db").on("b").attach("s3", "10.2.2.140"));
  }

  /** Adds host c serving s4: beyond the two hubs, it reaches the others through them. */
  static Network.Builder threeHosts() {
    return twoHosts().subnet(subnet("s4", "10.2.4.0/24"))
        .host(host("c").nic("eth0", "52:54:00:00:00:03").leaf("lc", "s4").router()
            .nameserver())
        .container(lxc("app").on("c").attach("s4", "10.2.4.20"));
  }

  private static final List<String> ABSENT = List.of("nosuch.lab.example",
      "nosuch.s1.lab.example", "nosuch.s3.lab.example", "db.s1.lab.example",
      "99.1.2.10.in-addr.arpa", "99.2.2.10.in-addr.arpa", "200.2.2.10.in-addr.arpa",
      "5.9.2.10.in-addr.arpa");

  @Test
  void twoLiveNameserversAnswerEveryNameOfTheNetwork(@TempDir Path dir) throws IOException {
    Tools.require("unbound", "dig");
    assertEveryServerAnswers(Checker.validate(twoHosts().build()), dir, ABSENT);
  }

  @Test
  void threeLiveNameserversAnswerEveryNameOfTheNetwork(@TempDir Path dir) throws IOException {
    Tools.require("unbound", "dig");
    List<String> absent = new ArrayList<>(ABSENT);
    absent.addAll(List.of("nosuch.s4.lab.example", "99.4.2.10.in-addr.arpa"));
    assertEveryServerAnswers(Checker.validate(threeHosts().build()), dir, absent);
  }

  @Test
  void everyNameserverNeedsALabAddress() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new UnboundRenderer().render(Checker.validate(twoHosts().build()),
            RenderContext.defaults().with("unbound.lab-addresses", "a=127.0.0.2")));
    assertEquals("Setting 'unbound.lab-addresses': nameserver host 'b' has no stand-in address:"
        + " give one for every nameserver host [a, b]", e.getMessage());
  }

  @Test
  void labAddressesReplaceTheNameserverAddresses() {
    List<RenderedFile> files = new UnboundRenderer().render(Checker.validate(twoHosts().build()),
        RenderContext.defaults().with("unbound.port", "5300")
            .with("unbound.lab-addresses", "a=127.0.0.2, b=127.0.0.3"));
    String b = UnboundRendererTest.file(files, "hosts/b/unbound/unbound.conf");
    assertEquals(List.of("  interface: 127.0.0.3", "  outgoing-interface: 127.0.0.3",
        "  access-control: 127.0.0.2/32 allow", "  forward-addr: 127.0.0.2@5300"),
        b.lines().filter(l -> l.contains("127.0.0.2") || l.contains("127.0.0.3")).distinct()
            .toList());
  }

  /**
   * Renders {@code v} with every nameserver on its own 127.0.0.x, starts them all, and asks
   * each for every A and PTR of the network and for {@code absent} (NXDOMAIN); stops them all.
   */
  static void assertEveryServerAnswers(ValidatedNetwork v, Path dir, List<String> absent)
      throws IOException {
    Map<String, DnsPlan> plans = v.dnsPlans();
    List<String> hosts = List.copyOf(plans.keySet());
    StringJoiner lab = new StringJoiner(",");
    for (int i = 0; i < hosts.size(); i++) {
      lab.add(hosts.get(i) + "=" + address(i));
    }
    int port = LiveUnbound.freePort();
    List<RenderedFile> files = new UnboundRenderer().render(v,
        UnboundProperties.testContext(dir, port).with("unbound.pidfile", "")
            .with("unbound.lab-addresses", lab.toString()));
    List<LiveUnbound> servers = new ArrayList<>();
    try {
      for (int i = 0; i < hosts.size(); i++) {
        Path folder = Files.createDirectories(dir.resolve(hosts.get(i)));
        Path conf = folder.resolve("unbound.conf");
        Files.writeString(conf, UnboundRendererTest.file(files,
            "hosts/" + hosts.get(i) + "/unbound/unbound.conf"));
        servers.add(LiveUnbound.start(conf, address(i), port, v.network().domain()));
      }
      for (int i = 0; i < hosts.size(); i++) {
        LiveUnbound server = servers.get(i);
        assertEquals(List.of(), server.compare(v.names(), absent),
            "nameserver " + hosts.get(i) + " at " + address(i) + ":\n" + server.log());
      }
    } finally {
      servers.forEach(LiveUnbound::close);
    }
  }

  private static String address(int index) {
    return "127.0.0." + (index + 2);
  }
}
