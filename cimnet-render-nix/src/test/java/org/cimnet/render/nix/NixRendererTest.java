package org.cimnet.render.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NixRendererTest {
  private static final ValidatedNetwork NET = TestNetworks.twoHosts();
  private static final List<RenderedFile> FILES = TestNetworks.render(NET);

  @Test
  void isFoundByServiceLoader() {
    assertTrue(ServiceLoader.load(Renderer.class).stream()
        .anyMatch(p -> p.type() == NixRenderer.class));
    assertEquals("nix", new NixRenderer().id());
  }

  /**
   * bus has 10.9.1.86 in lan (its default route) and 10.9.2.149 in app: replies from the app
   * address look up table 101, whose default route is app's gateway 10.9.2.1.
   */
  @Test
  void aMultiHomedNixosContainerRepliesByEachSubnet() {
    String module = TestNetworks.file(FILES, "hosts/r1/nix/virtual_network.nix");
    assertTrue(module.contains("networking.interfaces.\"ve-bus.2\".ipv4.routes = [ {"
        + " address = \"10.9.2.0\"; prefixLength = 24; options = { table = \"101\"; }; }"
        + " { address = \"0.0.0.0\"; prefixLength = 0; via = \"10.9.2.1\"; options = {"
        + " table = \"101\"; }; } ];"), module);
    assertTrue(module.contains("ip rule add from 10.9.2.149 lookup 101\n"), module);
    assertTrue(module.contains("networking.defaultGateway = { address = \"10.9.1.1\";"
        + " interface = \"ve-bus.1\"; };"), module);
    assertFalse(module.contains("ve-bus.1\".ipv4.routes"), module);
  }

  @Test
  void writesFiveFilesPerHostAndTheFlake() {
    assertEquals(List.of("hosts/r1/nftables.nft", "hosts/r1/nix/default.nix",
        "hosts/r1/nix/firewall.nix", "hosts/r1/nix/physical_network.nix",
        "hosts/r1/nix/virtual_network.nix", "hosts/plain/nftables.nft",
        "hosts/plain/nix/default.nix", "hosts/plain/nix/firewall.nix",
        "hosts/plain/nix/physical_network.nix", "hosts/plain/nix/virtual_network.nix",
        "flake.nix"),
        FILES.stream().map(RenderedFile::path).toList());
  }

  @Test
  void defaultImportsUnboundOnlyOnNameservers() {
    assertTrue(TestNetworks.file(FILES, "hosts/r1/nix/default.nix")
        .contains("\n    ./unbound.nix\n"));
    assertEquals(String.join("\n",
        "# cimnet: the network of host plain (generated; do not edit).",
        "# Import this folder from the host's configuration: imports = [ ./nix ];",
        "{ config, lib, pkgs, ... }:",
        "{",
        "  imports = [",
        "    ./physical_network.nix",
        "    ./virtual_network.nix",
        "    ./firewall.nix",
        "  ];",
        "}",
        ""), TestNetworks.file(FILES, "hosts/plain/nix/default.nix"));
  }

  @Test
  void plainHostNeitherForwardsNorTranslates() {
    String physical = TestNetworks.file(FILES, "hosts/plain/nix/physical_network.nix");
    assertFalse(physical.contains("forwarding"));
    assertTrue(physical.contains("networking.defaultGateway = { address = \"10.9.2.1\";"
        + " interface = \"app\"; };"));
    assertTrue(physical.contains("networking.nameservers = [ \"10.9.2.254\" ];"));
    String nft = TestNetworks.file(FILES, "hosts/plain/nftables.nft");
    assertFalse(nft.contains("table ip cimnet_nat {"));
    assertTrue(nft.endsWith("table ip cimnet_nat\ndelete table ip cimnet_nat\n"));
  }

  @Test
  void renderingIsDeterministic() {
    assertEquals(FILES, TestNetworks.render(TestNetworks.twoHosts()));
  }

  @Test
  void stateVersionIsASetting() {
    List<RenderedFile> files = new NixRenderer().render(NET,
        RenderContext.defaults().with(NixRenderer.STATE_VERSION, "23.05"));
    assertTrue(TestNetworks.file(files, "hosts/r1/nix/virtual_network.nix")
        .contains("system.stateVersion = \"23.05\";"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NixRenderer().render(NET,
            RenderContext.defaults().with(NixRenderer.STATE_VERSION, "\"; x")));
    assertEquals("Setting 'nix.stateVersion' = '\"; x' is not a NixOS release: use YY.MM, such"
        + " as '24.11'", e.getMessage());
  }

  /**
   * firewall.nix, once Nix has read it, programs the same firewall as nftables.nft: NixOS makes
   * each entry of networking.nftables.tables into {@code table FAMILY NAME { CONTENT }}, and
   * nft, loading that and the file in two fresh network namespaces, lists the same ruleset.
   */
  @Test
  void firewallModuleProgramsTheSameRulesetAsTheNftFile(@TempDir Path dir) throws Exception {
    Tools.requireRoot();
    Tools.require("nft", "ip");
    TestNetworks.write(dir, FILES);
    Path module = dir.resolve("hosts/r1/nix/firewall.nix");
    List<String> got = NixEscapingTest.eval("let m = import " + module
        + " { config = { }; lib = { }; pkgs = { }; }; t = m.networking.nftables.tables; in"
        + " [ t.cimnet_filter.family t.cimnet_filter.content t.cimnet_nat.family"
        + " t.cimnet_nat.content ]");
    assertEquals(List.of("inet", "ip"), List.of(got.get(0), got.get(2)));
    Path fromNix = dir.resolve("from-nix.nft");
    Files.writeString(fromNix, "table " + got.get(0) + " cimnet_filter {\n" + got.get(1)
        + "}\ntable " + got.get(2) + " cimnet_nat {\n" + got.get(3) + "}\n");
    String listed = listed(fromNix);
    assertEquals(listed(dir.resolve("hosts/r1/nftables.nft")), listed);
    assertTrue(listed.contains("10.9.2.0/24 . 10.9.4.0/24 . tcp . 8000-8090"), listed);
  }

  /** What nft lists after loading {@code file} into a fresh network namespace. */
  private static String listed(Path file) throws Exception {
    String ns = "cimnet-test-nixfw-" + ProcessHandle.current().pid();
    Proc.Result added = Proc.run(List.of("ip", "netns", "add", ns));
    assertTrue(added.ok(), added.output());
    try {
      Proc.Result loaded = Proc.run(List.of("ip", "netns", "exec", ns, "nft", "-f",
          file.toString()));
      assertTrue(loaded.ok(), loaded.output());
      Proc.Result listed = Proc.run(List.of("ip", "netns", "exec", ns, "nft", "list",
          "ruleset"));
      assertTrue(listed.ok(), listed.output());
      return listed.output();
    } finally {
      Proc.run(List.of("ip", "netns", "delete", ns));
    }
  }

  /**
   * What bash receives from extraOvsctlCmds and the container hooks, after Nix read them. The
   * MACs and container port numbers are IPAM's and the plan's hashes of names, checked by hand:
   * each MAC is unicast and locally administered (first octet 0x32, 0x66, 0x06, 0x22: lowest
   * bit clear, second-lowest set), each port number is within 1 to 65279.
   */
  @Test
  void switchCommandsEvaluateToPlainBash(@TempDir Path dir) throws Exception {
    TestNetworks.write(dir, FILES);
    Path module = dir.resolve("hosts/r1/nix/virtual_network.nix");
    List<String> got = NixEscapingTest.eval("let m = import " + module
        + " { config = { virtualisation.vswitch.package = \"/ovs\"; }; lib = { mkAfter ="
        + " x: x; }; pkgs = { }; }; s = m.networking.vswitches; in [ s.uplink.extraOvsctlCmds"
        + " s.l1.extraOvsctlCmds m.systemd.services.\"container@bus\".postStart"
        + " ((m.containers.bus.config { config = { }; lib = { }; pkgs = { iproute2 = \"/ip\";"
        + " }; }).systemd.services.\"cimnet-mac-ve-bus.1\".script) ]");
    assertEquals(List.of(
        String.join("\n",
            "add-bond uplink bond0 nic_eth0 nic_eth1 bond_mode=balance-slb lacp=off"
                + " vlan_mode=trunk trunks=11,12,14",
            "add-port uplink up-l1 vlan_mode=trunk trunks=11,12 -- set Interface up-l1"
                + " type=patch options:peer=\\\"l1-up\\\" ofport_request=2",
            "add-port uplink up-l2 vlan_mode=trunk trunks=14 -- set Interface up-l2 type=patch"
                + " options:peer=\\\"l2-up\\\" ofport_request=3",
            "set-fail-mode uplink secure", ""),
        String.join("\n",
            "add-port l1 l1-up vlan_mode=trunk trunks=11,12 -- set Interface l1-up type=patch"
                + " options:peer=\\\"up-l1\\\" ofport_request=1",
            "set Port lan vlan_mode=access",
            "set Interface lan ofport_request=2 mac=\\\"32:bc:fe:68:07:d2\\\"",
            "set Port app vlan_mode=access",
            "set Interface app ofport_request=3 mac=\\\"66:65:da:89:ce:0c\\\"",
            "add-port l1 ve-bus.1 tag=11 vlan_mode=access -- set Interface ve-bus.1"
                + " ofport_request=39794 external_ids:attached-mac=\\\"06:f4:4a:7e:d8:56\\\"",
            "add-port l1 ve-bus.2 tag=12 vlan_mode=access -- set Interface ve-bus.2"
                + " ofport_request=17519 external_ids:attached-mac=\\\"22:6f:ce:e1:0a:95\\\"",
            "set-fail-mode l1 secure", ""),
        String.join("\n",
            "/ovs/bin/ovs-vsctl --may-exist add-port l1 ve-bus.1 tag=11 vlan_mode=access --"
                + " set Interface ve-bus.1 ofport_request=39794 external_ids:attached-mac=\\\""
                + "06:f4:4a:7e:d8:56\\\"",
            "/ovs/bin/ovs-vsctl --may-exist add-port l1 ve-bus.2 tag=12 vlan_mode=access --"
                + " set Interface ve-bus.2 ofport_request=17519 external_ids:attached-mac=\\\""
                + "22:6f:ce:e1:0a:95\\\"", ""),
        "/ip/bin/ip link set dev ve-bus.1 address 06:f4:4a:7e:d8:56"), got);
  }

  /** IPv6 is off on the host and inside every nixos-container, whose namespace is its own. */
  @Test
  void ipv6IsOffOnTheHostAndInItsNixosContainers(@TempDir Path dir) throws Exception {
    TestNetworks.write(dir, FILES);
    Path physical = dir.resolve("hosts/r1/nix/physical_network.nix");
    Path virtual = dir.resolve("hosts/r1/nix/virtual_network.nix");
    List<String> got = NixEscapingTest.eval("let s = { config = { virtualisation.vswitch.package"
        + " = \"/ovs\"; }; lib = { mkAfter = x: x; }; pkgs = { }; }; v = import " + virtual
        + " s; in [ (builtins.toJSON (import " + physical + " s).networking.enableIPv6)"
        + " (builtins.toJSON (builtins.attrNames v.containers)) (builtins.toJSON (map (c:"
        + " (c.config s).networking.enableIPv6) (builtins.attrValues v.containers))) ]");
    assertEquals(List.of("false", "[\"bus\"]", "[false]"), got);
  }
}
