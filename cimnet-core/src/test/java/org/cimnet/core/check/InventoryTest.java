package org.cimnet.core.check;

import static org.cimnet.core.dsl.Cimnet.device;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.cimnet.core.dsl.Cimnet.watch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.cimnet.core.model.Watch;
import org.cimnet.core.plan.Admission;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.Flow;
import org.cimnet.core.yaml.LoadReport;
import org.cimnet.core.yaml.NetworkYaml;
import org.junit.jupiter.api.Test;

/** The inventory and the watcher's settings: DSL, YAML, checker problems and closed admission. */
public class InventoryTest {

  public static Network.Builder base() {
    return network("lab").domain("lab.internal").supernet("10.20.0.0/16")
        .subnet(subnet("a", "10.20.1.0/24"))
        .subnet(subnet("b", "10.20.2.0/24"))
        .spine("s1", 8)
        .spine("s2", 8)
        .interconnect("s1", 1, "s2", 1)
        .host(host("hv").nic("eth0", "52:54:00:00:01:00").nic("eth1", "52:54:00:00:01:01")
            .leaf("leaf1", "a", "b").address("a", "10.20.1.10"))
        .host(host("hw").nic("eth0", "52:54:00:00:02:00").nic("eth1", "52:54:00:00:02:01")
            .leaf("leaf1", "a").address("a", "10.20.1.11"))
        .trunk("hv", "eth0", "s1", 2)
        .trunk("hv", "eth1", "s2", 2)
        .trunk("hw", "eth0", "s1", 3)
        .trunk("hw", "eth1", "s2", 3)
        .container(lxc("c1").on("hv").attach("a"))
        .container(lxc("c2").on("hw").attach("a"));
  }

  private static List<String> rules(Network n) {
    return Checker.check(n).problems().stream().map(Problem::id).toList();
  }

  @Test
  void aValidInventoryChecks() {
    Network n = base().device(device("ilo-a", "3c:ec:ef:00:00:01", "ilo", "a").cable("s1", 5))
        .device(device("ws1", "3c:ec:ef:00:00:02", "workstation", "b"))
        .watch(watch().enforce("a", "closed").enforce("b", "quarantine")
            .on("unauthorized", "/usr/bin/logger", "-t", "cimnet"))
        .build();
    Report report = Checker.check(n);
    assertTrue(report.ok(), report::toText);
    assertEquals(2, report.network().devices().size());
    assertEquals(Watch.Enforcement.CLOSED, n.watch().orElseThrow().enforcement("a"));
    assertEquals(Watch.Enforcement.ALERT, n.watch().orElseThrow().enforcement("zz"));
  }

  @Test
  void aDuplicateMacNamesBothUsers() {
    Network n = base().device(device("ilo-a", "52:54:00:00:01:00", "ilo", "a"))
        .device(device("ws1", "3c:ec:ef:00:00:02", "workstation", "a"))
        .device(device("ws2", "3c:ec:ef:00:00:02", "workstation", "b")).build();
    List<Problem> v = Checker.check(n).problems();
    assertEquals(2, v.stream().filter(x -> x.id().equals(ProblemIds.MAC_DUPLICATE)).count(),
        v::toString);
    Problem nic = v.stream().filter(x -> x.path().equals("devices[ilo-a].mac")).findFirst()
        .orElseThrow();
    assertEquals("Device 'ilo-a' has MAC '52:54:00:00:01:00', already used by NIC 'eth0' of"
        + " host 'hv': every MAC must be unique", nic.message());
    Problem dev = v.stream().filter(x -> x.path().equals("devices[ws2].mac")).findFirst()
        .orElseThrow();
    assertTrue(dev.message().contains("already used by device 'ws1' of the inventory"),
        dev.message());
  }

  @Test
  void referencesAndPortsAreChecked() {
    Network n = base().device(device("d1", "3c:ec:ef:00:00:01", "ilo", "nope"))
        .device(device("d2", "3c:ec:ef:00:00:02", "ilo", "a").cable("s9", 1))
        .device(device("d3", "3c:ec:ef:00:00:03", "ilo", "a").cable("s1", 9))
        .device(device("d4", "3c:ec:ef:00:00:04", "ilo", "a").cable("s1", 2))
        .device(device("d5", "3c:ec:ef:00:00:05", "ilo", "a").cable("s1", 7))
        .device(device("d6", "3c:ec:ef:00:00:06", "ilo", "a").cable("s1", 7))
        .watch(watch().enforce("gone", "closed")).build();
    List<Problem> v = Checker.check(n).problems();
    assertTrue(v.contains(new Problem(ProblemIds.REF_SUBNET, "devices[d1].subnet",
        "Device 'd1': subnet 'nope' is not declared")), v::toString);
    assertTrue(v.contains(new Problem(ProblemIds.REF_SPINE, "devices[d2].spine",
        "Device 'd2': spine 's9' is not declared")), v::toString);
    assertTrue(v.contains(new Problem(ProblemIds.LINK_PORT_RANGE, "devices[d3].port",
        "Device 'd3': port '9' of spine 's1' does not exist: its ports are 1 to 8")),
        v::toString);
    assertTrue(v.contains(new Problem(ProblemIds.LINK_PORT_REUSE, "devices[d4].port",
        "Device 'd4': port '2' of spine 's1' is already used by trunk 'hv.eth0' (links[1]):"
            + " a port takes one cable")), v::toString);
    assertTrue(v.contains(new Problem(ProblemIds.LINK_PORT_REUSE, "devices[d6].port",
        "Device 'd6': port '7' of spine 's1' is already used by device 'd5': a port takes one"
            + " cable")), v::toString);
    assertTrue(v.contains(new Problem(ProblemIds.REF_SUBNET, "watch.enforcement[gone]",
        "Watch: subnet 'gone' is not declared")), v::toString);
  }

  @Test
  void theDslRefusesBadValuesAtOnce() {
    assertEquals("Device 'd1': 'zz:00:00:00:00:01' is not a MAC address: expected six pairs of"
        + " hex digits joined by ':', such as '52:54:00:12:34:56'",
        assertThrows(IllegalArgumentException.class,
            () -> device("d1", "zz:00:00:00:00:01", "ilo", "a")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> device("d1", "01:00:00:00:00:01", "ilo", "a").build()).getMessage()
        .contains("is not a valid unicast address"));
    assertEquals("Watch: subnet 'a': enforcement 'block' is not known: use 'alert',"
        + " 'quarantine' or 'closed'", assertThrows(IllegalArgumentException.class,
            () -> watch().enforce("a", "block")).getMessage());
    assertEquals("Watch handler on 'seen': the program 'notify' must be an absolute path,"
        + " such as '/usr/local/bin/notify'", assertThrows(IllegalArgumentException.class,
            () -> watch().on("seen", "notify")).getMessage());
    assertEquals("Watch handler on 'seen': the word 'a\\nb' holds a NUL or a line break:"
        + " a command's words cannot", assertThrows(IllegalArgumentException.class,
            () -> watch().on("seen", "/bin/echo", "a\nb")).getMessage());
    assertEquals("Device 'd1' is declared twice", assertThrows(IllegalArgumentException.class,
        () -> base().device(device("d1", "3c:ec:ef:00:00:01", "ilo", "a"))
            .device(device("d1", "3c:ec:ef:00:00:02", "ilo", "a"))).getMessage());
  }

  @Test
  void yamlHoldsTheInventoryAndTheWatch() {
    Network n = base().device(device("ilo-a", "3c:ec:ef:00:00:01", "ilo", "a").cable("s1", 5))
        .watch(watch().pollMillis(100).enforce("a", "closed")
            .on("unauthorized", 2000, "/usr/bin/logger", "-t", "cimnet")).build();
    String parts = NetworkYaml.parts(n);
    assertTrue(parts.contains("devices:\n  - name: ilo-a\n    mac: 3c:ec:ef:00:00:01\n"
        + "    kind: ilo\n    subnet: a\n    spine: s1\n    port: 5\n"), parts);
    String yaml = NetworkYaml.network(n);
    assertTrue(yaml.contains("watch:\n  poll_ms: 100\n  enforcement:\n    a: closed\n"), yaml);
    LoadReport back = NetworkYaml.read(yaml, parts);
    assertTrue(back.ok(), back::toText);
    assertEquals(n, back.network().orElseThrow());
  }

  @Test
  void yamlReportsEveryInventoryProblemWithItsPlace() {
    String network = NetworkYaml.network(base().build()) + "watch:\n  enforcement:\n"
        + "    a: block\n    zz: closed\n  handlers:\n    - on: seen\n      run: [notify]\n";
    String parts = NetworkYaml.parts(base().build()) + "devices:\n"
        + "  - name: d1\n    mac: 3c:ec:ef:00:00:0g\n    kind: ilo\n    subnet: a\n"
        + "  - name: d2\n    mac: 3c:ec:ef:00:00:02\n    kind: ilo\n    subnet: aa\n"
        + "  - name: d3\n    mac: 3c:ec:ef:00:00:03\n    kind: ilo\n    subnet: a\n"
        + "    spine: s1\n";
    LoadReport report = NetworkYaml.read(network, parts);
    assertFalse(report.ok());
    String text = report.toText();
    assertTrue(text.contains("devices[d1].mac: Device 'd1': '3c:ec:ef:00:00:0g' is not a MAC"),
        text);
    assertTrue(text.contains("devices[d2].subnet: Device 'd2': Subnet 'aa' is not declared"
        + " under subnets in network.yaml (did you mean 'a'?)"), text);
    assertTrue(text.contains("devices[d3]: Device 'd3': give both 'spine' and 'port'"), text);
    assertTrue(text.contains("watch.enforcement[a]: Watch: subnet 'a': enforcement 'block' is"
        + " not known"), text);
    assertTrue(text.contains("watch.enforcement[zz]: Watch: Subnet 'zz' is not declared"), text);
    assertTrue(text.contains("watch.handlers[0].run: Watch handler on 'seen': the program"
        + " 'notify' must be an absolute path"), text);
  }

  @Test
  void closedSubnetsAdmitOnlyKnownMacsOnTheUplink() {
    Network n = base().device(device("ilo-a", "3c:ec:ef:00:00:01", "ilo", "a"))
        .device(device("ws-b", "3c:ec:ef:00:00:02", "workstation", "b"))
        .watch(watch().enforce("a", "closed")).build();
    Report report = Checker.check(n);
    assertTrue(report.ok(), report::toText);
    BridgePlan uplink = report.validated().plans().get("hv").bridges().get(0);
    assertTrue(uplink.isUplink());
    int vlanA = report.network().subnet("a").orElseThrow().vlan().getAsInt();
    String c2 = report.network().container("c2").orElseThrow().attachments().get(0).mac()
        .orElseThrow().toString();
    String c1 = report.network().container("c1").orElseThrow().attachments().get(0).mac()
        .orElseThrow().toString();
    List<String> flows = uplink.flows().stream().map(Flow::text).toList();
    assertTrue(flows.contains("priority=300,dl_vlan=" + vlanA + ",dl_src=3c:ec:ef:00:00:01"
        + ",actions=normal"), flows::toString);
    assertTrue(flows.contains("priority=300,dl_vlan=" + vlanA + ",dl_src=" + c2
        + ",actions=normal"), "c2 sits on the other host" + flows);
    assertFalse(flows.stream().anyMatch(f -> f.contains(c1)), "c1 is local: its leaf admits it");
    assertFalse(flows.stream().anyMatch(f -> f.contains("3c:ec:ef:00:00:02")),
        "subnet b is not closed" + flows);
    assertTrue(flows.contains("priority=250,dl_vlan=" + vlanA + ",actions=learn(table="
        + Admission.RECORD_TABLE + ",idle_timeout=300,vlan_tci[0..11],eth_src[])"), flows::toString);
    assertEquals("priority=0,actions=normal", flows.get(flows.size() - 1));
    // Without the watch the uplink is as before: one flow.
    BridgePlan open = Checker.check(base().build()).validated().plans().get("hv").bridges()
        .get(0);
    assertEquals(1, open.flows().size());
  }
}
