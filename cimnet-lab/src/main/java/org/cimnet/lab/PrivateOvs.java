package org.cimnet.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A private Open vSwitch inside one namespace: its own database and {@code ovs-vswitchd} with
 * their sockets, pid files and logs in a folder of the lab's work folder, never the machine's
 * {@code /run/openvswitch}. Bridges must use the userspace {@code netdev} datapath (no kernel
 * module; internal ports become TAP devices in this namespace). {@link #env()} points
 * {@code ovs-vsctl} and {@code ovs-ofctl} at it.
 */
final class PrivateOvs {
  static final String SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";

  private final Fabric fabric;
  private final String ns;
  private final Path dir;

  private PrivateOvs(Fabric fabric, String ns, Path dir) {
    this.fabric = fabric;
    this.ns = ns;
    this.dir = dir;
  }

  /** Creates the database and starts both daemons in {@code ns}. */
  static PrivateOvs start(Fabric fabric, String ns, String name) {
    Path dir = fabric.work().resolve("ovs-" + name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PrivateOvs ovs = new PrivateOvs(fabric, ns, dir);
    Path schema = Path.of(System.getProperty("cimnet.lab.ovsSchema", SCHEMA));
    if (!Files.isRegularFile(schema)) {
      throw new LabException("The Open vSwitch schema is not at " + schema
          + " (set -Dcimnet.lab.ovsSchema=PATH)");
    }
    Sh.run(20, "ovsdb-tool", "create", dir.resolve("conf.db").toString(), schema.toString())
        .orThrow();
    fabric.daemon(dir.resolve("ovsdb-server.pid"));
    ovs.exec(30, List.of("ovsdb-server", dir.resolve("conf.db").toString(),
        "--remote=punix:" + dir.resolve("db.sock"),
        "--pidfile=" + dir.resolve("ovsdb-server.pid"),
        "--unixctl=" + dir.resolve("ovsdb-server.ctl"),
        "--log-file=" + dir.resolve("ovsdb-server.log"), "--detach", "--no-chdir")).orThrow();
    ovs.exec(30, List.of("ovs-vsctl", "--no-wait", "init")).orThrow();
    fabric.daemon(dir.resolve("ovs-vswitchd.pid"));
    ovs.exec(60, List.of("ovs-vswitchd", "unix:" + dir.resolve("db.sock"),
        "--pidfile=" + dir.resolve("ovs-vswitchd.pid"),
        "--unixctl=" + dir.resolve("ovs-vswitchd.ctl"),
        "--log-file=" + dir.resolve("ovs-vswitchd.log"), "--detach", "--no-chdir")).orThrow();
    return ovs;
  }

  /**
   * The environment the OVS tools read: {@code OVS_RUNDIR} holds {@code db.sock} and the bridges'
   * {@code .mgmt} sockets; the rest keep the tools, and what setup.sh remembers of the switch,
   * out of the machine's folders.
   */
  Map<String, String> env() {
    return Map.of("OVS_RUNDIR", dir.toString(), "OVS_DBDIR", dir.toString(),
        "OVS_LOGDIR", dir.toString(), "OVS_SYSCONFDIR", dir.toString(),
        "CIMNET_STATE", dir.resolve("memory").toString(),
        "OVS_VSCTL", "ovs-vsctl --timeout=60", "OVS_OFCTL", "ovs-ofctl");
  }

  Path dir() {
    return dir;
  }

  String namespace() {
    return ns;
  }

  Sh.Result exec(int seconds, List<String> command) {
    return fabric.exec(ns, seconds, command, env());
  }

  /** {@code ovs-vsctl ARGS} against this switch. */
  Sh.Result vsctl(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("ovs-vsctl", "--timeout=20"));
    command.addAll(List.of(args));
    return exec(30, command);
  }

  /** {@code ovs-ofctl ARGS} against this switch. */
  Sh.Result ofctl(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("ovs-ofctl"));
    command.addAll(List.of(args));
    return exec(30, command);
  }
}
