package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Problem;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.core.plan.FirewallPlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.policy.Matrix;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;
import org.cimnet.core.spi.Renderers;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three-host example: valid, routed between its routers, and accepted by the tools. */
class ThreeHostExampleTest {
  private final Report report = Checker.check(ThreeHostExample.build());

  /**
   * Valid; the one warning is that no forwarders are declared.
   */
  @Test
  void isValidWarningOnlyOfTheMissingForwarders() {
    assertTrue(report.ok(), report::toText);
    assertEquals(List.of("internet.no-forwarders"), report.warnings().stream()
        .map(Problem::id).toList(), report::toText);
  }

  @Test
  void coreRoutesEdgesSubnetsThroughEdgeAndEdgeGoesOutThroughCore() {
    Map<String, HostPlan> plans = report.validated().plans();
    Ipv4Address edgeLan = report.network().host("edge").orElseThrow().addresses().get(0)
        .address().orElseThrow();
    List<String> throughEdge = plans.get("core").routes().stream()
        .filter(r -> r.via().equals(Optional.of(edgeLan))).map(r -> r.destination().toString())
        .toList();
    assertEquals(List.of("10.30.2.0/24", "10.30.3.0/24", "10.30.5.0/24"), throughEdge);
    assertEquals("10.30.1.1", plans.get("edge").defaultRoute().orElseThrow().gateway()
        .toString());
    assertEquals(List.of(Prefix.parse("10.30.1.1/32")), plans.get("edge").routes().stream()
        .map(HostPlan.StaticRoute::destination).toList());
    HostPlan rack = plans.get("rack");
    assertFalse(rack.forwarding(), "rack routes nothing");
    assertEquals("10.30.9.1", rack.defaultRoute().orElseThrow().gateway().toString());
    assertTrue(report.network().subnet("mgmt").orElseThrow().cidr().contains(
        report.network().host("rack").orElseThrow().addresses().get(0).address().orElseThrow()),
        "rack's address is in mgmt");
  }

  @Test
  void eachRouterFiltersWhatItForwardsOnly() {
    Map<String, FirewallPlan> fw = report.validated().firewalls();
    Prefix lan = Prefix.parse("10.30.1.0/24");
    Prefix app = Prefix.parse("10.30.2.0/24");
    Prefix db = Prefix.parse("10.30.3.0/24");
    // lan -> internet passes core alone; lan -> app passes core and edge; app -> db edge alone.
    assertTrue(hasElement(fw.get("core"), lan, Optional.empty()));
    assertFalse(hasElement(fw.get("edge"), lan, Optional.empty()));
    assertTrue(hasElement(fw.get("core"), lan, Optional.of(app)));
    assertTrue(hasElement(fw.get("edge"), lan, Optional.of(app)));
    assertTrue(hasElement(fw.get("edge"), app, Optional.of(db)));
    assertFalse(hasElement(fw.get("core"), app, Optional.of(db)));
    assertTrue(fw.get("rack").allowSets().isEmpty(), "rack forwards nothing");
  }

  @Test
  void eachRouterPassesTheNameserverQueriesItForwardsAsTwoSets() {
    Map<String, FirewallPlan> fw = report.validated().firewalls();
    // Nameservers ask from their first address: core from lan, edge from app, rack from mgmt
    // (routed by core). Core forwards edge's queries to rack's mgmt address and rack's to
    // edge's; edge forwards core's queries to rack's iot address, which edge routes. A query
    // to a router's own address is its input, never forwarded.
    assertEquals(new FirewallPlan.DnsQueries(addresses("10.30.2.254", "10.30.9.254"),
        addresses("10.30.9.254", "10.30.2.254", "10.30.3.254")), fw.get("core").dnsQueries());
    assertEquals(new FirewallPlan.DnsQueries(addresses("10.30.1.254"),
        addresses("10.30.5.254")), fw.get("edge").dnsQueries());
    assertTrue(fw.get("rack").dnsQueries().isEmpty(), "rack forwards nothing");
  }

  /**
   * Only core reaches the forwarders (it routes the way out; edge's and rack's queries to them
   * would cross core's forward chain, which lets no nameserver out): edge and rack send every
   * name outside the zones to core's nameserver at 10.30.1.254, a peer, and core's own queries
   * to the forwarders, sent from that address, take the public address.
   */
  @Test
  void onlyTheNameserverOfTheWayOutAsksTheForwardersTheOthersAskIt() {
    List<Ipv4Address> upstream = addresses("9.9.9.9", "149.112.112.112");
    Map<String, DnsPlan> dns = report.validated().dnsPlans(upstream);
    assertEquals(upstream, dns.get("core").forwarders());
    assertFalse(dns.get("core").delegations().stream().anyMatch(d -> d.zone().isEmpty()),
        "core delegates no root");
    for (String other : List.of("edge", "rack")) {
      assertEquals(List.of(), dns.get(other).forwarders(), other);
      assertTrue(dns.get(other).delegations().contains(
          new DnsPlan.Delegation("", addresses("10.30.1.254"))), other);
      assertFalse(dns.get(other).zones().stream().anyMatch(z -> z.name().isEmpty()),
          other + " refuses no root");
    }
    assertTrue(dns.get("core").peers().containsAll(addresses("10.30.2.254", "10.30.9.254")),
        "core lets edge and rack ask");
    assertTrue(report.validated().firewalls().get("core").natSources()
        .contains(Prefix.parse("10.30.1.254/32")), "core's own queries are translated");
    assertFalse(report.validated().firewalls().get("edge").translates(), "edge has no uplink");
  }

  private static List<Ipv4Address> addresses(String... text) {
    return java.util.Arrays.stream(text).map(Ipv4Address::parse).toList();
  }

  private static boolean hasElement(FirewallPlan plan, Prefix from, Optional<Prefix> to) {
    return plan.allowSets().stream().flatMap(s -> s.elements().stream())
        .anyMatch(e -> e.from().equals(Optional.of(from)) && e.to().equals(to));
  }

  @Test
  void relaysCarryWhatTheRulesOpenAcrossRouters() {
    Matrix m = report.matrix();
    // dmz reaches app only through proxy, which sits in both; app reaches db directly.
    assertTrue(m.cell("dmz", "app").direct().isEmpty());
    assertFalse(m.cell("dmz", "app").via().isEmpty());
    assertFalse(m.cell("app", "db").direct().isEmpty());
    assertTrue(m.cell("internet", "lan").isEmpty());
  }

  @Test
  void everyHostsFilesAreAcceptedByTheRealTools(@TempDir Path dir) throws Exception {
    Tools.require("nix-instantiate", "nft", "unshare", "unbound-checkconf", "bash");
    ValidatedNetwork valid = report.validated();
    List<String> parse = new ArrayList<>(List.of("nix-instantiate", "--parse"));
    List<Path> rulesets = new ArrayList<>();
    List<Path> confs = new ArrayList<>();
    List<Path> scripts = new ArrayList<>();
    for (Renderer r : Renderers.discover().all()) {
      if (!List.of("nix", "ovs", "unbound").contains(r.id())) {
        continue;
      }
      // With forwarders: core's forward zone to them and its translation of its own queries,
      // edge's and rack's root sent to core, all checked by the tools.
      for (RenderedFile f : r.render(valid, RenderContext.defaults()
          .with("unbound.forward", "9.9.9.9,149.112.112.112"))) {
        Path p = dir.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.content());
        String name = p.getFileName().toString();
        if (name.endsWith(".nix")) {
          parse.add(p.toString());
        } else if (name.equals("nftables.nft")) {
          rulesets.add(p);
        } else if (name.equals("unbound.conf")) {
          confs.add(p);
        } else if (name.equals("setup.sh")) {
          scripts.add(p);
        }
      }
    }
    assertEquals(3, rulesets.size());
    assertEquals(3, confs.size(), "core, edge and rack serve DNS");
    assertEquals(3, scripts.size());
    Proc.Result parsed = Proc.run(parse, dir, 120);
    assertTrue(parsed.ok(), parsed.output());
    for (Path nft : rulesets) {
      Proc.Result checked = Proc.run(List.of("unshare", "-rn", "nft", "-c", "-f",
          nft.toString()), dir, 60);
      assertTrue(checked.ok(), nft + ":\n" + checked.output());
    }
    assertTrue(Files.readString(dir.resolve("hosts/core/nftables.nft")).contains(
        "10.30.1.254"), "core translates its own queries");
    String edge = Files.readString(dir.resolve("hosts/edge/unbound/unbound.conf"));
    assertTrue(edge.contains("  name: \".\"\n  forward-addr: 10.30.1.254\n"), edge);
    assertFalse(edge.contains("9.9.9.9"), edge);
    for (Path conf : confs) {
      Proc.Result checked = Proc.run(List.of("unbound-checkconf", conf.toString()), dir, 60);
      assertTrue(checked.ok(), conf + ":\n" + checked.output());
    }
    for (Path script : scripts) {
      Proc.Result checked = Proc.run(List.of("bash", "-n", script.toString()), dir, 60);
      assertTrue(checked.ok(), script + ":\n" + checked.output());
    }
  }

  /**
   * rack routes nothing and gets its address in mgmt: its evaluated physical_network.nix holds
   * that address (and the nameserver addresses it serves) but no gateway, goes out through
   * mgmt's gateway on the mgmt interface (an address core holds there), forwards nothing, and
   * resolves through its own Unbound, which listens on 127.0.0.1.
   */
  @Test
  void theHostThatRoutesNothingGoesOutThroughMgmtAndResolvesItself(@TempDir Path dir)
      throws Exception {
    Tools.require("nix-instantiate");
    ValidatedNetwork valid = report.validated();
    for (Renderer r : Renderers.discover().all()) {
      if (List.of("nix", "unbound").contains(r.id())) {
        for (RenderedFile f : r.render(valid, RenderContext.defaults())) {
          Path p = dir.resolve(f.path());
          Files.createDirectories(p.getParent());
          Files.writeString(p, f.content());
        }
      }
    }
    Proc.Result r = Proc.run(List.of("nix-instantiate", "--eval", "--strict", "--json", "-E", """
        let
          stub = { config = { }; lib = { }; pkgs = { }; };
          rack = import ./hosts/rack/nix/physical_network.nix stub;
          core = import ./hosts/core/nix/physical_network.nix stub;
          dns = import ./hosts/rack/nix/unbound.nix stub;
          addrs = m: i: map (a: a.address) m.networking.interfaces.${i}.ipv4.addresses;
        in {
          gateway = rack.networking.defaultGateway;
          nameservers = rack.networking.nameservers;
          interfaces = builtins.attrNames (builtins.removeAttrs rack.networking.interfaces
            (builtins.filter (n: builtins.substring 0 4 n == "nic_")
              (builtins.attrNames rack.networking.interfaces)));
          mgmt = addrs rack "mgmt";
          coreMgmt = addrs core "mgmt";
          sysctl = rack.boot.kernel.sysctl or { };
          listen = dns.services.unbound.settings.server.interface;
          unbound = dns.services.unbound.enable;
        }"""), dir, 60);
    assertTrue(r.ok(), r.output());
    String out = r.output();
    JsonNode eval = new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n', out.length() - 2) + 1));
    Prefix mgmt = report.network().subnet("mgmt").orElseThrow().cidr();
    String gateway = mgmt.address(1).toString();
    String own = report.network().host("rack").orElseThrow().addresses().stream()
        .filter(a -> a.subnet().equals("mgmt")).findFirst().orElseThrow().address()
        .orElseThrow().toString();
    assertTrue(mgmt.contains(Ipv4Address.parse(own)), own);
    assertEquals(gateway, eval.get("gateway").get("address").asText(), eval.toString());
    assertEquals("mgmt", eval.get("gateway").get("interface").asText(), eval.toString());
    assertEquals(List.of(own, mgmt.address(254).toString()), strings(eval.get("mgmt")));
    assertFalse(strings(eval.get("mgmt")).contains(gateway), "rack holds no gateway");
    assertTrue(strings(eval.get("coreMgmt")).contains(gateway), "core holds mgmt's gateway");
    assertEquals(List.of("iot", "mgmt"), strings(eval.get("interfaces")));
    assertEquals(0, eval.get("sysctl").size(), "rack forwards nothing: " + eval);
    assertEquals(List.of("127.0.0.1"), strings(eval.get("nameservers")));
    assertTrue(eval.get("unbound").asBoolean());
    assertTrue(strings(eval.get("listen")).contains("127.0.0.1"), eval.toString());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
