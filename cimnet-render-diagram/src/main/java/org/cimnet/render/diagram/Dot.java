package org.cimnet.render.diagram;

import java.util.List;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.Plans;

/**
 * The topology as Graphviz DOT, for {@code dot -Tsvg topology.dot -o topology.svg} and anything
 * else that reads DOT. Each detailed host is a cluster; node ids are generated, every label goes
 * through {@link Escape#dot}.
 */
final class Dot {
  private Dot() {}

  static String of(Topology t) {
    Palette palette = new Palette(t.zones());
    StringBuilder out = new StringBuilder();
    out.append("// Topology of network ").append(Escape.dot(t.network().name())).append(" (")
        .append(t.network().supernet()).append("), drawn by cimnet.\n");
    out.append("// dot -Tsvg topology.dot -o topology.svg\n");
    out.append("graph topology {\n");
    out.append("  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=11, nodesep=0.25,"
        + " ranksep=0.5, label=").append(Escape.dot("network " + t.network().name() + ", "
        + t.network().supernet() + ", " + t.network().domain())).append(", labelloc=t];\n");
    out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\","
        + " fontname=\"Helvetica\", fontsize=10];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#64748b\"];\n");
    t.internet().ifPresent(i -> out.append("  inet [shape=ellipse, fillcolor=\"#f8fafc\","
        + " label=").append(Escape.dot("internet", "public " + i.publicAddress(),
        "upstream " + i.gateway())).append("];\n"));
    List<Spine> spines = t.spines();
    StringBuilder rank = new StringBuilder("  { rank=same;");
    for (int s = 0; s < spines.size(); s++) {
      out.append("  sp").append(s + 1).append(" [fillcolor=\"#e2e8f0\", label=")
          .append(Escape.dot(spines.get(s).name(), "spine, "
              + Text.count(spines.get(s).ports(), "port", "ports"))).append("];\n");
      rank.append(" sp").append(s + 1).append(';');
    }
    if (!spines.isEmpty()) {
      out.append(rank).append(" }\n");
    }
    for (Link.Interconnect i : t.interconnects()) {
      out.append("  sp").append(index(t, i.spine())).append(" -- sp")
          .append(index(t, i.otherSpine())).append(" [penwidth=2, label=")
          .append(Escape.dot("port " + i.port() + " to port " + i.otherPort())).append("];\n");
    }
    for (int h = 0; h < t.hosts().size(); h++) {
      Topology.HostView host = t.hosts().get(h);
      String id = "h" + (h + 1);
      String uplink = t.detailed() ? id + "u" : id;
      if (t.detailed()) {
        cluster(out, host, id, palette);
      } else {
        out.append("  ").append(id).append(" [label=").append(Escape.dot(
            Labels.host(host).toArray(String[]::new))).append("];\n");
      }
      for (int s = 0; s < spines.size(); s++) {
        List<String> cables = Mermaid.cables(host, spines.get(s).name());
        if (!cables.isEmpty()) {
          out.append("  sp").append(s + 1).append(" -- ").append(uplink).append(" [label=")
              .append(Escape.dot(cables.toArray(String[]::new))).append("];\n");
        }
      }
    }
    t.internet().ifPresent(i -> {
      String target = Mermaid.internetTarget(t, i);
      if (target != null) {
        out.append("  inet -- ").append(target).append(" [style=dashed, label=")
            .append(Escape.dot("NAT " + i.publicAddress(), "via " + i.via())).append("];\n");
      }
    });
    for (int u = 0; u < t.uncarried().size(); u++) {
      Subnet s = t.uncarried().get(u);
      Palette.Colour c = palette.of(s.zone());
      out.append("  u").append(u + 1).append(" [style=\"rounded,filled,dashed\", fillcolor=\"")
          .append(c.fill()).append("\", color=\"").append(c.stroke()).append("\", label=")
          .append(Escape.dot(s.name(), s.cidr().toString(), "VLAN " + s.vlan().orElseThrow()
              + " · " + s.zone(), s.reserved() ? "reserved, not carried" : "carried by no leaf"))
          .append("];\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private static void cluster(StringBuilder out, Topology.HostView host, String id,
      Palette palette) {
    out.append("  subgraph cluster_").append(id).append(" {\n");
    out.append("    label=").append(Escape.dot(Labels.hostTitle(host)))
        .append("; style=rounded; color=\"#334155\";\n");
    out.append("    ").append(id).append("u [fillcolor=\"#f1f5f9\", label=").append(Escape.dot(
        "uplink: " + Plans.BOND + " " + Plans.BOND_MODE, "VLANs "
            + Text.vlans(host.uplinkVlans()))).append("];\n");
    for (int l = 0; l < host.leaves().size(); l++) {
      Topology.LeafView leaf = host.leaves().get(l);
      String lid = id + "l" + (l + 1);
      out.append("    ").append(lid).append(" [fillcolor=\"#f8fafc\", label=").append(Escape.dot(
          leaf.name(), "VLANs " + Text.vlans(leaf.vlans()))).append("];\n");
      out.append("    ").append(id).append("u -- ").append(lid).append(";\n");
      for (int n = 0; n < leaf.subnets().size(); n++) {
        Topology.SubnetView s = leaf.subnets().get(n);
        String nid = lid + "n" + (n + 1);
        Palette.Colour c = palette.of(s.subnet().zone());
        out.append("    ").append(nid).append(" [fillcolor=\"").append(c.fill())
            .append("\", color=\"").append(c.stroke()).append("\", label=").append(Escape.dot(
                Labels.subnet(s).toArray(String[]::new))).append("];\n");
        out.append("    ").append(lid).append(" -- ").append(nid).append(";\n");
        if (!s.containers().isEmpty()) {
          out.append("    ").append(nid).append("c [shape=note, style=filled,"
              + " fillcolor=\"#ffffff\", label=").append(Escape.dot(
                  Labels.containers(s.containers()).toArray(String[]::new))).append("];\n");
          out.append("    ").append(nid).append(" -- ").append(nid).append("c;\n");
        }
      }
    }
    out.append("  }\n");
  }

  private static int index(Topology t, String spine) {
    for (int s = 0; s < t.spines().size(); s++) {
      if (t.spines().get(s).name().equals(spine)) {
        return s + 1;
      }
    }
    throw new IllegalStateException("no spine '" + spine + "'");
  }
}
