package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.Plans;

/**
 * The cabling and port plan of every spine: each port, what is cabled to it, its mode and VLANs,
 * and the ports left free, as a person follows it at the switch's console. Vendor-neutral:
 * "trunk" means 802.1Q tagged for the listed VLANs.
 *
 * <p>Every cabled port is a trunk. A host port carries the VLANs of that NIC (from the host's
 * plan); the host bonds its trunk NICs as Open vSwitch {@code balance-slb}, which needs no link
 * aggregation on the switch, so each port is configured alone. An interconnect carries every
 * VLAN any host trunk carries, so hosts cabled to different spines reach each other.
 */
final class Cabling {
  /** One spine port. */
  record Port(String spine, int port, String cabledTo, String peer, String mac, String mode,
      List<Integer> vlans, String note) {
    boolean used() {
      return !cabledTo.isEmpty();
    }
  }

  /** One spine's ports, 1 to its port count. */
  record SpinePlan(Spine spine, List<Port> ports) {
    long used() {
      return ports.stream().filter(Port::used).count();
    }
  }

  private Cabling() {}

  static List<SpinePlan> of(Topology topology) {
    Map<String, Map<Integer, Port>> bySpine = new TreeMap<>();
    topology.spines().forEach(s -> bySpine.put(s.name(), new TreeMap<>()));
    TreeSet<Integer> every = new TreeSet<>();
    for (Topology.HostView h : topology.hosts()) {
      for (HostPlan.NicPlan nic : h.trunks()) {
        every.addAll(nic.vlans());
        String note = h.trunks().size() > 1
            ? "member of " + h.name() + " " + Plans.BOND + " (" + Plans.BOND_MODE
                + "): no link aggregation on the switch"
            : "the only uplink of " + h.name();
        bySpine.get(nic.spine().orElseThrow()).put(nic.spinePort(), new Port(
            nic.spine().get(), nic.spinePort(), h.name(), nic.name(),
            nic.mac().map(Object::toString).orElse(""), "trunk", nic.vlans(), note));
      }
    }
    List<Integer> interconnect = List.copyOf(every);
    for (Link.Interconnect i : topology.interconnects()) {
      bySpine.get(i.spine()).put(i.port(), new Port(i.spine(), i.port(),
          i.otherSpine(), "port " + i.otherPort(), "", "trunk", interconnect,
          "spine interconnect: every VLAN the host trunks carry"));
      bySpine.get(i.otherSpine()).put(i.otherPort(), new Port(i.otherSpine(), i.otherPort(),
          i.spine(), "port " + i.port(), "", "trunk", interconnect,
          "spine interconnect: every VLAN the host trunks carry"));
    }
    List<SpinePlan> plans = new ArrayList<>();
    for (Spine spine : topology.spines()) {
      Map<Integer, Port> cabled = bySpine.get(spine.name());
      List<Port> ports = new ArrayList<>(spine.ports());
      for (int p = 1; p <= spine.ports(); p++) {
        Port port = cabled.get(p);
        ports.add(port != null ? port
            : new Port(spine.name(), p, "", "", "", "unused", List.of(), "free: shut it down"));
      }
      plans.add(new SpinePlan(spine, ports));
    }
    return plans;
  }

  /** {@code vhost-dev eth0}, {@code spine2 port 1}, or {@code -}. */
  static String target(Port p) {
    return p.used() ? p.cabledTo() + " " + p.peer() : "-";
  }

  /** The tables, one per spine, each followed by the names of its VLANs. */
  static String text(List<SpinePlan> spines, Map<Integer, Subnet> byVlan) {
    StringBuilder out = new StringBuilder();
    for (SpinePlan s : spines) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(s.spine().name()).append(": ").append(Text.count(s.spine().ports(), "port",
          "ports")).append(", ").append(Text.count(s.used())).append(" cabled, ")
          .append(Text.count(s.spine().ports() - s.used())).append(" unused\n");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"PORT", "CABLED TO", "MAC", "MODE", "VLANS", "NOTE"});
      TreeSet<Integer> vlans = new TreeSet<>();
      for (Port p : s.ports()) {
        rows.add(new String[] {String.valueOf(p.port()), target(p),
            p.mac().isEmpty() ? "-" : p.mac(), p.mode(), Text.vlans(p.vlans()), p.note()});
        vlans.addAll(p.vlans());
      }
      out.append(Text.align(rows));
      if (!vlans.isEmpty()) {
        out.append("VLANs: ").append(vlanNames(vlans, byVlan)).append('\n');
      }
    }
    return out.toString();
  }

  /** {@code 101 lan, 102 comms}: at most 64 named, then a count, so a legend stays a legend. */
  static String vlanNames(java.util.Collection<Integer> vlans, Map<Integer, Subnet> byVlan) {
    List<String> names = new ArrayList<>();
    int shown = 0;
    for (int v : vlans) {
      if (shown++ == 64) {
        names.add("and " + Text.count(vlans.size() - 64) + " more (address-plan.txt)");
        break;
      }
      Subnet s = byVlan.get(v);
      names.add(v + " " + (s == null ? "?" : s.name()));
    }
    return String.join(", ", names);
  }

  static String csv(List<SpinePlan> spines, Map<Integer, Subnet> byVlan) {
    StringBuilder out = new StringBuilder(Escape.csvLine("spine", "port", "cabled_to", "peer",
        "mac", "mode", "vlans", "subnets", "note"));
    for (SpinePlan s : spines) {
      for (Port p : s.ports()) {
        List<String> subnets = new ArrayList<>();
        for (int v : p.vlans()) {
          Subnet n = byVlan.get(v);
          subnets.add(n == null ? "?" : n.name());
        }
        out.append(Escape.csvLine(p.spine(), String.valueOf(p.port()), p.cabledTo(), p.peer(),
            p.mac(), p.mode(), p.vlans().isEmpty() ? "" : Text.vlans(p.vlans()),
            String.join(" ", subnets), p.note()));
      }
    }
    return out.toString();
  }
}
