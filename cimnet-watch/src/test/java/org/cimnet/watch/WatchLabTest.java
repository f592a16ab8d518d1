package org.cimnet.watch;

import static org.cimnet.render.ovs.PrivateSwitch.check;
import static org.cimnet.render.ovs.PrivateSwitch.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.event.Observed;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Watch;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.render.ovs.OvsRenderer;
import org.cimnet.render.ovs.PrivateSwitch;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher against the real Open vSwitch: host hv's rendered switch (a private ovsdb-server
 * and ovs-vswitchd, userspace datapath) with its trunk NIC cabled to a spine (a VLAN-aware Linux
 * bridge in its own namespace); devices are namespaces plugged into spine ports, containers are
 * namespaces on their planned ports. Subnet a is {@code quarantine}, b is {@code closed}.
 * Measured and printed: the time from an unknown device's first frame to its quarantine flow,
 * the packets that reached a container before it, and in closed mode (none may) after it.
 */
class WatchLabTest {
  @TempDir
  Path dir;

  private PrivateSwitch sw;
  private Thread watching;
  private final AtomicBoolean stop = new AtomicBoolean();

  @AfterEach
  void close() throws InterruptedException {
    stop.set(true);
    if (watching != null) {
      watching.join(10_000);
    }
    if (sw != null) {
      sw.close();
    }
  }

  @Test
  void unknownDevicesAreIsolatedKnownOnesSeenAndMovesReported() throws Exception {
    Tools.require("ovs-vsctl", "ovs-ofctl", "ovs-appctl", "ovsdb-tool", "ovsdb-server",
        "ovs-vswitchd", "ip", "ping", "sh", "python3");
    Tools.requireRoot();
    Path handled = dir.resolve("unauthorized.jsonl");
    Network origin = Lab.model(Watch.builder().pollMillis(100)
        .on("unauthorized", 5000, "/bin/sh", "-c", "cat >> " + handled)
        .on("seen", 5000, "/bin/sh", "-c", "exit 7"));
    ValidatedNetwork valid = Checker.check(origin).validated();
    HostPlan plan = valid.plans().get(Lab.HOST);
    sw = PrivateSwitch.start();
    Proc.Result applied = sw.apply(new OvsRenderer().render(valid, RenderContext.defaults()
        .with(OvsRenderer.DATAPATH, "netdev")), Lab.HOST);
    assertTrue(applied.ok(), () -> "setup.sh failed:\n" + applied.output() + sw.logs());
    assertTrue(sw.ofctl("dump-flows", "uplink").output().contains("learn(table=250"),
        "the closed subnet's flows are loaded");

    // The spine, which cimnet does not configure: a plain learning switch (a bridge of the
    // same private Open vSwitch, as this kernel may lack VLAN-aware Linux bridges), its trunk
    // port cabled to the host's eth0 (on the host nic_eth0, a member of the bond), devices on
    // access ports.
    quiet(sw.netns);
    check(sw.vsctl("add-br", "spine", "--", "set", "Bridge", "spine", "datapath_type=netdev"));
    String eth0 = plan.nics().get(0).ifname();
    assertEquals("nic_eth0", eth0);
    check(Proc.run(List.of("ip", "-n", sw.netns, "link", "add", eth0, "type", "veth", "peer",
        "name", "trunk"), null, 10));
    sh(sw.netns, "ip", "link", "set", eth0, "up");
    sh(sw.netns, "ip", "link", "set", "trunk", "up");
    check(sw.vsctl("add-port", "spine", "trunk", "trunks=101,102"));
    String spine = sw.netns;

    Map<String, String> containers = new HashMap<>();
    Map<String, ContainerPlan.Nic> nics = new HashMap<>();
    for (ContainerPlan c : plan.containers()) {
      ContainerPlan.Nic n = c.nics().get(0);
      String ns = sw.namespace(c.name());
      quiet(ns);
      check(Proc.run(List.of("ip", "-n", sw.netns, "link", "add", n.port(), "type", "veth",
          "peer", "name", "eth0", "netns", ns), null, 10));
      sh(sw.netns, "ip", "link", "set", n.port(), "up");
      sh(ns, "ip", "link", "set", "eth0", "address", n.mac().toString());
      sh(ns, "ip", "addr", "add", n.address() + "/" + n.prefixLength(), "dev", "eth0");
      sh(ns, "ip", "link", "set", "eth0", "up");
      containers.put(c.name(), ns);
      nics.put(c.name(), n);
    }
    String c1 = nics.get("c1").address().toString();
    String c3 = nics.get("c3").address().toString();
    String ilo = device(spine, "ilo", Lab.ILO, "10.20.1.50/24", 101);
    String stranger = device(spine, "stranger", "02:00:00:00:66:01", "10.20.1.66/24", 101);
    String ws = device(spine, "ws", Lab.WORKSTATION, "10.20.2.50/24", 102);
    String intruder = device(spine, "intruder", "02:00:00:00:66:02", "10.20.2.66/24", 102);

    Path log = dir.resolve("events.jsonl");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = Map.of(
        "OVS_APPCTL", "ovs-appctl -t " + sw.dir.resolve("ovs-vswitchd.ctl"),
        "OVS_OFCTL", "env OVS_RUNDIR=" + sw.dir + " ovs-ofctl",
        "CIMNET_IP", "ip -n " + sw.netns);
    Watcher watcher = new Watcher(origin, log, Lab.HOST, new Ovs(env), Clock.systemUTC(),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    watching = new Thread(() -> {
      try (watcher) {
        while (!stop.get()) {
          watcher.poll();
          Thread.sleep(watcher.pollMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "watcher");
    watching.start();

    // The authorized iLO: seen, at the uplink's bond, as the device it is.
    assertTrue(ping(ilo, c1), "the iLO reaches c1" + dumps());
    Observed.DeviceSeen seen = (Observed.DeviceSeen) await(log,
        e -> e instanceof Observed.DeviceSeen s && s.sighting().mac().toString().equals(Lab.ILO));
    assertEquals("bond0", seen.sighting().port());
    assertEquals("device:ilo-a", seen.sighting().owner().orElseThrow());
    System.out.println("cimnet watch lab: iLO seen at " + seen.sighting().place());

    // An unknown device on a (quarantine): from its first frame to its drop flow.
    List<Process> before = captures(containers, "02:00:00:00:66:01", 4);
    long start = System.nanoTime();
    Process flood = new ProcessBuilder("ip", "netns", "exec", stranger, "ping", "-n", "-i",
        "0.02", "-c", "200", c1).redirectErrorStream(true).start();
    boolean flowed = PrivateSwitch.eventually(() -> sw.ofctl("dump-flows", "uplink")
        .output().contains("dl_src=02:00:00:00:66:01"));
    long quarantineMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(flowed, "the quarantine flow was installed" + err);
    Thread.sleep(300);
    List<Process> after = captures(containers, "02:00:00:00:66:01", 1.5);
    long reachedAfter = frames(after);
    long reachedBefore = frames(before) - reachedAfter;
    flood.destroy();
    System.out.println("cimnet watch lab: first frame to quarantine flow " + quarantineMillis
        + " ms; frames that reached c1 before it: " + reachedBefore + ", in the second after"
        + " it: " + reachedAfter);
    assertTrue(quarantineMillis < 2000, "quarantined within 2 s: " + quarantineMillis + " ms");
    assertEquals(0, reachedAfter, "nothing of a quarantined device reaches a container");
    await(log, e -> e instanceof Observed.DeviceQuarantined q
        && q.sighting().mac().toString().equals("02:00:00:00:66:01"));

    // Closed subnet b: the inventory's workstation passes; an unknown device never does.
    assertTrue(ping(ws, c3), "the workstation (inventory, b) reaches c3" + dumps());
    List<Process> closedCaptures = captures(containers, "02:00:00:00:66:02", 4);
    assertFalse(ping(intruder, c3), "an unknown device on closed b reaches nothing");
    long intruded = frames(closedCaptures);
    System.out.println("cimnet watch lab: frames of the unknown device that reached any"
        + " container (closed): " + intruded);
    assertEquals(0, intruded, "closed: not one frame of an unknown device reaches a container");
    Observed.DeviceUnauthorized closed = (Observed.DeviceUnauthorized) await(log,
        e -> e instanceof Observed.DeviceUnauthorized u
            && u.sighting().mac().toString().equals("02:00:00:00:66:02"));
    assertEquals(Watch.Enforcement.CLOSED, closed.enforcement());

    // The handlers ran with the events' JSON; a failing one is recorded, not fatal.
    List<String> lines = EventLog.open(log).events().stream()
        .filter(e -> e instanceof Observed.DeviceUnauthorized).map(EventLog::json).toList();
    assertTrue(PrivateSwitch.eventually(() -> Files.exists(handled)
        && read(handled).lines().count() >= 2));
    assertEquals(lines.subList(0, 2), read(handled).lines().toList().subList(0, 2));
    assertTrue(PrivateSwitch.eventually(() -> EventLog.open(log).events().stream().anyMatch(
        e -> e instanceof Event.HandlerRan r && r.exit() == 7 && r.status().equals("exited"))));

    // Admitting the stranger lifts its quarantine: it reaches c1 now.
    EventLog.open(log).append(new Event.DeviceAdmitted(Device.builder("printer",
        "02:00:00:00:66:01", "printer", "a").build()));
    assertTrue(PrivateSwitch.eventually(() -> !sw.ofctl("dump-flows", "uplink").output()
        .contains("dl_src=02:00:00:00:66:01")), "the quarantine is lifted" + err);
    assertTrue(ping(stranger, c1), "the admitted device reaches c1" + dumps());

    // The iLO moves: unplugged from the spine, plugged into a port of leaf1.
    check(sw.vsctl("del-port", "spine", "p-ilo", "--", "add-port", "leaf1", "p-ilo",
        "tag=101"));
    assertTrue(ping(ilo, c1), "the iLO reaches c1 from its new port" + dumps());
    Observed.DeviceMoved moved = (Observed.DeviceMoved) await(log,
        e -> e instanceof Observed.DeviceMoved m && m.sighting().mac().toString().equals(Lab.ILO));
    assertEquals("hv/uplink/bond0 vlan 101", moved.from().place());
    assertEquals("hv/leaf1/p-ilo vlan 101", moved.sighting().place());
    System.out.println("cimnet watch lab: iLO moved from " + moved.from().place() + " to "
        + moved.sighting().place());
  }

  /** A device: a namespace plugged into an access port of {@code vlan} on the spine. */
  private String device(String spine, String name, String mac, String address, int vlan) {
    String ns = sw.namespace(name);
    quiet(ns);
    check(Proc.run(List.of("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer",
        "name", "p-" + name, "netns", spine), null, 10));
    sh(ns, "ip", "link", "set", "eth0", "address", mac);
    sh(ns, "ip", "addr", "add", address, "dev", "eth0");
    sh(ns, "ip", "link", "set", "eth0", "up");
    sh(spine, "ip", "link", "set", "p-" + name, "up");
    check(sw.vsctl("add-port", "spine", "p-" + name, "tag=" + vlan));
    return ns;
  }

  /** No IPv6: the only frames are the ones the test sends. */
  private static void quiet(String ns) {
    sh(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
    sh(ns, "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
    sh(ns, "ip", "link", "set", "lo", "up");
  }

  private static void sh(String ns, String... command) {
    check(in(ns, command));
  }

  private static boolean ping(String from, String to) {
    return in(from, "ping", "-n", "-c", "3", "-i", "0.2", "-w", "4", to).ok();
  }

  /** Counts the frames from {@code mac} that eth0 receives, for {@code seconds}. */
  private static final String CAPTURE = "import socket,sys,time\n"
      + "s=socket.socket(socket.AF_PACKET,socket.SOCK_RAW,socket.htons(3))\n"
      + "s.bind(('eth0',0))\ns.settimeout(0.1)\n"
      + "mac=bytes.fromhex(sys.argv[1].replace(':',''))\n"
      + "end=time.time()+float(sys.argv[2])\nn=0\nprint('ready',flush=True)\n"
      + "while time.time()<end:\n"
      + "  try:\n    f=s.recv(65535)\n  except socket.timeout:\n    continue\n"
      + "  n+=f[6:12]==mac\n"
      + "print(n)\n";

  /** One capture per container, each ready when this returns. */
  private static List<Process> captures(Map<String, String> containers, String mac,
      double seconds) throws java.io.IOException {
    List<Process> out = new java.util.ArrayList<>();
    for (String ns : containers.values()) {
      Process p = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-c", CAPTURE, mac,
          "" + seconds).redirectErrorStream(true).start();
      String ready = new java.io.BufferedReader(new java.io.InputStreamReader(
          p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertEquals("ready", ready);
      out.add(p);
    }
    return out;
  }

  /** The frames the captures counted, once they ended. */
  private static long frames(List<Process> captures) throws Exception {
    long n = 0;
    for (Process p : captures) {
      p.waitFor();
      n += Long.parseLong(new String(p.getInputStream().readAllBytes(),
          StandardCharsets.UTF_8).strip());
    }
    return n;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static Event await(Path log, Predicate<Event> wanted) {
    Event[] found = new Event[1];
    assertTrue(PrivateSwitch.eventually(() -> {
      if (!Files.exists(log)) {
        return false;
      }
      for (Event e : EventLog.open(log).events()) {
        if (wanted.test(e)) {
          found[0] = e;
          return true;
        }
      }
      return false;
    }), () -> "no such event in the log:\n" + read(log));
    return found[0];
  }

  private String dumps() {
    StringBuilder b = new StringBuilder("\n");
    for (String br : List.of("uplink", "leaf1")) {
      b.append(sw.ofctl("dump-flows", br).output());
      b.append(sw.ofctl("dump-ports-desc", br).output());
    }
    return b.append(sw.logs()).toString();
  }
}
