package org.cimnet.render.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.plan.FirewallPlan;
import org.cimnet.core.plan.Firewalls;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;
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

  @Test
  void aMultiHomedNixosContainerRepliesByEachSubnet() {
    org.cimnet.core.plan.ContainerPlan bus = org.cimnet.core.plan.Plans.of(NET).get("r1")
        .containers().stream().filter(c -> c.name().equals("bus")).findFirst().orElseThrow();
    org.cimnet.core.plan.ContainerPlan.SourceRoute route = bus.sourceRoutes().get(0);
    assertEquals(1, bus.sourceRoutes().size());
    String module = TestNetworks.file(FILES, "hosts/r1/nix/virtual_network.nix");
    String port = route.nic().port();
    assertTrue(module.contains("networking.interfaces.\"" + port + "\".ipv4.routes = [ {"
        + " address = \"" + route.subnet().network() + "\"; prefixLength = "
        + route.subnet().length() + "; options = { table = \"101\"; }; } { address ="
        + " \"0.0.0.0\"; prefixLength = 0; via = \"" + route.nic().gateway().orElseThrow()
        + "\"; options = { table = \"101\"; }; } ];"), module);
    assertTrue(module.contains("ip rule add from " + route.nic().address() + " lookup 101\n"),
        module);
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

  /** firewall.nix holds, once Nix has read it, exactly the table bodies of nftables.nft. */
  @Test
  void firewallModuleEvaluatesToTheSameRuleset(@TempDir Path dir) throws Exception {
    TestNetworks.write(dir, FILES);
    Path module = dir.resolve("hosts/r1/nix/firewall.nix");
    List<String> got = NixEscapingTest.eval("let m = import " + module
        + " { config = { }; lib = { }; pkgs = { }; }; t = m.networking.nftables.tables; in"
        + " [ t.cimnet_filter.family t.cimnet_filter.content t.cimnet_nat.family"
        + " t.cimnet_nat.content ]");
    FirewallPlan plan = Firewalls.plan(NET, "r1");
    List<NftRuleset.Table> tables = NftRuleset.tables(plan);
    assertEquals(List.of("inet", String.join("\n", tables.get(0).body()) + "\n",
        "ip", String.join("\n", tables.get(1).body()) + "\n"), got);
    String file = TestNetworks.file(FILES, "hosts/r1/nftables.nft");
    assertTrue(file.contains("table inet cimnet_filter {\n  "
        + String.join("\n  ", tables.get(0).body()).replace("\n  \n", "\n\n") + "\n}\n"));
  }

  /** What bash receives from extraOvsctlCmds and the container hooks, after Nix read them. */
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
            "set Interface lan ofport_request=2 mac=\\\"" + mac("lan") + "\\\"",
            "set Port app vlan_mode=access",
            "set Interface app ofport_request=3 mac=\\\"" + mac("app") + "\\\"",
            "add-port l1 ve-bus.1 tag=11 vlan_mode=access -- set Interface ve-bus.1"
                + " ofport_request=" + ofport("ve-bus.1") + " external_ids:attached-mac=\\\"" + bus(0) + "\\\"",
            "add-port l1 ve-bus.2 tag=12 vlan_mode=access -- set Interface ve-bus.2"
                + " ofport_request=" + ofport("ve-bus.2") + " external_ids:attached-mac=\\\"" + bus(1) + "\\\"",
            "set-fail-mode l1 secure", ""),
        String.join("\n",
            "/ovs/bin/ovs-vsctl --may-exist add-port l1 ve-bus.1 tag=11 vlan_mode=access --"
                + " set Interface ve-bus.1 ofport_request=" + ofport("ve-bus.1") + " external_ids:attached-mac=\\\""
                + bus(0) + "\\\"",
            "/ovs/bin/ovs-vsctl --may-exist add-port l1 ve-bus.2 tag=12 vlan_mode=access --"
                + " set Interface ve-bus.2 ofport_request=" + ofport("ve-bus.2") + " external_ids:attached-mac=\\\""
                + bus(1) + "\\\"", ""),
        "/ip/bin/ip link set dev ve-bus.1 address " + bus(0)), got);
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

  private static String mac(String subnet) {
    return org.cimnet.core.ipam.Macs.hostPort("r1", subnet).toString();
  }

  /** The OpenFlow port the plan gives a port of r1 (container ports: a hash of the name). */
  private static int ofport(String port) {
    return org.cimnet.core.plan.Plans.of(NET).get("r1").bridges().stream()
        .flatMap(b -> b.ports().stream()).filter(p -> p.name().equals(port)).findFirst()
        .orElseThrow().ofport();
  }

  private static String bus(int index) {
    return NET.network().container("bus").orElseThrow().attachments().get(index).mac()
        .orElseThrow().toString();
  }
}
