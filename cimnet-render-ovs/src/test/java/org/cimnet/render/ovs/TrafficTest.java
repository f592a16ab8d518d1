package org.cimnet.render.ovs;

import static org.cimnet.render.ovs.PrivateSwitch.check;
import static org.cimnet.render.ovs.PrivateSwitch.in;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.InterfacePlan;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real frames through the rendered switch: containers are network namespaces wired by veth to
 * their planned ports on a private Open vSwitch (userspace datapath, in its own namespace). Two
 * containers of one VLAN reach each other and the host's internal port; a container of another
 * VLAN on the same leaf is unreachable; a forged MAC or a forged address is dropped.
 */
class TrafficTest {
  private PrivateSwitch sw;
  /** Container name to its namespace. */
  private final Map<String, String> ns = new HashMap<>();
  /** Container name to its planned interface. */
  private final Map<String, ContainerPlan.Nic> nic = new HashMap<>();

  @AfterEach
  void stop() {
    if (sw != null) {
      sw.close();
    }
  }

  @Test
  void sameVlanReachesOtherVlanAndForgeriesDoNot() {
    Tools.require("ovs-vsctl", "ovs-ofctl", "ovs-appctl", "ovsdb-tool", "ovsdb-server",
        "ovsdb-client", "ovs-vswitchd", "ip", "ping", "bash");
    Tools.requireRoot();
    ValidatedNetwork network = SmallNetworks.before();
    HostPlan plan = network.plans().get(SmallNetworks.HOST);
    sw = PrivateSwitch.start();

    // The script runs before any container exists, as on a booting host.
    Proc.Result applied = sw.apply(new OvsRenderer().render(network, RenderContext.defaults()
        .with(OvsRenderer.DATAPATH, "netdev")), SmallNetworks.HOST);
    assertTrue(applied.ok(), () -> "setup.sh failed:\n" + applied.output() + sw.logs());

    // Then the "runtime" creates each container's veth under the planned port name.
    for (ContainerPlan c : plan.containers()) {
      for (ContainerPlan.Nic n : c.nics()) {
        String cns = sw.namespace(c.name());
        ns.put(c.name(), cns);
        nic.put(c.name(), n);
        check(Proc.run(java.util.List.of("ip", "-n", sw.netns, "link", "add", n.port(), "type",
            "veth", "peer", "name", "eth0", "netns", cns), null, 10));
        check(Proc.run(java.util.List.of("ip", "-n", sw.netns, "link", "set", "dev", n.port(), "up"),
            null, 10));
        check(in(cns, "ip", "link", "set", "eth0", "address", n.mac().toString()));
        check(in(cns, "ip", "addr", "add", n.address() + "/" + n.prefixLength(), "dev",
            "eth0"));
        check(in(cns, "ip", "link", "set", "eth0", "up"));
        check(in(cns, "ip", "link", "set", "lo", "up"));
      }
    }
    // Open vSwitch picks each device up when it appears, on its pinned OpenFlow port.
    for (ContainerPlan.Nic n : nic.values()) {
      assertTrue(PrivateSwitch.eventually(() -> sw.vsctl("get", "Interface", n.port(), "ofport")
              .output().strip().equals("" + n.ofport())),
          () -> n.port() + " never got OpenFlow port " + n.ofport() + sw.logs());
    }
    // The host's own L3 interfaces are the internal ports, with their planned MACs.
    for (InterfacePlan i : plan.interfaces()) {
      check(in(sw.netns, "ip", "link", "set", "dev", i.name(), "up"));
      for (InterfacePlan.InterfaceAddress a : i.addresses()) {
        check(in(sw.netns, "ip", "addr", "add", a.toString(), "dev", i.name()));
      }
    }

    String c2 = nic.get("c2").address().toString();
    String c3 = nic.get("c3").address().toString();
    String hostA = plan.interfaces().stream().filter(i -> i.subnet().equals("a")).findFirst()
        .orElseThrow().addresses().get(0).address().toString();

    assertTrue(ping(ns.get("c1"), c2), "c1 reaches c2 in the same VLAN" + dumps());
    assertTrue(ping(ns.get("c1"), hostA), "c1 reaches the host's internal port" + dumps());
    assertTrue(ping(sw.netns, c3), "the host reaches c3 in VLAN b" + dumps());

    // c1 may send towards b on its link: the frames pass c1's port security, but VLAN a never
    // carries them to c3.
    check(in(ns.get("c1"), "ip", "route", "add", "10.20.2.0/24", "dev", "eth0"));
    assertFalse(answers(ns.get("c1"), c3), "c1 (VLAN a) must not reach c3 (VLAN b)");

    // A forged MAC is dropped; with the planned MAC back, traffic flows again.
    check(in(ns.get("c1"), "ip", "link", "set", "eth0", "address", "02:00:00:00:66:66"));
    check(in(ns.get("c1"), "ip", "neigh", "flush", "all"));
    check(in(ns.get("c2"), "ip", "neigh", "flush", "all"));
    assertFalse(answers(ns.get("c1"), c2), "a frame with a forged MAC must be dropped");
    check(in(ns.get("c1"), "ip", "link", "set", "eth0", "address",
        nic.get("c1").mac().toString()));
    assertTrue(ping(ns.get("c1"), c2), "with its own MAC, c1 reaches c2 again" + dumps());

    // A forged address (another in the same subnet) is dropped too.
    ContainerPlan.Nic c1 = nic.get("c1");
    String forged = c1.address().toString().equals("10.20.1.200") ? "10.20.1.201"
        : "10.20.1.200";
    check(in(ns.get("c1"), "ip", "addr", "flush", "dev", "eth0"));
    check(in(ns.get("c1"), "ip", "addr", "add", forged + "/24", "dev", "eth0"));
    check(in(ns.get("c2"), "ip", "neigh", "flush", "all"));
    assertFalse(answers(ns.get("c1"), c2), "a packet from a forged address must be dropped");
    // The control: with its planned address back, the same ping goes through.
    check(in(ns.get("c1"), "ip", "addr", "flush", "dev", "eth0"));
    check(in(ns.get("c1"), "ip", "addr", "add", c1.address() + "/" + c1.prefixLength(), "dev",
        "eth0"));
    check(in(ns.get("c2"), "ip", "neigh", "flush", "all"));
    assertTrue(ping(ns.get("c1"), c2), "with its own address, c1 reaches c2 again" + dumps());
  }

  /**
   * Whether {@code target} answers a ping from namespace {@code from}: ping stops at the first
   * reply, so this waits only as long as the path needs, up to a 5 s deadline.
   */
  private static boolean ping(String from, String target) {
    return in(from, "ping", "-n", "-c", "1", "-w", "5", target).ok();
  }

  /**
   * Whether any of five pings sent over one second is answered. For the negative checks: each
   * follows a ping that went through on the same switch (the control), where a reply takes
   * milliseconds, so a second of silence means the frames were dropped.
   */
  private static boolean answers(String from, String target) {
    return in(from, "ping", "-n", "-c", "5", "-i", "0.2", "-w", "1", target).ok();
  }

  private String dumps() {
    StringBuilder b = new StringBuilder("\n");
    for (String br : sw.get("list-br").lines().toList()) {
      b.append(sw.ofctl("dump-flows", br).output());
    }
    return b.append(sw.logs()).toString();
  }
}
