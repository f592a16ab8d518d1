package org.cimnet.render.ovs;

import static org.cimnet.render.ovs.OvsStrings.field;
import static org.cimnet.render.ovs.OvsStrings.value;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.Plans;
import org.cimnet.core.plan.PortPlan;

/**
 * The plan as {@code converge.awk} reads it: tab-separated lines, {@code H} for the host,
 * {@code B} per bridge, {@code P} per port. Each line carries the columns to compare in the form
 * {@code ovsdb-client --format=csv --data=bare dump} prints them, and the columns to write as
 * fragments of OVSDB JSON rows (RFC 7047), which the program assembles into transactions.
 */
final class SwitchTable {
  /** An empty OVSDB set: the JSON of a column without a value. */
  private static final String EMPTY = "[\"set\",[]]";

  private SwitchTable() {}

  static void write(HostPlan plan, String datapath, StringBuilder out) {
    out.append("H\t").append(field(plan.host())).append('\t').append(field(datapath))
        .append('\t').append(value(plan.host())).append('\t').append(value(datapath))
        .append('\n');
    for (BridgePlan bridge : plan.bridges()) {
      out.append("B\t").append(field(bridge.name())).append('\t').append(value(bridge.name()))
          .append('\n');
    }
    for (BridgePlan bridge : plan.bridges()) {
      for (PortPlan port : carried(bridge)) {
        port(bridge, port, out);
      }
    }
  }

  private static void port(BridgePlan bridge, PortPlan port, StringBuilder out) {
    boolean bond = port.kind() == PortPlan.Kind.BOND && port.members().size() > 1;
    char kind = switch (port.kind()) {
      case CONTAINER -> 'c';
      case INTERNAL -> 'i';
      case PATCH -> 'p';
      case BOND -> bond ? 'b' : 'n';
    };
    boolean access = port.kind() == PortPlan.Kind.CONTAINER
        || port.kind() == PortPlan.Kind.INTERNAL;
    String tag = access ? String.valueOf(tag(port)) : "";
    String mode = access ? "access" : "trunk";
    List<Integer> trunks = port.trunks().stream().sorted().toList();
    // Port columns: vlan_mode|tag|trunks|bond_mode|lacp|interface names, as dumped.
    List<String> want = new ArrayList<>(11);
    want.add(mode);
    want.add(tag);
    want.add(trunks.stream().map(String::valueOf).collect(Collectors.joining(" ")));
    want.add(bond ? Plans.BOND_MODE : "");
    want.add(bond ? "off" : "");
    want.add(bond ? port.members().stream().sorted().map(OvsStrings::field)
        .collect(Collectors.joining(" ")) : field(port.name()));
    String portRow = "\"vlan_mode\":\"" + mode + "\",\"tag\":" + (access ? tag : EMPTY)
        + ",\"trunks\":[\"set\",[" + trunks.stream().map(String::valueOf)
            .collect(Collectors.joining(",")) + "]]"
        + ",\"bond_mode\":" + (bond ? value(Plans.BOND_MODE) : EMPTY)
        + ",\"lacp\":" + (bond ? "\"off\"" : EMPTY);
    String ifaceRow = "";
    String attachedMac = "";
    String peer = "";
    List<String> members = new ArrayList<>();
    if (bond) {
      for (String member : port.members()) {
        members.add(value(member));
      }
    } else {
      String type = switch (port.kind()) {
        case INTERNAL -> "internal";
        case PATCH -> "patch";
        default -> "";
      };
      String mac = port.kind() == PortPlan.Kind.INTERNAL
          ? port.mac().map(Object::toString).orElse("") : "";
      if (port.kind() == PortPlan.Kind.CONTAINER) {
        attachedMac = port.mac().map(Object::toString).orElse("");
      }
      if (port.kind() == PortPlan.Kind.PATCH) {
        peer = port.peer().orElseThrow(() -> new IllegalStateException(
            "Patch port '" + port.name() + "' of bridge '" + bridge.name() + "' has no peer"));
      }
      // Interface columns: type|ofport_request|external_ids:attached-mac|mac|options:peer.
      want.add(type);
      want.add(String.valueOf(port.ofport()));
      want.add(field(attachedMac));
      want.add(mac);
      want.add(field(peer));
      ifaceRow = "\"type\":" + value(type) + ",\"ofport_request\":" + port.ofport()
          + ",\"mac\":" + (mac.isEmpty() ? EMPTY : value(mac));
    }
    out.append("P\t").append(kind).append('\t').append(field(bridge.name())).append('\t')
        .append(field(port.name())).append('\t').append(bond ? "" : port.ofport()).append('\t')
        .append(String.join("|", want)).append('\t').append(value(port.name())).append('\t')
        .append(portRow).append('\t').append(ifaceRow).append('\t')
        .append(port.kind() == PortPlan.Kind.CONTAINER ? value(attachedMac) : "").append('\t')
        .append(peer.isEmpty() ? "" : value(peer));
    for (String m : members) {
      out.append('\t').append(m);
    }
    out.append('\n');
  }

  /** The ports the script adds: a trunk that carries no VLAN is left out. */
  static List<PortPlan> carried(BridgePlan bridge) {
    return bridge.ports().stream().filter(SwitchTable::isCarried).toList();
  }

  static boolean isCarried(PortPlan port) {
    boolean trunk = port.kind() == PortPlan.Kind.BOND || port.kind() == PortPlan.Kind.PATCH;
    return !(trunk && port.trunks().isEmpty());
  }

  private static int tag(PortPlan port) {
    return port.tag().orElseThrow(() -> new IllegalStateException(
        "Access port '" + port.name() + "' has no VLAN tag in the plan"));
  }
}
