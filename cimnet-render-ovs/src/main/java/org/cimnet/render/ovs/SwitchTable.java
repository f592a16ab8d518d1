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
 * {@code ovs-vsctl --format=csv --data=bare} prints them, and the {@code ovs-vsctl} arguments
 * that set them (raw arguments, no shell quoting: the script hands them over as an array).
 */
final class SwitchTable {
  private SwitchTable() {}

  static void write(HostPlan plan, String datapath, StringBuilder out) {
    out.append("H\t").append(field(plan.host())).append('\t').append(field(datapath))
        .append('\n');
    for (BridgePlan bridge : plan.bridges()) {
      out.append("B\t").append(field(bridge.name()))
          .append("\tfail_mode=secure\tprotocols=").append(SetupScript.OPENFLOW)
          .append("\tdatapath_type=").append(value(datapath))
          .append("\texternal_ids:cimnet=").append(value(plan.host())).append('\n');
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
    List<String> want = new ArrayList<>(6);
    want.add(access ? "access" : "trunk");
    want.add(tag);
    want.add(port.trunks().stream().sorted().map(String::valueOf)
        .collect(Collectors.joining(" ")));
    List<String> set = new ArrayList<>(10);
    set.add("p:vlan_mode=" + (access ? "access" : "trunk"));
    set.add("p:tag=" + (access ? tag : "[]"));
    set.add("p:trunks=[" + port.trunks().stream().map(String::valueOf)
        .collect(Collectors.joining(",")) + "]");
    String members = "";
    set.add("n:name=" + value(port.name()));
    if (bond) {
      want.add(Plans.BOND_MODE);
      want.add("off");
      set.add("p:bond_mode=" + value(Plans.BOND_MODE));
      set.add("p:lacp=off");
      members = port.members().stream().sorted().map(OvsStrings::field)
          .collect(Collectors.joining(" "));
      for (String member : port.members()) {
        set.add("m:name=" + value(member));
      }
    } else {
      String type = switch (port.kind()) {
        case INTERNAL -> "internal";
        case PATCH -> "patch";
        default -> "";
      };
      want.add(type);
      want.add(String.valueOf(port.ofport()));
      set.add("i:type=" + value(type));
      set.add("i:ofport_request=" + port.ofport());
      switch (port.kind()) {
        case CONTAINER -> {
          String mac = port.mac().map(Object::toString).orElse("");
          want.add(mac);
          set.add("i:external_ids:attached-mac=" + value(mac));
        }
        case INTERNAL -> {
          String mac = port.mac().map(Object::toString).orElse("");
          want.add(mac);
          set.add("i:mac=" + (mac.isEmpty() ? "[]" : value(mac)));
        }
        case PATCH -> {
          String peer = port.peer().orElseThrow(() -> new IllegalStateException(
              "Patch port '" + port.name() + "' of bridge '" + bridge.name() + "' has no peer"));
          want.add(field(peer));
          set.add("i:options:peer=" + value(peer));
        }
        default -> { }
      }
    }
    out.append("P\t").append(kind).append('\t').append(field(bridge.name())).append('\t')
        .append(field(port.name())).append('\t').append(bond ? "" : port.ofport()).append('\t')
        .append(String.join("|", want)).append('\t').append(members);
    for (String s : set) {
      out.append('\t').append(s);
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
