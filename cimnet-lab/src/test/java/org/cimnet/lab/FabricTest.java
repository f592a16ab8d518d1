package org.cimnet.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lab's infrastructure on its own: namespaces, a private Open vSwitch, and cleanup. */
class FabricTest {
  @BeforeEach
  void tools() {
    Tools.require("ip", "ovs-vsctl", "ovs-ofctl", "ovsdb-tool", "ovsdb-server", "ovs-vswitchd",
        "python3", "ping");
    Tools.requireRoot();
  }

  @Test
  void privateSwitchCarriesTrafficBetweenNamespacesAndEverythingIsRemovedAfterwards()
      throws Exception {
    Path work;
    List<String> namespaces;
    long vswitchd;
    try (Fabric fabric = Fabric.create(false)) {
      work = fabric.work();
      String router = fabric.namespace("h0");
      String box = fabric.namespace("c0");
      PrivateOvs ovs = PrivateOvs.start(fabric, router, "test");
      assertTrue(Files.exists(ovs.dir().resolve("db.sock")), "the database socket is private");
      vswitchd = Long.parseLong(Files.readString(ovs.dir().resolve("ovs-vswitchd.pid")).strip());
      Sh.run(10, "ip", "link", "add", "ve-box", "netns", router, "type", "veth", "peer", "name",
          "eth0", "netns", box).orThrow();
      ovs.vsctl("add-br", "leaf1", "--", "set", "Bridge", "leaf1", "datapath_type=netdev",
          "fail_mode=secure").orThrow();
      ovs.vsctl("add-port", "leaf1", "ve-box", "tag=10", "--", "add-port", "leaf1", "lan",
          "tag=10", "--", "set", "Interface", "lan", "type=internal").orThrow();
      ovs.ofctl("add-flow", "leaf1", "priority=0,actions=normal").orThrow();
      fabric.exec(router, 10, "ip", "link", "set", "ve-box", "up").orThrow();
      fabric.exec(box, 10, "ip", "addr", "add", "192.0.2.10/24", "dev", "eth0").orThrow();
      fabric.exec(box, 10, "ip", "link", "set", "eth0", "up").orThrow();
      for (int i = 0; i < 50 && !fabric.exec(router, 5, "ip", "link", "show", "lan").ok(); i++) {
        Thread.sleep(200);
      }
      fabric.exec(router, 10, "ip", "addr", "add", "192.0.2.1/24", "dev", "lan").orThrow();
      fabric.exec(router, 10, "ip", "link", "set", "lan", "up").orThrow();
      boolean reached = false;
      for (int i = 0; i < 10 && !reached; i++) {
        reached = fabric.exec(box, 5, "ping", "-c", "1", "-W", "1", "192.0.2.1").ok();
      }
      assertTrue(reached, "the box reaches the router through the private switch");
      // A TCP connection needs the checksum fix-up: the listener answers only if it works.
      Path scripts = fabric.work();
      for (String s : List.of("listen.py", "connect.py", "hops.py", "txoff.py")) {
        Files.write(scripts.resolve(s), LabRun.class.getResourceAsStream(s).readAllBytes());
      }
      fabric.exec(box, 10, List.of("python3", "txoff.py", "eth0"), Map.of()).orThrow();
      // A service of the router itself holds 8081 (as Unbound holds 53): the listener leaves it
      // alone and says so, and a probe there reaches that service, which says nothing.
      fabric.spawn(router, List.of("python3", "-c", "import socket, time; s = socket.socket();"
          + " s.bind(('192.0.2.1', 8081)); s.listen(); print('ready', flush=True);"
          + " time.sleep(120)"), work.resolve("holder.log"), 20);
      List<String> before = new java.util.ArrayList<>();
      fabric.spawn(router, List.of("python3", "listen.py", "router:test", "1.5", "8080", "8081"),
          work.resolve("listen.log"), 20, before);
      assertEquals(List.of("held 8081"), before);
      Files.writeString(work.resolve("p.txt"),
          "1 192.0.2.1 8080\n2 192.0.2.1 8082\n3 192.0.2.1 8081\n");
      Sh.Result probe = fabric.exec(box, 30, List.of("python3", "connect.py", "p.txt", "1.5"),
          Map.of());
      assertTrue(probe.output().contains("1 connected router:test"), probe.output());
      assertTrue(probe.output().contains("2 refused"), probe.output());
      assertTrue(probe.output().contains("3 connected (silent)"), probe.output());
      namespaces = fabric.namespaces();
      assertEquals(2, namespaces.size());
    }
    assertGone(work, namespaces, vswitchd);
  }

  @Test
  void aFailureInsideTheRunStillRemovesEverything() throws Exception {
    Path[] work = new Path[1];
    List<String>[] namespaces = new List[1];
    long[] vswitchd = new long[1];
    assertThrows(LabException.class, () -> {
      try (Fabric fabric = Fabric.create(false)) {
        work[0] = fabric.work();
        String router = fabric.namespace("h0");
        PrivateOvs ovs = PrivateOvs.start(fabric, router, "test");
        vswitchd[0] = Long.parseLong(
            Files.readString(ovs.dir().resolve("ovs-vswitchd.pid")).strip());
        namespaces[0] = fabric.namespaces();
        fabric.exec(router, 10, "ip", "link", "set", "no-such-link", "up").orThrow();
      }
    });
    assertGone(work[0], namespaces[0], vswitchd[0]);
  }

  @Test
  void aHelperThatFailsIsQuotedWhole() throws Exception {
    try (Fabric fabric = Fabric.create(false)) {
      String ns = fabric.namespace("h0");
      LabException e = assertThrows(LabException.class, () -> fabric.spawn(ns,
          List.of("python3", "-c", "import sys\ndef listen():\n  raise OSError(98,"
              + " 'Address already in use')\nlisten()"), fabric.work().resolve("x.log"), 20));
      assertTrue(e.getMessage().contains("Ended before it was ready"), e.getMessage());
      assertTrue(e.getMessage().contains("Traceback (most recent call last):"), e.getMessage());
      assertTrue(e.getMessage().contains("in listen"), e.getMessage());
      assertTrue(e.getMessage().contains("OSError: [Errno 98] Address already in use"),
          e.getMessage());
    }
  }

  private static void assertGone(Path work, List<String> namespaces, long vswitchd)
      throws InterruptedException {
    String listed = Sh.run(10, "ip", "netns", "list").output();
    for (String ns : namespaces) {
      assertFalse(listed.contains(ns), "namespace " + ns + " is removed: " + listed);
    }
    for (int i = 0; i < 25 && ProcessHandle.of(vswitchd).map(ProcessHandle::isAlive)
        .orElse(false); i++) {
      Thread.sleep(200);
    }
    assertFalse(ProcessHandle.of(vswitchd).map(ProcessHandle::isAlive).orElse(false),
        "ovs-vswitchd " + vswitchd + " is stopped");
    assertFalse(Files.exists(work), "the work folder is removed");
  }
}
