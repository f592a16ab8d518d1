package org.cimnet.render.ovs;

import static org.cimnet.render.ovs.PrivateSwitch.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.Flow;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.PortPlan;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Applies rendered scripts to a private, real Open vSwitch (userspace datapath) and reads the
 * switch back: it must hold exactly the plan, stay unchanged when the script runs again, and
 * converge after a model change.
 */
class SwitchStateTest {
  private static final RenderContext NETDEV = RenderContext.defaults()
      .with(OvsRenderer.DATAPATH, "netdev");

  /** An operation that changes the database. */
  private static final Pattern CHANGE =
      Pattern.compile("\"op\":\"(insert|update|mutate|delete)\"");

  private PrivateSwitch sw;

  @BeforeEach
  void start() {
    Tools.require("ovs-vsctl", "ovs-ofctl", "ovs-appctl", "ovsdb-tool", "ovsdb-server",
        "ovsdb-client", "ovs-vswitchd", "ip", "bash");
    Tools.requireRoot();
    sw = PrivateSwitch.start();
  }

  @AfterEach
  void stop() {
    if (sw != null) {
      sw.close();
    }
  }

  private static List<RenderedFile> render(ValidatedNetwork network) {
    return new OvsRenderer().render(network, NETDEV);
  }

  private static HostPlan plan(ValidatedNetwork network) {
    return network.plans().get(SmallNetworks.HOST);
  }

  private void apply(ValidatedNetwork network) {
    Proc.Result r = sw.apply(render(network), SmallNetworks.HOST);
    assertTrue(r.ok(), () -> "setup.sh failed (exit " + r.exit() + "):\n" + r.output()
        + sw.logs());
  }

  @Test
  void switchHoldsExactlyThePlan() {
    ValidatedNetwork network = SmallNetworks.before();
    apply(network);
    assertMatchesPlan(plan(network));
  }

  @Test
  void secondRunChangesNothing() {
    ValidatedNetwork network = SmallNetworks.before();
    apply(network);
    String first = dump();
    apply(network);
    assertEquals(first, dump(), "the second run changed the switch");
  }

  @Test
  void convergesAfterAModelChange() {
    check(sw.vsctl("add-br", "foreign", "--", "set", "Bridge", "foreign", "datapath_type=netdev",
        "--", "add-port", "foreign", "keep-me"));
    apply(SmallNetworks.before());
    // A port someone added to a cimnet bridge by hand is not in the plan: it goes.
    check(sw.vsctl("add-port", "leaf1", "stray"));
    ValidatedNetwork after = SmallNetworks.after();
    apply(after);

    assertMatchesPlan(plan(after));
    assertFalse(sw.get("list-ports", "leaf1").lines().anyMatch(p -> p.equals("ve-c2")
        || p.equals("stray")), "removed container's port and stray port are gone");
    assertEquals("foreign", sw.get("list-br").lines().filter(b -> b.equals("foreign"))
        .findFirst().orElse(""), "a bridge cimnet does not own is left alone");
    assertEquals("keep-me", sw.get("list-ports", "foreign"));
    // And the converged switch is as stable as a fresh one.
    String converged = dump();
    apply(after);
    assertEquals(converged, dump());
  }

  /**
   * The first run after a change reads the switch once; finding nothing to change, it remembers
   * what it read, and the run after that reads nothing and still compares every bridge's flows.
   */
  @Test
  void unchangedReapplyReadsOnceThenRemembers() throws IOException {
    ValidatedNetwork network = SmallNetworks.before();
    apply(network);
    String first = dump();
    assertFalse(Files.exists(sw.memory()), "a run that changed the switch remembers nothing");
    Proc.Result r = sw.applyLogged(render(network), SmallNetworks.HOST);
    assertTrue(r.ok(), r.output());
    assertReadOnce();
    assertEquals(Set.of(), flowLoads(), "flows that already match are left alone");
    assertEquals(bridgeNames(plan(network)), flowCalls("diff-flows"), "each bridge compared");
    assertEquals(1, remembered().size(), "the read is remembered: " + remembered());

    r = sw.applyLogged(render(network), SmallNetworks.HOST);
    assertTrue(r.ok(), r.output());
    assertEquals(List.of(), databaseCalls(), "the database is neither read nor changed");
    assertEquals(Set.of(), flowLoads());
    assertEquals(bridgeNames(plan(network)), flowCalls("diff-flows"), "each bridge compared");
    assertEquals(first, dump());

    // Compacting rewrites the database into a new file: same rows, another identity, one read.
    check(Proc.run(List.of("ovs-appctl", "-t", sw.dir.resolve("ovsdb-server.ctl").toString(),
        "ovsdb-server/compact"), null, 30));
    r = sw.applyLogged(render(network), SmallNetworks.HOST);
    assertTrue(r.ok(), r.output());
    assertReadOnce();
    assertEquals(List.of(), transactions());
    assertEquals(first, dump());
  }

  /**
   * Without a folder to remember in, when the script cannot tell which file the server writes
   * (another server named by OVSDB_SERVER), or when a client of the user's own (OVSDB_CLIENT,
   * here the logging wrapper) could run elsewhere and no folder is named, every run reads the
   * switch.
   */
  @Test
  void withoutMemoryEveryRunReads() throws IOException {
    ValidatedNetwork network = SmallNetworks.before();
    apply(network);
    Path usual = Path.of("/run/cimnet/cimnet-ovsdb."
        + Files.readString(sw.dir.resolve("ovsdb-server.pid")).strip());
    for (List<String> env : List.of(List.of("CIMNET_STATE="),
        List.of("OVSDB_SERVER=unix:" + sw.dir.resolve("db.sock")), List.of("-uCIMNET_STATE"))) {
      for (int run = 0; run < 2; run++) {
        Proc.Result r = sw.applyLogged(render(network), SmallNetworks.HOST, env);
        assertTrue(r.ok(), r.output());
        assertReadOnce();
        assertEquals(List.of(), transactions(), env.toString());
      }
      assertEquals(List.of(), remembered(), env.toString());
      assertFalse(Files.exists(usual), "nothing kept in /run/cimnet: " + env);
    }
  }

  /**
   * What is remembered is trusted only where nobody else could have put it and only for the
   * server that answers on the socket: a folder others may write in is not used, a pidfile that
   * names another ovsdb-server gives no identity, and the folder may be the switch's own run
   * folder without harm to the files Open vSwitch keeps there.
   */
  @Test
  void memoryIsTrustedOnlyWhereItIsSafe() throws IOException {
    ValidatedNetwork network = SmallNetworks.before();
    apply(network);
    Path open = sw.dir.resolve("open-memory");
    Files.createDirectories(open);
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    for (int run = 0; run < 2; run++) {
      assertTrue(sw.applyLogged(render(network), SmallNetworks.HOST,
          List.of("CIMNET_STATE=" + open)).ok());
      assertReadOnce();
    }
    try (var files = Files.list(open)) {
      assertEquals(List.of(), files.toList(), "nothing kept in a folder others may write in");
    }

    Path pidfile = sw.dir.resolve("ovsdb-server.pid");
    String pid = Files.readString(pidfile);
    try (PrivateSwitch other = PrivateSwitch.start()) {
      Files.writeString(pidfile, Files.readString(other.dir.resolve("ovsdb-server.pid")));
      for (int run = 0; run < 2; run++) {
        assertTrue(sw.applyLogged(render(network), SmallNetworks.HOST).ok());
        assertReadOnce();
      }
      assertEquals(List.of(), remembered(), "no identity for a server on another socket");
    } finally {
      Files.writeString(pidfile, pid);
    }

    List<String> own = List.of("ovsdb-server.pid", "ovsdb-server.ctl", "ovsdb-server.log",
        "conf.db", "db.sock");
    for (int run = 0; run < 2; run++) {
      assertTrue(sw.applyLogged(render(network), SmallNetworks.HOST,
          List.of("CIMNET_STATE=" + sw.dir)).ok());
    }
    assertEquals(List.of(), databaseCalls(), "remembered in the run folder");
    for (String file : own) {
      assertTrue(Files.exists(sw.dir.resolve(file)), file + " is left alone");
    }
  }

  /** The logged run read the state once: one dump per table, nothing else of the database. */
  private void assertReadOnce() throws IOException {
    List<String> database = databaseCalls();
    assertEquals(3, database.size(), "the state read, one dump per table: " + database);
    for (String call : database) {
      assertTrue(call.startsWith("ovsdb-client --format=csv --data=bare dump ")
          && call.contains(" Open_vSwitch "), call);
    }
    assertEquals(Set.of("Interface", "Port", "Bridge"), database.stream()
        .map(c -> c.substring(c.indexOf(" Open_vSwitch ") + 14).split(" ")[0])
        .collect(Collectors.toSet()), "the tables read");
  }

  /** The files in the switch's memory folder. */
  private List<String> remembered() throws IOException {
    if (!Files.isDirectory(sw.memory())) {
      return List.of();
    }
    try (var files = Files.list(sw.memory())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * 1,400 container ports take several transactions, none past the budget; after that a
   * re-apply makes none, one more container makes exactly one, and one fewer exactly one.
   */
  @Test
  void aCrowdedHostConvergesInBoundedTransactions() throws IOException {
    ValidatedNetwork crowded = SmallNetworks.crowded(1400);
    Proc.Result r = sw.applyLogged(render(crowded), SmallNetworks.HOST);
    assertTrue(r.ok(), () -> r.output() + sw.logs());
    List<String> calls = transactions();
    assertTrue(calls.size() >= 3, "bridges, then ports in more than one batch: " + calls.size());
    for (String call : calls) {
      String json = call.substring(call.indexOf('['));
      assertTrue(json.length() <= SetupScript.BUDGET, "transaction of " + json.length()
          + " bytes");
    }
    assertPortsMatch(plan(crowded));

    assertTrue(sw.applyLogged(render(crowded), SmallNetworks.HOST).ok());
    assertEquals(List.of(), transactions(), "an unchanged re-apply");

    // The re-apply remembered the switch, so the next change is made without reading it.
    ValidatedNetwork more = SmallNetworks.crowded(1401);
    assertTrue(sw.applyLogged(render(more), SmallNetworks.HOST).ok());
    assertEquals(0, databaseCalls().stream().filter(c -> c.contains(" dump ")).count(),
        "the remembered state is used: " + databaseCalls());
    List<String> added = transactions();
    assertEquals(1, added.size(), "one container added: " + added);
    assertTrue(added.get(0).contains("\"name\":\"ve-k1400\""), added.get(0));
    assertEquals(Set.of(bridgeOf(plan(more), "ve-k1400")), flowLoads(),
        "only the flows of the new container's bridge are loaded");
    assertPortsMatch(plan(more));

    assertTrue(sw.applyLogged(render(crowded), SmallNetworks.HOST).ok());
    List<String> removed = transactions();
    assertEquals(1, removed.size(), "one container removed: " + removed);
    assertTrue(removed.get(0).contains("\"ports\",\"delete\""), removed.get(0));
    assertEquals(3, databaseCalls().stream().filter(c -> c.contains(" dump ")).count(),
        "no port was created, so the numbers read before need no second look");
    assertPortsMatch(plan(crowded));

    ValidatedNetwork moved = SmallNetworks.crowded(1400, "b");
    assertTrue(sw.applyLogged(render(moved), SmallNetworks.HOST).ok());
    List<String> retagged = transactions();
    assertEquals(1, retagged.size(), "one container moved to another VLAN: " + retagged);
    assertTrue(retagged.get(0).contains("\"op\":\"update\",\"table\":\"Port\""),
        retagged.get(0));
    assertFalse(retagged.get(0).contains("\"op\":\"insert\""), "the port is kept: "
        + retagged.get(0));
    assertPortsMatch(plan(moved));
  }

  /**
   * Every column the script manages, changed by hand on the switch, is found by the state read
   * and put back (the bridge in one transaction, the ports in one more); the keys of a map the
   * script does not manage stay as they are, and the next run changes nothing.
   */
  @Test
  void handChangesAreFoundAndPutBack() throws IOException {
    ValidatedNetwork network = SmallNetworks.before();
    apply(network);
    apply(network);
    assertEquals(1, remembered().size(), "the switch is remembered before the hand changes");
    HostPlan plan = plan(network);
    String container = first(plan, PortPlan.Kind.CONTAINER).name();
    String internal = first(plan, PortPlan.Kind.INTERNAL).name();
    String patch = first(plan, PortPlan.Kind.PATCH).name();
    String bond = first(plan, PortPlan.Kind.BOND).name();
    String leaf = plan.bridges().get(1).name();
    check(sw.vsctl("--no-wait", "set", "Port", container, "tag=999", "--",
        "set", "Interface", container, "ofport_request=77",
        "external_ids:attached-mac=\"02:00:00:00:00:99\"", "external_ids:iface-id=keep-me", "--",
        "set", "Interface", internal, "mac=\"02:00:00:00:00:98\"", "--",
        "set", "Interface", patch, "options:peer=nowhere", "--",
        "set", "Port", bond, "bond_mode=active-backup", "--",
        "set", "Bridge", leaf, "fail_mode=standalone"));
    Proc.Result r = sw.applyLogged(render(network), SmallNetworks.HOST);
    assertTrue(r.ok(), () -> r.output() + sw.logs());
    assertEquals(3, databaseCalls().stream().filter(c -> c.contains(" dump ")).count(),
        "the changed database is read, not taken from memory: " + databaseCalls());
    assertEquals(2, transactions().size(), "the bridge, then the ports: " + transactions());
    assertTrue(flowLoads().contains(leaf), "a corrected bridge gets its flows loaded: "
        + flowLoads());
    assertMatchesPlan(plan);
    assertEquals("keep-me", unquote(sw.get("get", "Interface", container,
        "external_ids:iface-id")));

    assertTrue(sw.applyLogged(render(network), SmallNetworks.HOST).ok());
    assertEquals(List.of(), transactions(), "the next run");
  }

  /**
   * Flows changed on the switch (one added, one bridge emptied as after a restart of
   * ovs-vswitchd) are put back from the flow files without any change to the database.
   */
  @Test
  void changedFlowsArePutBack() throws IOException {
    ValidatedNetwork network = SmallNetworks.before();
    apply(network);
    // Remembered: the flows, which the database does not hold, are still compared.
    apply(network);
    HostPlan plan = plan(network);
    check(sw.ofctl("add-flow", plan.bridges().get(1).name(), "priority=65000,actions=drop"));
    check(sw.ofctl("del-flows", plan.bridges().get(0).name()));
    Proc.Result r = sw.applyLogged(render(network), SmallNetworks.HOST);
    assertTrue(r.ok(), () -> r.output() + sw.logs());
    assertEquals(List.of(), databaseCalls(), "the database, unchanged, is not read");
    assertEquals(Set.of(plan.bridges().get(0).name(), plan.bridges().get(1).name()), flowLoads(),
        "only the bridges whose flows were changed");
    assertMatchesPlan(plan);
  }

  private static Set<String> bridgeNames(HostPlan plan) {
    return plan.bridges().stream().map(BridgePlan::name).collect(Collectors.toSet());
  }

  private static String bridgeOf(HostPlan plan, String port) {
    return plan.bridges().stream()
        .filter(b -> b.ports().stream().anyMatch(p -> p.name().equals(port)))
        .map(BridgePlan::name).findFirst().orElseThrow();
  }

  /** The bridges whose flows the logged run replaced. */
  private Set<String> flowLoads() throws IOException {
    return flowCalls("replace-flows");
  }

  /** The bridges named by the logged ovs-ofctl calls of one command. */
  private Set<String> flowCalls(String command) throws IOException {
    Set<String> bridges = new TreeSet<>();
    for (String call : Files.readAllLines(sw.callLog())) {
      List<String> words = Arrays.asList(call.split(" "));
      int at = words.indexOf(command);
      if (call.startsWith("ovs-ofctl ") && at >= 0) {
        bridges.add(words.get(at + 1));
      }
    }
    return bridges;
  }

  private static PortPlan first(HostPlan plan, PortPlan.Kind kind) {
    return plan.bridges().stream().flatMap(b -> b.ports().stream())
        .filter(p -> p.kind() == kind).findFirst().orElseThrow();
  }

  /** The logged calls to ovsdb-client that reach the database (not its --help). */
  private List<String> databaseCalls() throws IOException {
    return Files.readAllLines(sw.callLog()).stream()
        .filter(c -> c.startsWith("ovsdb-client ") && !c.equals("ovsdb-client --help")).toList();
  }

  /**
   * The logged transactions that change the switch's configuration: not the one that asks
   * ovs-vswitchd to report when it has applied them, nor the lookups of OpenFlow ports.
   */
  private List<String> transactions() throws IOException {
    return databaseCalls().stream()
        .filter(c -> c.startsWith("ovsdb-client transact ") && !c.contains("\"next_cfg\"")
            && CHANGE.matcher(c).find())
        .toList();
  }

  /**
   * Every bridge's ports, and every container port's VLAN, OpenFlow port request and MAC, as
   * the plan says, read in one listing per table (a crowded host has too many for a call each).
   */
  private void assertPortsMatch(HostPlan plan) {
    Map<String, String> ports = new HashMap<>();
    for (String row : sw.get("--format=csv", "--data=bare", "--no-headings",
        "--columns=name,tag", "list", "Port").lines().toList()) {
      String[] f = row.split(",", -1);
      ports.put(f[0], f[1]);
    }
    Map<String, String> ifaces = new HashMap<>();
    for (String row : sw.get("--format=csv", "--data=bare", "--no-headings",
        "--columns=name,ofport_request,external_ids", "list", "Interface").lines().toList()) {
      String[] f = row.split(",", -1);
      ifaces.put(f[0], f[1] + " " + f[2]);
    }
    for (BridgePlan bridge : plan.bridges()) {
      assertEquals(bridge.ports().stream().map(PortPlan::name)
              .collect(Collectors.toCollection(TreeSet::new)),
          new TreeSet<>(sw.get("list-ports", bridge.name()).lines().toList()),
          "ports of " + bridge.name());
      for (PortPlan port : bridge.ports()) {
        if (port.kind() == PortPlan.Kind.CONTAINER) {
          assertEquals("" + port.tag().getAsInt(), ports.get(port.name()), port.name());
          assertEquals(port.ofport() + " attached-mac=" + port.mac().orElseThrow(),
              ifaces.get(port.name()), port.name());
        }
      }
    }
  }

  /** Bridges, ports, interfaces and flows as the plan says, and nothing else on them. */
  private void assertMatchesPlan(HostPlan plan) {
    Set<String> bridges = new TreeSet<>(sw.get("list-br").lines().toList());
    bridges.remove("foreign");
    assertEquals(plan.bridges().stream().map(BridgePlan::name)
        .collect(Collectors.toCollection(TreeSet::new)), bridges);
    for (BridgePlan bridge : plan.bridges()) {
      String br = bridge.name();
      assertEquals(List.of("secure", "[OpenFlow13]", "netdev", plan.host()),
          values("Bridge", br, "fail_mode", "protocols", "datapath_type", "external_ids:cimnet"),
          "bridge " + br);
      assertEquals(bridge.ports().stream().map(PortPlan::name)
              .collect(Collectors.toCollection(TreeSet::new)),
          new TreeSet<>(sw.get("list-ports", br).lines().toList()), "ports of " + br);
      for (PortPlan port : bridge.ports()) {
        assertPort(br, port);
      }
      assertEquals(planFlows(bridge), switchFlows(br), "flows of " + br);
    }
  }

  private void assertPort(String bridge, PortPlan port) {
    String p = port.name();
    String where = "port " + p + " of " + bridge;
    switch (port.kind()) {
      case BOND -> {
        assertEquals(List.of("trunk", set(port.trunks()), "[]", "balance-slb"),
            values("Port", p, "vlan_mode", "trunks", "tag", "bond_mode"), where);
        List<String> members = new ArrayList<>();
        for (String uuid : sw.get("get", "Port", p, "interfaces").replaceAll("[\\[\\],]", " ")
            .trim().split("\\s+")) {
          members.add(unquote(sw.get("get", "Interface", uuid, "name")));
        }
        assertEquals(new TreeSet<>(port.members()), new TreeSet<>(members), where);
      }
      case PATCH -> {
        assertEquals(List.of("trunk", set(port.trunks()), "[]"),
            values("Port", p, "vlan_mode", "trunks", "tag"), where);
        assertEquals(List.of("patch", port.peer().orElseThrow(), "" + port.ofport(),
                "" + port.ofport()),
            values("Interface", p, "type", "options:peer", "ofport_request", "ofport"), where);
      }
      case INTERNAL -> {
        assertEquals(List.of("access", "" + port.tag().getAsInt(), "[]"),
            values("Port", p, "vlan_mode", "tag", "trunks"), where);
        assertEquals(List.of("internal", port.mac().orElseThrow().toString(),
                "" + port.ofport(), "" + port.ofport()),
            values("Interface", p, "type", "mac", "ofport_request", "ofport"), where);
      }
      case CONTAINER -> {
        assertEquals(List.of("access", "" + port.tag().getAsInt(), "[]"),
            values("Port", p, "vlan_mode", "tag", "trunks"), where);
        // No container created the device in this test, so the port waits for it (ofport -1).
        assertEquals(List.of(port.mac().orElseThrow().toString(), "" + port.ofport(), "-1"),
            values("Interface", p, "external_ids:attached-mac", "ofport_request", "ofport"),
            where);
      }
      default -> throw new IllegalStateException("" + port.kind());
    }
  }

  private List<String> values(String table, String record, String... columns) {
    List<String> args = new ArrayList<>(List.of("--if-exists", "get", table, record));
    args.addAll(Arrays.asList(columns));
    return sw.get(args.toArray(String[]::new)).lines().map(SwitchStateTest::unquote).toList();
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1) : s;
  }

  private static String set(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
  }

  /** The plan's flows, each as priority, its set of match fields, and its actions. */
  private static Set<String> planFlows(BridgePlan bridge) {
    return bridge.flows().stream().map(Flow::text).map(SwitchStateTest::canonical)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> switchFlows(String bridge) {
    return check(sw.ofctl("--no-stats", "--no-names", "dump-flows", bridge)).output().lines()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("OFPST_FLOW"))
        .map(l -> canonical(l.replace(" actions=", ",actions=")))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * One flow as text that does not depend on field order or case: {@code ovs-ofctl} prints the
   * fields in its own order, upper-cases {@code NORMAL} and leaves out defaults.
   */
  static String canonical(String flow) {
    int actions = flow.indexOf("actions=");
    String match = flow.substring(0, actions);
    String priority = "32768";
    Set<String> fields = new TreeSet<>();
    for (String field : match.split(",")) {
      field = field.strip();
      if (field.isEmpty() || field.startsWith("cookie=0x0") || field.equals("table=0")) {
        continue;
      }
      if (field.startsWith("priority=")) {
        priority = field.substring("priority=".length());
      } else {
        fields.add(field);
      }
    }
    return priority + " " + fields + " " + flow.substring(actions).toLowerCase();
  }

  /** The parts of the switch the script manages, uuids included (a re-created row shows). */
  private String dump() {
    return sw.get("--columns=_uuid,name,ports,fail_mode,protocols,datapath_type,external_ids",
        "list", "Bridge")
        + sw.get("--columns=_uuid,name,interfaces,tag,trunks,vlan_mode,bond_mode,lacp", "list",
        "Port")
        + sw.get("--columns=_uuid,name,type,options,ofport,ofport_request,mac,external_ids",
        "list", "Interface")
        + String.join("\n", sw.get("list-br").lines()
        .map(b -> check(sw.ofctl("--no-stats", "--no-names", "dump-flows", b)).output())
        .toList());
  }
}
