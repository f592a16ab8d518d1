package org.cimnet.render.nix;

import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a first {@code nixos-rebuild switch} does with the rendered modules, checked with the real
 * tools: the flake's structure, the firewall module evaluated (with NixOS's own
 * {@code networking.firewall.allowedTCPPorts} and the like as a configuration would set them),
 * its tables accepted by {@code nft}, and, loaded into a network namespace, ssh reachable from
 * the management zone and refused from dmz.
 */
class NixosDayOneTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The functions of nixpkgs' {@code lib} the modules use, written out with builtins (nixpkgs is
   * not at hand offline); each does what its namesake does.
   */
  private static final String LIB = """
      {
        concatStringsSep = builtins.concatStringsSep;
        concatStrings = builtins.concatStringsSep "";
        optionalString = c: s: if c then s else "";
        unique = builtins.foldl' (acc: x: if builtins.elem x acc then acc else acc ++ [ x ]) [ ];
        mapAttrsToList = f: a: map (n: f n a.${n}) (builtins.attrNames a);
      }""";

  /** What a configuration sets: openssh's openFirewall, a web service, a range, one interface. */
  private static final String CONFIG = """
      {
        networking.firewall = {
          allowedTCPPorts = [ 22 8080 22 ];
          allowedUDPPorts = [ 5353 ];
          allowedTCPPortRanges = [ { from = 9000; to = 9009; } ];
          allowedUDPPortRanges = [ ];
          interfaces.mgmt = {
            allowedTCPPorts = [ 9100 ];
            allowedUDPPorts = [ ];
            allowedTCPPortRanges = [ ];
            allowedUDPPortRanges = [ ];
          };
        };
      }""";

  /** A router with lan, mgmt (zone management) and dmz; the operator deploys from lan. */
  static ValidatedNetwork managed() {
    return Checker.validate(network("m").domain("m.internal").supernet("10.9.0.0/16")
        .subnet(subnet("lan", "10.9.1.0/24").vlan(11))
        .subnet(subnet("dmz", "10.9.4.0/24").vlan(14).zone("dmz"))
        .subnet(subnet("mgmt", "10.9.6.0/24").vlan(16).zone("management"))
        .spine("s1", 8)
        .spine("s2", 8)
        .interconnect("s1", 1, "s2", 1)
        .host(host("r1").nic("eth0", "52:54:00:00:00:01").nic("eth1", "52:54:00:00:00:02")
            .leaf("l1", "lan", "mgmt").leaf("l2", "dmz")
            .address("lan", "10.9.1.100").router().nameserver())
        .host(host("r2").nic("eth0", "52:54:00:00:01:01").nic("eth1", "52:54:00:00:01:02")
            .ifname("eth1", "enp3s0f1").leaf("l3", "lan").address("lan", "10.9.1.101"))
        .trunk("r1", "eth0", "s1", 2)
        .trunk("r1", "eth1", "s2", 2)
        .trunk("r2", "eth0", "s1", 3)
        .trunk("r2", "eth1", "s2", 3)
        .container(docker("web").on("r1").attach("dmz", "10.9.4.10").publish("tcp/443"))
        .internet("203.0.113.10/24", "203.0.113.1", "lan")
        .deployFrom("lan")
        .canConnect("internet", "dmz", "tcp/443")
        .canConnect("lan", "internet")
        .build());
  }

  private static Path renderTo(Path dir) {
    List<RenderedFile> files = TestNetworks.render(managed());
    TestNetworks.write(dir, files);
    return dir;
  }

  private static JsonNode eval(Path dir, String expression) throws Exception {
    Proc.Result r = Proc.run(List.of("nix-instantiate", "--eval", "--strict", "--json", "-E",
        expression), dir, 60);
    assertTrue(r.ok(), r.output());
    String out = r.output();
    // nix-instantiate may warn on stderr (merged) before the JSON line.
    return JSON.readTree(out.substring(out.lastIndexOf('\n', out.length() - 2) + 1));
  }

  @Test
  void theFlakeExposesEveryHostsModules(@TempDir Path dir) throws Exception {
    Tools.require("nix-instantiate");
    renderTo(dir);
    Proc.Result parsed = Proc.run(List.of("nix-instantiate", "--parse", "flake.nix"), dir, 60);
    assertTrue(parsed.ok(), parsed.output());
    // The outputs function applied to stub inputs, as a flake evaluator would (self is the
    // outputs themselves): each module is the host's folder, a NixOS module function whose
    // imports all exist (but unbound.nix on the nameserver, which the Unbound renderer writes).
    JsonNode out = eval(dir, """
        let
          flake = import ./flake.nix;
          outputs = flake.outputs { self = outputs; };
          stub = { config = { }; lib = { }; pkgs = { }; };
        in {
          description = flake.description;
          inputs = flake.inputs or { };
          hosts = builtins.attrNames outputs.nixosModules;
          modules = builtins.mapAttrs (name: m: {
            function = builtins.isFunction (import m);
            imports = builtins.length (import m stub).imports;
            missing = map (p: builtins.baseNameOf (toString p))
              (builtins.filter (p: !builtins.pathExists p) (import m stub).imports);
            folder = builtins.baseNameOf (toString m);
          }) outputs.nixosModules;
        }""");
    assertEquals("cimnet: the network m, one NixOS module per host",
        out.get("description").asText());
    assertEquals(0, out.get("inputs").size());
    assertEquals("[\"r1\",\"r2\"]", out.get("hosts").toString());
    for (String h : List.of("r1", "r2")) {
      JsonNode m = out.get("modules").get(h);
      assertTrue(m.get("function").asBoolean(), h);
      assertEquals("nix", m.get("folder").asText());
      assertEquals(h.equals("r1") ? 4 : 3, m.get("imports").asInt(), h + ": " + m);
      assertEquals(h.equals("r1") ? "[\"unbound.nix\"]" : "[]", m.get("missing").toString(), h);
    }
  }

  /**
   * The NICs' names on the machine, evaluated: each card is matched by its permanent MAC and
   * named outside the kernel's eth<N> space (nic_eth0), or as the model states (r2's eth1 is
   * enp3s0f1); the interfaces NixOS brings up and the bond's members are those names.
   */
  @Test
  void nicsAreNamedByMacOutsideTheKernelsSpaceOrAsStated(@TempDir Path dir) throws Exception {
    Tools.require("nix-instantiate");
    renderTo(dir);
    JsonNode out = eval(dir, """
        let
          stub = { config = { virtualisation.vswitch.package = "/ovs"; }; lib = { mkAfter = x:
            x; }; pkgs = { }; };
          host = h: let
            p = import (./hosts + "/${h}/nix/physical_network.nix") stub;
            v = import (./hosts + "/${h}/nix/virtual_network.nix") stub;
          in {
            links = builtins.mapAttrs (n: l: { mac = l.matchConfig.PermanentMACAddress;
              name = l.linkConfig.Name; }) p.systemd.network.links;
            interfaces = builtins.attrNames p.networking.interfaces;
            bond = v.networking.vswitches.uplink.extraOvsctlCmds;
          };
        in { r1 = host "r1"; r2 = host "r2"; }""");
    JsonNode r1 = out.get("r1");
    JsonNode r2 = out.get("r2");
    assertEquals("{\"10-nic_eth0\":{\"mac\":\"52:54:00:00:00:01\",\"name\":\"nic_eth0\"},"
        + "\"10-nic_eth1\":{\"mac\":\"52:54:00:00:00:02\",\"name\":\"nic_eth1\"}}",
        r1.get("links").toString());
    assertEquals("{\"10-enp3s0f1\":{\"mac\":\"52:54:00:00:01:02\",\"name\":\"enp3s0f1\"},"
        + "\"10-nic_eth0\":{\"mac\":\"52:54:00:00:01:01\",\"name\":\"nic_eth0\"}}",
        r2.get("links").toString());
    for (JsonNode h : List.of(r1, r2)) {
      List<String> interfaces = new ArrayList<>();
      h.get("interfaces").forEach(i -> interfaces.add(i.asText()));
      assertTrue(interfaces.stream().noneMatch(i -> i.matches("(eth|wlan|wwan|usb|ib)[0-9]+")),
          interfaces.toString());
      h.get("links").forEach(l -> assertTrue(interfaces.contains(l.get("name").asText()),
          l + " brought up: " + interfaces));
    }
    assertTrue(r1.get("bond").asText().startsWith("add-bond uplink bond0 nic_eth0 nic_eth1 "),
        r1.get("bond").asText());
    assertTrue(r2.get("bond").asText().startsWith("add-bond uplink bond0 nic_eth0 enp3s0f1 "),
        r2.get("bond").asText());
  }

  /** The firewall module of r1 evaluated with a configuration's own openings. */
  private static JsonNode evalFirewall(Path dir) throws Exception {
    return eval(dir, "let m = import ./hosts/r1/nix/firewall.nix { config = " + CONFIG
        + "; lib = " + LIB + "; pkgs = { }; }; p = import ./hosts/r1/nix/physical_network.nix"
        + " { config = { }; lib = { }; pkgs = { }; }; in { firewall = m.networking.firewall;"
        + " nftables = m.networking.nftables; ipv6 = p.networking.enableIPv6; }");
  }

  /** The tables the module declares, as an {@code nft -f} file (NixOS wraps each content). */
  private static String ruleset(JsonNode eval) {
    StringBuilder nft = new StringBuilder();
    Iterator<Map.Entry<String, JsonNode>> tables = eval.get("nftables").get("tables").fields();
    while (tables.hasNext()) {
      Map.Entry<String, JsonNode> t = tables.next();
      nft.append("table ").append(t.getValue().get("family").asText()).append(' ')
          .append(t.getKey()).append(" {\n").append(t.getValue().get("content").asText())
          .append("}\n");
    }
    return nft.toString();
  }

  @Test
  void theFirewallModuleHonoursNixosOpeningsAndTouchesNoOtherTable(@TempDir Path dir)
      throws Exception {
    Tools.require("nix-instantiate", "nft", "unshare");
    renderTo(dir);
    JsonNode eval = evalFirewall(dir);
    assertFalse(eval.get("firewall").get("enable").asBoolean());
    assertTrue(eval.get("nftables").get("enable").asBoolean());
    assertFalse(eval.get("nftables").get("flushRuleset").asBoolean());
    assertFalse(eval.get("ipv6").asBoolean());
    String nft = ruleset(eval);
    assertTrue(nft.contains("ip saddr @host_service_sources tcp dport { 22, 8080, 9000-9009 }"
        + " accept\n"), nft);
    assertTrue(nft.contains("ip saddr @host_service_sources udp dport { 5353 } accept\n"), nft);
    assertTrue(nft.contains("ip saddr @host_service_sources iifname \"mgmt\" tcp dport { 9100 }"
        + " accept\n"), nft);
    assertFalse(nft.contains("flush ruleset"), nft);
    Path file = dir.resolve("evaluated.nft");
    Files.writeString(file, nft);
    Proc.Result checked = Proc.run(List.of("unshare", "-rn", "nft", "-c", "-f",
        file.toString()), dir, 60);
    assertTrue(checked.ok(), checked.output() + "\n" + nft);
  }

  /**
   * Loads the evaluated tables into a namespace standing for r1 (its mgmt and dmz interfaces,
   * their gateway addresses) with listeners on 22 and 8080, and connects from a client in mgmt
   * and one in dmz. Fails if the input chain would drop ssh from the management zone.
   */
  @Test
  void sshFromTheManagementZoneIsAcceptedAndFromDmzDropped(@TempDir Path dir) throws Exception {
    Tools.requireRoot();
    Tools.require("nix-instantiate", "nft", "ip", "python3");
    renderTo(dir);
    Path file = dir.resolve("evaluated.nft");
    Files.writeString(file, ruleset(evalFirewall(dir)));
    String tag = "cnd" + ProcessHandle.current().pid();
    String router = tag + "r";
    String mgmt = tag + "m";
    String dmz = tag + "d";
    List<String> namespaces = List.of(router, mgmt, dmz);
    Process listener = null;
    try {
      for (String ns : namespaces) {
        ok("ip", "netns", "add", ns);
        ok("ip", "-n", ns, "link", "set", "lo", "up");
      }
      ok("ip", "link", "add", "mgmt", "netns", router, "type", "veth", "peer", "name", "c0",
          "netns", mgmt);
      ok("ip", "link", "add", "dmz", "netns", router, "type", "veth", "peer", "name", "c0",
          "netns", dmz);
      ok("ip", "-n", router, "addr", "add", "10.9.6.1/24", "dev", "mgmt");
      ok("ip", "-n", router, "addr", "add", "10.9.4.1/24", "dev", "dmz");
      ok("ip", "-n", router, "link", "set", "mgmt", "up");
      ok("ip", "-n", router, "link", "set", "dmz", "up");
      ok("ip", "-n", mgmt, "addr", "add", "10.9.6.50/24", "dev", "c0");
      ok("ip", "-n", mgmt, "link", "set", "c0", "up");
      ok("ip", "-n", mgmt, "route", "add", "default", "via", "10.9.6.1");
      ok("ip", "-n", dmz, "addr", "add", "10.9.4.50/24", "dev", "c0");
      ok("ip", "-n", dmz, "link", "set", "c0", "up");
      ok("ip", "-n", dmz, "route", "add", "default", "via", "10.9.4.1");
      ok("ip", "netns", "exec", router, "nft", "-f", file.toString());
      listener = new ProcessBuilder("ip", "netns", "exec", router, "python3", "-c", """
          import socket, threading
          def serve(port):
              s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
              s.bind(("0.0.0.0", port)); s.listen(16)
              while True:
                  c, _ = s.accept(); c.close()
          for p in (22, 8080):
              threading.Thread(target=serve, args=(p,), daemon=True).start()
          print("listening", flush=True)
          threading.Event().wait()
          """).redirectErrorStream(true).start();
      String ready = new String(listener.getInputStream().readNBytes(10));
      assertEquals("listening\n", ready);
      // Default host service (ssh from zone management) on both of the host's addresses,
      // and NixOS's own allowedTCPPorts (8080) from the same sources.
      assertTrue(connects(mgmt, "10.9.6.1", 22), "ssh from mgmt to the mgmt gateway");
      assertTrue(connects(mgmt, "10.9.4.1", 22), "ssh from mgmt to the dmz gateway");
      assertTrue(connects(mgmt, "10.9.6.1", 8080), "allowedTCPPorts from mgmt");
      // dmz is no source of any host service: dropped.
      assertFalse(connects(dmz, "10.9.4.1", 22), "ssh from dmz");
      assertFalse(connects(dmz, "10.9.4.1", 8080), "allowedTCPPorts from dmz");
    } finally {
      if (listener != null) {
        listener.destroyForcibly().waitFor();
      }
      for (String ns : namespaces) {
        Proc.run(List.of("ip", "netns", "delete", ns));
      }
    }
  }

  private static void ok(String... command) {
    Proc.Result r = Proc.run(List.of(command));
    assertTrue(r.ok(), String.join(" ", command) + ": " + r.output());
  }

  private static boolean connects(String ns, String address, int port) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "python3", "-c",
        "import socket, sys\ntry:\n    socket.create_connection((sys.argv[1], int(sys.argv[2])),"
            + " timeout=1.5).close(); print('open')\nexcept OSError as e:\n    print('closed',"
            + " e)", address, String.valueOf(port)));
    Proc.Result r = Proc.run(command, null, 20);
    assertTrue(r.ok(), r.output());
    return r.output().startsWith("open");
  }
}
