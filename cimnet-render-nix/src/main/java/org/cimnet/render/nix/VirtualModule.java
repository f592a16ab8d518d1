package org.cimnet.render.nix;

import static org.cimnet.core.format.nix.NixStrings.attr;
import static org.cimnet.core.format.nix.NixStrings.indentedLine;
import static org.cimnet.core.format.nix.NixStrings.string;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.Flow;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.PortPlan;

/**
 * {@code virtual_network.nix}: every bridge of the plan as {@code networking.vswitches}, and
 * the containers' ports; nixos-containers declared in full.
 */
final class VirtualModule {
  /** The OpenFlow version the flows are written for. */
  static final String OPENFLOW = "OpenFlow13";
  private static final String OVS_VSCTL =
      "${config.virtualisation.vswitch.package}/bin/ovs-vsctl ";

  private VirtualModule() {}

  static String render(HostPlan plan, String stateVersion) {
    int nics = 0;
    for (ContainerPlan c : plan.containers()) {
      nics += c.nics().size();
    }
    // About a kilobyte per container NIC (its port, flows, container block): one allocation.
    NixWriter w = new NixWriter(8192 + 1200 * nics);
    w.comment("cimnet: the virtual network of host " + plan.host()
        + " (generated; do not edit).");
    w.comment("");
    w.comment("The uplink design: every trunk NIC joins one Open vSwitch bond on the bridge");
    w.comment("'uplink', trunking exactly the VLANs the trunks carry; each leaf is a bridge of");
    w.comment("its own, joined to 'uplink' by a patch-port pair trunking only that leaf's VLANs.");
    w.comment("The bond is balance-slb: it uses every link, needs nothing from the spines, never");
    w.comment("forwards a frame from one member out of another (no loop through the host), and");
    w.comment("moves a failed link's traffic to the others. Every port is either an access port");
    w.comment("with its VLAN tag or a trunk with an explicit VLAN list: none carries every VLAN");
    w.comment("(a bridge's own port, named like the bridge, gets no address and stays down).");
    w.comment("");
    w.comment("networking.vswitches can only express access ports ('vlan'); trunks, the bond,");
    w.comment("patch peers, MACs, OpenFlow port numbers (which the flows name) and the secure");
    w.comment("fail mode go through extraOvsctlCmds: each line is appended as '-- <line>' to");
    w.comment("the one ovs-vsctl call that builds the bridge, pasted unquoted into bash (so");
    w.comment("no brackets, and quoted values as \\\"...\\\"). In secure mode a bridge forwards");
    w.comment("only what its flows allow, so every bridge ends with the normal-switching flow.");
    w.comment("NixOS re-creates a bridge each time its <bridge>-netdev unit starts.");
    w.line("{ config, lib, pkgs, ... }:");
    w.open("{");
    boolean first = true;
    for (BridgePlan b : plan.bridges()) {
      if (!first) {
        w.line("");
      }
      first = false;
      bridge(w, b);
    }
    uplinkOrder(w, plan);
    containers(w, plan, stateVersion);
    w.close("}");
    return w.toString();
  }

  private static void bridge(NixWriter w, BridgePlan b) {
    w.comment(b.isUplink() ? "The uplink bridge: the bond to the spines, a patch to every leaf."
        : "Leaf " + b.leaf() + ": VLANs " + vlans(b.vlans()) + ".");
    String sw = attr(b.name());
    w.open("networking.vswitches." + sw + " = {");
    List<PortPlan> declared = b.ports().stream().filter(p -> p.kind() == PortPlan.Kind.INTERNAL
        || (p.kind() == PortPlan.Kind.BOND && p.members().size() == 1)).toList();
    if (declared.isEmpty()) {
      w.comment("Every port needs more than an access tag: all are in extraOvsctlCmds.");
      w.line("interfaces = { };");
    } else {
      w.open("interfaces = {");
      for (PortPlan p : declared) {
        String key = attr(p.name());
        if (p.kind() == PortPlan.Kind.INTERNAL) {
          w.line(key + " = { name = " + string(p.name()) + "; type = \"internal\"; vlan = "
              + p.tag().getAsInt() + "; };");
        } else {
          w.comment("The one trunk NIC; its VLAN list is set below.");
          w.line(key + " = { name = " + string(p.name()) + "; };");
        }
      }
      w.close("};");
    }
    w.line("supportedOpenFlowVersions = [ " + string(OPENFLOW) + " ];");
    w.line("openFlowVersion = " + string(OPENFLOW) + ";");
    w.indented("extraOvsctlCmds =", ovsctl(b));
    List<String> flows = new ArrayList<>();
    for (Flow f : b.flows()) {
      flows.add("# " + f.comment());
      flows.add(f.text());
    }
    w.indented("openFlowRules =", flows);
    w.close("};");
  }

  /** The extraOvsctlCmds lines of one bridge, as bash must see them. */
  private static List<String> ovsctl(BridgePlan b) {
    String sw = Bash.word(b.name());
    List<String> lines = new ArrayList<>();
    for (PortPlan p : b.ports()) {
      String port = Bash.word(p.name());
      switch (p.kind()) {
        case BOND -> {
          String trunk = "vlan_mode=trunk trunks=" + trunks(p);
          if (p.members().size() == 1) {
            lines.add("set Port " + port + " " + trunk);
            lines.add("set Interface " + port + " ofport_request=" + p.ofport());
          } else {
            lines.add("add-bond " + sw + " " + port + " " + p.members().stream().map(Bash::word)
                .collect(Collectors.joining(" ")) + " bond_mode=balance-slb lacp=off " + trunk);
          }
        }
        case PATCH -> lines.add("add-port " + sw + " " + port + " vlan_mode=trunk trunks="
            + trunks(p) + " -- set Interface " + port + " type=patch options:peer="
            + Bash.ovsString(p.peer().orElseThrow()) + " ofport_request=" + p.ofport());
        case INTERNAL -> {
          lines.add("set Port " + port + " vlan_mode=access");
          lines.add("set Interface " + port + " ofport_request=" + p.ofport() + " mac="
              + Bash.ovsString(p.mac().orElseThrow().toString()));
        }
        case CONTAINER -> lines.add("add-port " + sw + " " + port + " "
            + containerPort(p.name(), p.tag().getAsInt(), p.ofport(), p.mac().orElseThrow()));
      }
    }
    lines.add("set-fail-mode " + sw + " secure");
    return lines;
  }

  /** The Port and Interface columns of a container's port, after its name. */
  private static String containerPort(String name, int tag, int ofport, MacAddress mac) {
    return "tag=" + tag + " vlan_mode=access -- set Interface " + Bash.word(name)
        + " ofport_request=" + ofport + " external_ids:attached-mac="
        + Bash.ovsString(mac.toString());
  }

  private static String trunks(PortPlan p) {
    if (p.trunks().isEmpty()) {
      throw new IllegalStateException("Port '" + p.name() + "' is a trunk without VLANs: an"
          + " empty trunk list would carry every VLAN");
    }
    return p.trunks().stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static String vlans(List<Integer> vlans) {
    return vlans.isEmpty() ? "none" : vlans.stream().map(String::valueOf)
        .collect(Collectors.joining(", "));
  }

  /** The bond's members are not in 'interfaces', so NixOS does not wait for them by itself. */
  private static void uplinkOrder(NixWriter w, HostPlan plan) {
    Optional<PortPlan> bond = plan.bridges().stream().filter(BridgePlan::isUplink)
        .flatMap(b -> b.ports().stream()).filter(p -> p.kind() == PortPlan.Kind.BOND
            && p.members().size() > 1).findFirst();
    if (bond.isEmpty()) {
      return;
    }
    String units = bond.get().members().stream().map(m -> string(SystemdNames.device(m)))
        .collect(Collectors.joining(" "));
    w.line("");
    w.comment("Build the uplink bridge once its NICs exist (they are bond members, which");
    w.comment("networking.vswitches cannot declare).");
    w.open("systemd.services." + attr(plan.bridges().get(0).name() + "-netdev") + " = {");
    w.line("wants = [ " + units + " ];");
    w.line("after = [ " + units + " ];");
    w.close("};");
  }

  private static void containers(NixWriter w, HostPlan plan, String stateVersion) {
    List<ContainerPlan> others = plan.containers().stream()
        .filter(c -> c.kind() != ContainerKind.NIXOS_CONTAINER && !c.nics().isEmpty()).toList();
    if (!others.isEmpty()) {
      w.line("");
      w.comment("Containers of other kinds plug into their port, which exists from boot (see");
      w.comment("extraOvsctlCmds of their leaf, with its tag, OpenFlow port number and the");
      w.comment("container's MAC): the runtime creates a device named like the port and gives");
      w.comment("the container's end the MAC; Open vSwitch attaches the device when it appears.");
      w.comment("  vm: a tap named like the port, e.g. qemu -netdev");
      w.comment("      tap,id=n0,ifname=<port>,script=no,downscript=no -device");
      w.comment("      virtio-net-pci,netdev=n0,mac=<mac>");
      w.comment("  lxc: lxc.net.0.type = veth, lxc.net.0.veth.pair = <port>, lxc.net.0.hwaddr =");
      w.comment("      <mac>, and no lxc.net.0.link (LXC would re-add the port without its tag)");
      w.comment("  docker: --network none, then a veth pair whose host end is <port> and whose");
      w.comment("      other end moves into the container's namespace with the MAC and address");
      w.comment("  kubernetes: a CNI plugin that names the host end of the pod's veth <port>");
      w.comment("      and sets the MAC and address inside the pod");
      w.comment("The port security flows drop anything from the port that is not the");
      w.comment("container's MAC with its address.");
      for (ContainerPlan c : others) {
        for (ContainerPlan.Nic n : c.nics()) {
          w.comment(c.name() + " (" + c.kind().key() + "): port " + n.port() + " on "
              + n.bridge() + ", VLAN " + n.vlan() + ", MAC " + n.mac() + ", " + n.address()
              + "/" + n.prefixLength() + n.gateway().map(g -> ", gateway " + g).orElse("")
              + n.nameserver().map(s -> ", nameserver " + s).orElse("") + ".");
        }
        for (ContainerPlan.SourceRoute r : c.sourceRoutes()) {
          w.comment(c.name() + ": replies from " + r.nic().address() + " leave by "
              + r.nic().port() + ": ip rule from " + r.nic().address() + " lookup " + r.table()
              + "; table " + r.table() + ": " + r.subnet() + " on the link, default via "
              + r.nic().gateway().orElseThrow() + ".");
        }
      }
    }
    for (ContainerPlan c : plan.containers()) {
      if (c.kind() == ContainerKind.NIXOS_CONTAINER && !c.nics().isEmpty()) {
        w.line("");
        nixosContainer(w, c, stateVersion);
      }
    }
  }

  private static void nixosContainer(NixWriter w, ContainerPlan c, String stateVersion) {
    w.comment("nixos-container " + c.name() + ": one extra veth per subnet, named like its");
    w.comment("switch port at both ends. hostBridge is not used: it only works with Linux");
    w.comment("bridges (nspawn enslaves by netlink), so the host end joins Open vSwitch here.");
    w.open("containers." + attr(c.name()) + " = {");
    w.line("autoStart = true;");
    w.line("privateNetwork = true;");
    for (ContainerPlan.Nic n : c.nics()) {
      w.line("extraVeths." + attr(n.port()) + " = { };");
    }
    w.open("config = { config, lib, pkgs, ... }: {");
    w.comment("The container resolves through its subnet's nameserver, not the host's.");
    w.line("networking.useHostResolvConf = false;");
    w.comment("Its own network namespace does not inherit the host's IPv6 switch: off here too,");
    w.comment("so its interfaces get no link-local or SLAAC address that nothing plans.");
    w.line("networking.enableIPv6 = false;");
    for (ContainerPlan.Nic n : c.nics()) {
      w.line("networking.interfaces." + attr(n.port()) + ".ipv4.addresses = [ { address = "
          + string(n.address().toString()) + "; prefixLength = " + n.prefixLength() + "; } ];");
    }
    c.nics().stream().filter(n -> n.gateway().isPresent()).findFirst().ifPresent(n ->
        w.line("networking.defaultGateway = { address = "
            + string(n.gateway().get().toString()) + "; interface = " + string(n.port())
            + "; };"));
    List<ContainerPlan.SourceRoute> sourceRoutes = c.sourceRoutes();
    if (!sourceRoutes.isEmpty()) {
      w.comment("Replies leave by the subnet they belong to: a later attachment's address looks up");
      w.comment("its own table, whose default route goes through its own gateway (port security");
      w.comment("on the first attachment's port would drop them).");
      List<String> rules = new ArrayList<>();
      for (ContainerPlan.SourceRoute r : sourceRoutes) {
        String table = string(String.valueOf(r.table()));
        w.line("networking.interfaces." + attr(r.nic().port()) + ".ipv4.routes = [ { address = "
            + string(r.subnet().network().toString()) + "; prefixLength = "
            + r.subnet().length() + "; options = { table = " + table + "; }; } { address = "
            + string("0.0.0.0") + "; prefixLength = 0; via = "
            + string(r.nic().gateway().orElseThrow().toString()) + "; options = { table = "
            + table + "; }; } ];");
        String rule = "from " + r.nic().address() + " lookup " + r.table();
        rules.add(indentedLine("ip rule del " + rule + " 2>/dev/null || true"));
        rules.add(indentedLine("ip rule add " + rule));
      }
      w.indentedRaw("networking.localCommands =", rules);
    }
    Set<Ipv4Address> resolvers = new LinkedHashSet<>();
    c.nics().forEach(n -> n.nameserver().ifPresent(resolvers::add));
    if (!resolvers.isEmpty()) {
      w.line("networking.nameservers = [ " + resolvers.stream().map(a -> string(a.toString()))
          .collect(Collectors.joining(" ")) + " ];");
    }
    for (ContainerPlan.Nic n : c.nics()) {
      macService(w, n);
    }
    w.line("system.stateVersion = " + string(stateVersion) + ";");
    w.close("};");
    w.close("};");
    w.comment("Attach the host ends with their tags once the container has started (again: the");
    w.comment("ports are declared on the leaf too, so they survive the bridge's re-creation).");
    List<String> hook = new ArrayList<>();
    for (ContainerPlan.Nic n : c.nics()) {
      hook.add(OVS_VSCTL + indentedLine("--may-exist add-port " + Bash.word(n.bridge()) + " "
          + Bash.word(n.port()) + " " + containerPort(n.port(), n.vlan(), n.ofport(),
              n.mac())));
    }
    w.indentedRaw("systemd.services." + attr("container@" + c.name()) + ".postStart"
        + " = lib.mkAfter", hook);
  }

  /**
   * Sets the MAC of a container interface inside the container: the veth is made by nspawn, and
   * a udev .link file (what networking.interfaces.<if>.macAddress becomes) never applies in a
   * container, where udev does not run.
   */
  private static void macService(NixWriter w, ContainerPlan.Nic n) {
    w.open("systemd.services." + attr("cimnet-mac-" + n.port()) + " = {");
    w.line("description = " + string("Planned MAC of " + n.port()) + ";");
    w.line("wantedBy = [ \"network.target\" ];");
    w.line("wants = [ \"network-pre.target\" ];");
    w.line("before = [ \"network-pre.target\" ];");
    w.line("serviceConfig = { Type = \"oneshot\"; RemainAfterExit = true; };");
    w.line("script = \"${pkgs.iproute2}/bin/ip \" + " + string("link set dev "
        + Bash.word(n.port()) + " address " + Bash.word(n.mac().toString())) + ";");
    w.close("};");
  }
}
