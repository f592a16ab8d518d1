package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.Plans;

/**
 * The topology as a Mermaid flowchart, the seed's own form, which Markdown viewers draw. Node ids
 * are generated ({@code sp1}, {@code h1l2n3}) so no name can collide with a Mermaid keyword;
 * every label goes through {@link Escape#mermaid}.
 */
final class Mermaid {
  private Mermaid() {}

  static String of(Topology t) {
    Palette palette = new Palette(t.zones());
    StringBuilder out = new StringBuilder();
    out.append("%% Topology of network '").append(t.network().name().replace("\n", " "))
        .append("' (").append(t.network().supernet()).append("), drawn by cimnet\n");
    out.append("flowchart TB\n");
    t.internet().ifPresent(i -> out.append("  inet((").append(Escape.mermaid("internet",
        "public " + i.publicAddress(), "upstream " + i.gateway())).append("))\n"));
    List<Spine> spines = t.spines();
    for (int s = 0; s < spines.size(); s++) {
      out.append("  sp").append(s + 1).append('[').append(Escape.mermaid(spines.get(s).name(),
          "spine, " + Text.count(spines.get(s).ports(), "port", "ports"))).append("]\n");
    }
    for (Link.Interconnect i : t.interconnects()) {
      out.append("  ").append(spineId(t, i.spine())).append(" ---|")
          .append(Escape.mermaid("port " + i.port() + " to port " + i.otherPort()))
          .append("| ").append(spineId(t, i.otherSpine())).append('\n');
    }
    List<String> styled = new ArrayList<>();
    for (int h = 0; h < t.hosts().size(); h++) {
      Topology.HostView host = t.hosts().get(h);
      String id = "h" + (h + 1);
      String uplink = t.detailed() ? id + "u" : id;
      if (t.detailed()) {
        detailedHost(out, t, host, id, palette, styled);
      } else {
        out.append("  ").append(id).append('[').append(Escape.mermaid(Labels.host(host)
            .toArray(String[]::new))).append("]\n");
      }
      for (int s = 0; s < spines.size(); s++) {
        List<String> cables = cables(host, spines.get(s).name());
        if (!cables.isEmpty()) {
          out.append("  sp").append(s + 1).append(" ---|").append(Escape.mermaid(
              cables.toArray(String[]::new))).append("| ").append(uplink).append('\n');
        }
      }
    }
    t.internet().ifPresent(i -> {
      String target = internetTarget(t, i);
      if (target != null) {
        out.append("  inet ---|").append(Escape.mermaid("NAT " + i.publicAddress(),
            "via " + i.via())).append("| ").append(target).append('\n');
      }
    });
    for (int u = 0; u < t.uncarried().size(); u++) {
      Subnet s = t.uncarried().get(u);
      out.append("  u").append(u + 1).append('[').append(Escape.mermaid(s.name(),
          s.cidr().toString(), "VLAN " + s.vlan().orElseThrow() + " · " + s.zone(),
          s.reserved() ? "reserved, not carried" : "carried by no leaf")).append("]\n");
      styled.add("u" + (u + 1) + "=" + s.zone());
    }
    for (Map.Entry<String, Palette.Colour> e : palette.all()) {
      out.append("  classDef ").append(e.getValue().id()).append(" fill:")
          .append(e.getValue().fill()).append(",stroke:").append(e.getValue().stroke())
          .append('\n');
    }
    for (String s : styled) {
      int eq = s.indexOf('=');
      out.append("  class ").append(s, 0, eq).append(' ')
          .append(palette.of(s.substring(eq + 1)).id()).append('\n');
    }
    return out.toString();
  }

  private static void detailedHost(StringBuilder out, Topology t, Topology.HostView host,
      String id, Palette palette, List<String> styled) {
    out.append("  subgraph ").append(id).append('[').append(Escape.mermaid(Labels.hostTitle(host)))
        .append("]\n");
    out.append("    ").append(id).append("u[").append(Escape.mermaid("uplink: " + Plans.BOND
        + " " + Plans.BOND_MODE, "VLANs " + Text.vlans(host.uplinkVlans()))).append("]\n");
    for (int l = 0; l < host.leaves().size(); l++) {
      Topology.LeafView leaf = host.leaves().get(l);
      String lid = id + "l" + (l + 1);
      out.append("    ").append(lid).append('[').append(Escape.mermaid(leaf.name(),
          "VLANs " + Text.vlans(leaf.vlans()))).append("]\n");
      out.append("    ").append(id).append("u --- ").append(lid).append('\n');
      for (int n = 0; n < leaf.subnets().size(); n++) {
        Topology.SubnetView s = leaf.subnets().get(n);
        String nid = lid + "n" + (n + 1);
        out.append("    ").append(nid).append('[').append(Escape.mermaid(
            Labels.subnet(s).toArray(String[]::new))).append("]\n");
        out.append("    ").append(lid).append(" --- ").append(nid).append('\n');
        styled.add(nid + "=" + s.subnet().zone());
        if (!s.containers().isEmpty()) {
          out.append("    ").append(nid).append("c(").append(Escape.mermaid(
              Labels.containers(s.containers()).toArray(String[]::new))).append(")\n");
          out.append("    ").append(nid).append(" --- ").append(nid).append("c\n");
        }
      }
    }
    out.append("  end\n");
  }

  /** {@code eth0 to port 2}, one per NIC of {@code host} cabled to {@code spine}. */
  static List<String> cables(Topology.HostView host, String spine) {
    List<String> cables = new ArrayList<>();
    for (HostPlan.NicPlan nic : host.trunks()) {
      if (nic.spine().orElseThrow().equals(spine)) {
        cables.add(nic.name() + " to port " + nic.spinePort());
      }
    }
    return cables;
  }

  private static String spineId(Topology t, String spine) {
    for (int s = 0; s < t.spines().size(); s++) {
      if (t.spines().get(s).name().equals(spine)) {
        return "sp" + (s + 1);
      }
    }
    throw new IllegalStateException("no spine '" + spine + "'");
  }

  /** The node the internet edge ends at: the via subnet on the public host, else that host. */
  static String internetTarget(Topology t, Topology.InternetView i) {
    if (i.host().isEmpty()) {
      return null;
    }
    for (int h = 0; h < t.hosts().size(); h++) {
      Topology.HostView host = t.hosts().get(h);
      if (!host.name().equals(i.host().get())) {
        continue;
      }
      if (!t.detailed()) {
        return "h" + (h + 1);
      }
      for (int l = 0; l < host.leaves().size(); l++) {
        List<Topology.SubnetView> subnets = host.leaves().get(l).subnets();
        for (int n = 0; n < subnets.size(); n++) {
          if (subnets.get(n).subnet().name().equals(i.via())) {
            return "h" + (h + 1) + "l" + (l + 1) + "n" + (n + 1);
          }
        }
      }
      return "h" + (h + 1) + "u";
    }
    return null;
  }
}
