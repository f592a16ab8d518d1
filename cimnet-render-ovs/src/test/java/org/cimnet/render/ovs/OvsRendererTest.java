package org.cimnet.render.ovs;

import static org.cimnet.render.ovs.PrivateSwitch.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.PortPlan;
import org.cimnet.core.spi.OutputWriter;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderers;
import org.cimnet.testkit.CimnetArbitraries;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvsRendererTest {
  private static List<RenderedFile> render(ValidatedNetwork network) {
    return new OvsRenderer().render(network, RenderContext.defaults());
  }

  private static String file(List<RenderedFile> files, String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no file " + path + " in " + files.stream()
            .map(RenderedFile::path).toList())).content();
  }

  @Test
  void isFoundByServiceLoaderAsOvs() {
    assertEquals("ovs", new OvsRenderer().id());
    assertTrue(Renderers.discover().ids().contains("ovs"));
  }

  @Test
  void writesOneScriptAndOneFlowFilePerBridge() {
    assertEquals(List.of("hosts/hv/ovs/setup.sh", "hosts/hv/ovs/uplink.flows",
            "hosts/hv/ovs/leaf1.flows", "hosts/hv/ovs/leaf2.flows"),
        render(SmallNetworks.before()).stream().map(RenderedFile::path).toList());
  }

  @Test
  void datapathSettingDefaultsToSystemAndAcceptsNetdev() {
    ValidatedNetwork n = SmallNetworks.before();
    String system = file(render(n), "hosts/hv/ovs/setup.sh");
    assertTrue(system.contains("\nH\thv\tsystem\t\"hv\"\t\"system\"\n"), system);
    assertFalse(system.contains("netdev"));
    String netdev = file(new OvsRenderer().render(n, RenderContext.defaults()
        .with(OvsRenderer.DATAPATH, "netdev")), "hosts/hv/ovs/setup.sh");
    assertFalse(netdev.contains("system\""));
    // The host line carries the datapath that every bridge gets.
    assertTrue(netdev.contains("\nH\thv\tnetdev\t\"hv\"\t\"netdev\"\n"), netdev);
  }

  @Test
  void unknownDatapathIsRejectedSayingWhatIsAllowed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new OvsRenderer().render(SmallNetworks.before(), RenderContext.defaults()
            .with(OvsRenderer.DATAPATH, "dpdk")));
    assertTrue(e.getMessage().contains("'ovs.datapath' is 'dpdk'"), e.getMessage());
    assertTrue(e.getMessage().contains("'system'") && e.getMessage().contains("'netdev'"));
  }

  @Test
  void bondOfTwoNicsIsBalanceSlbTrunkingTheCarriedVlans() {
    String script = file(render(SmallNetworks.before()), "hosts/hv/ovs/setup.sh");
    HostPlan plan = SmallNetworks.before().plans().get("hv");
    String vlans = plan.bridge("uplink").orElseThrow().vlans().stream().map(String::valueOf)
        .collect(Collectors.joining(","));
    // The plan table's line: bond kind, no pinned OpenFlow port, the compared columns (the
    // members sorted), the port's JSON row, no interface row, and the members by the names the
    // host gives the NICs eth0 and eth1.
    assertTrue(script.contains("\nP\tb\tuplink\tbond0\t\ttrunk||" + vlans.replace(',', ' ')
        + "|balance-slb|off|nic_eth0 nic_eth1\t\"bond0\"\t\"vlan_mode\":\"trunk\",\"tag\":"
        + "[\"set\",[]],\"trunks\":[\"set\",[" + vlans + "]],\"bond_mode\":\"balance-slb\","
        + "\"lacp\":\"off\"\t\t\t\t\"nic_eth0\"\t\"nic_eth1\"\n"), script);
  }

  @Test
  void everyPlannedPortIsAddedAndKept() {
    ValidatedNetwork n = SmallNetworks.before();
    String script = file(render(n), "hosts/hv/ovs/setup.sh");
    for (BridgePlan b : n.plans().get("hv").bridges()) {
      assertTrue(script.contains("\nB\t" + b.name() + "\t"), b.name());
      for (PortPlan p : b.ports()) {
        assertTrue(script.contains("\t" + b.name() + "\t" + p.name() + "\t"), p.name());
      }
    }
  }

  /** bash parses every script, ovs-ofctl every flow file (offline, no switch needed). */
  @Test
  void realToolsParseTheOutput(@TempDir Path dir) {
    Tools.require("bash", "ovs-ofctl");
    List<RenderedFile> files = render(SmallNetworks.before());
    OutputWriter.replace(dir.resolve("out"), files);
    for (RenderedFile f : files) {
      Path p = dir.resolve("out").resolve(f.path());
      if (f.path().endsWith(".sh")) {
        check(Proc.run(List.of("bash", "-n", p.toString()), null, 10));
      } else {
        Proc.Result r = check(Proc.run(List.of("ovs-ofctl", "-O", "OpenFlow13", "parse-flows",
            p.toString()), null, 10));
        long flows = f.content().lines().filter(l -> !l.startsWith("#")).count();
        assertEquals(flows, r.output().lines().filter(l -> l.contains("actions=")).count(),
            r.output());
      }
    }
  }

  @Property(tries = 60)
  void renderingIsDeterministicAndCoversThePlan(
      @ForAll("networks") Network network) {
    ValidatedNetwork v = SmallNetworks.validated(network);
    List<RenderedFile> first = render(v);
    assertEquals(first, render(SmallNetworks.validated(network)));
    Map<String, String> byPath = first.stream()
        .collect(Collectors.toMap(RenderedFile::path, RenderedFile::content));
    for (HostPlan plan : v.plans().values()) {
      String script = byPath.get("hosts/" + plan.host() + "/ovs/setup.sh");
      for (BridgePlan b : plan.bridges()) {
        assertTrue(script.contains("\nB\t" + OvsStrings.field(b.name()) + "\t"));
        String flows = byPath.get("hosts/" + plan.host() + "/ovs/" + b.name() + ".flows");
        assertEquals(b.flows().stream().map(fl -> fl.text()).toList(),
            flows.lines().filter(l -> !l.startsWith("#")).toList());
      }
    }
  }

  @Provide
  Arbitrary<Network> networks() {
    return CimnetArbitraries.networks();
  }
}
