package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.Plans;

/**
 * The topology as SVG, laid out by cimnet itself so the picture is the same on every machine and
 * needs no Graphviz or script to view: rows of spines, hosts (as frames), their uplink, leaves,
 * subnets and containers, each subnet a column. A large network draws each host as one tile in a
 * grid. Coordinates are whole pixels; text widths are estimated from character counts.
 */
final class Svg {
  private static final int CHAR = 6;
  private static final int BOLD = 7;
  /** Room for text a little wider than its estimate (digits and capitals run wide). */
  private static final int SLACK = 8;
  private static final int LINE = 14;
  private static final int PAD = 7;
  private static final int GAP = 14;
  private static final int MARGIN = 16;
  private static final int TILES_PER_ROW = 8;

  private final StringBuilder body = new StringBuilder();
  private final StringBuilder edges = new StringBuilder();
  /** Edge labels, drawn last so no box hides them. */
  private final StringBuilder labels = new StringBuilder();
  private final Palette palette;

  private Svg(Topology t) {
    this.palette = new Palette(t.zones());
  }

  /** A box: where it is, for edges to meet it. */
  private record Box(int x, int y, int w, int h) {
    int cx() {
      return x + w / 2;
    }

    int bottom() {
      return y + h;
    }
  }

  static String of(Topology t) {
    Svg svg = new Svg(t);
    int[] size = t.detailed() ? svg.detailed(t) : svg.summary(t);
    int width = size[0];
    int height = svg.legend(t, size[1] + GAP, width) + MARGIN;
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width)
        .append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\""
            + " role=\"img\">\n");
    out.append("<title>").append(Escape.html("Topology of network " + t.network().name()))
        .append("</title>\n");
    out.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" fill=\"#ffffff\"/>\n");
    out.append(svg.edges).append(svg.body).append(svg.labels).append("</svg>\n");
    return out.toString();
  }

  // ---- detailed: every leaf, subnet and container group --------------------------------

  private int[] detailed(Topology t) {
    int x = MARGIN;
    int hostTop = 150;
    int uplinkY = hostTop + 30;
    int leafY = uplinkY + 70;
    int subnetY = leafY + 64;
    int containerY = subnetY + 76;
    List<Box> uplinks = new ArrayList<>();
    int bottom = containerY;
    for (Topology.HostView h : t.hosts()) {
      int hostX = x;
      int inner = x + GAP;
      List<Box> leaves = new ArrayList<>();
      int lowest = containerY;
      for (Topology.LeafView leaf : h.leaves()) {
        String[] leafLines = {leaf.name(), "VLANs " + Text.vlans(leaf.vlans())};
        int leafX = inner;
        List<Box> subnets = new ArrayList<>();
        for (Topology.SubnetView s : leaf.subnets()) {
          String[] subnetLines = Labels.subnet(s).toArray(String[]::new);
          String[] containerLines = s.containers().isEmpty() ? new String[0]
              : Labels.containers(s.containers()).toArray(String[]::new);
          int w = Math.max(120, Math.max(width(subnetLines), plainWidth(containerLines)));
          Palette.Colour c = palette.of(s.subnet().zone());
          Box sb = box(inner, subnetY, w, subnetLines, c.fill(), c.stroke(), false);
          subnets.add(sb);
          if (containerLines.length > 0) {
            Box cb = box(inner, containerY, w, containerLines, "#ffffff", "#94a3b8", false,
                false);
            line(sb.cx(), sb.bottom(), cb.cx(), cb.y(), false);
            lowest = Math.max(lowest, cb.bottom());
          }
          inner += w + GAP;
        }
        int leafW = Math.max(width(leafLines), inner - GAP - leafX);
        Box lb = box(leafX, leafY, leafW, leafLines, "#f8fafc", "#475569", false);
        inner = Math.max(inner, leafX + leafW + GAP);
        subnets.forEach(sb -> line(lb.cx(), lb.bottom(), sb.cx(), sb.y(), false));
        leaves.add(lb);
      }
      String[] uplinkLines = {"uplink " + Plans.BOND + " (" + Plans.BOND_MODE + ")",
          "VLANs " + Text.vlans(h.uplinkVlans())};
      String title = Labels.hostTitle(h);
      int hostW = Math.max(Math.max(inner - hostX, width(uplinkLines) + 2 * GAP),
          title.length() * CHAR + 2 * GAP);
      int uplinkW = width(uplinkLines);
      Box ub = box(hostX + (hostW - uplinkW) / 2, uplinkY, uplinkW, uplinkLines, "#f1f5f9",
          "#334155", false);
      leaves.forEach(lb -> line(ub.cx(), ub.bottom(), lb.cx(), lb.y(), false));
      uplinks.add(ub);
      frame(hostX, hostTop, hostW, lowest + GAP - hostTop, title);
      bottom = Math.max(bottom, lowest + GAP);
      x = hostX + hostW + 2 * GAP;
    }
    if (!t.uncarried().isEmpty()) {
      int ux = x;
      text(ux, subnetY - 8, "not carried by any leaf", true);
      for (Subnet s : t.uncarried()) {
        String[] lines = {s.name(), s.cidr().toString(), "VLAN " + s.vlan().orElseThrow()
            + " · " + s.zone(), s.reserved() ? "reserved" : "carried by no leaf"};
        Palette.Colour c = palette.of(s.zone());
        Box b = box(ux, subnetY, Math.max(110, width(lines)), lines, c.fill(), c.stroke(), true);
        ux += b.w() + GAP;
        bottom = Math.max(bottom, b.bottom() + GAP);
      }
      x = ux + GAP;
    }
    int width = Math.max(x - GAP + MARGIN, 640);
    spinesAndInternet(t, width, uplinks, 56);
    return new int[] {width, bottom};
  }

  // ---- summary: one tile per host ------------------------------------------------------

  private int[] summary(Topology t) {
    int tileW = 0;
    for (Topology.HostView h : t.hosts()) {
      tileW = Math.max(tileW, width(Labels.host(h).toArray(String[]::new)));
    }
    int perRow = Math.min(TILES_PER_ROW, Math.max(1, t.hosts().size()));
    int tileH = 4 * LINE + 2 * PAD;
    int groupTop = 150;
    int top = groupTop + 30;
    for (int i = 0; i < t.hosts().size(); i++) {
      Topology.HostView h = t.hosts().get(i);
      int col = i % perRow;
      int row = i / perRow;
      box(MARGIN + GAP + col * (tileW + GAP), top + row * (tileH + GAP), tileW,
          Labels.host(h).toArray(String[]::new), "#f8fafc", "#475569", false);
    }
    int rows = (t.hosts().size() + perRow - 1) / perRow;
    int groupW = perRow * (tileW + GAP) + GAP;
    int groupBottom = top + rows * (tileH + GAP);
    long containers = t.hosts().stream().mapToLong(Topology.HostView::containers).sum();
    long subnets = t.network().subnets().size();
    frame(MARGIN, groupTop, groupW, groupBottom - groupTop,
        Text.count(t.hosts().size(), "host", "hosts") + ", " + Text.count(subnets, "subnet",
            "subnets") + ", " + Text.count(containers, "container", "containers")
            + " (each host one tile; every subnet is in the address plan)");
    Box group = new Box(MARGIN, groupTop, groupW, groupBottom - groupTop);
    int width = Math.max(groupW + 2 * MARGIN, 640);
    spinesAndInternet(t, width, List.of(group), 56);
    return new int[] {width, groupBottom + GAP};
  }

  /** The spine row and the internet; edges from each spine to each host's uplink. */
  private void spinesAndInternet(Topology t, int width, List<Box> uplinks, int y) {
    List<Spine> spines = t.spines();
    List<Box> boxes = new ArrayList<>();
    int slot = width / (spines.size() + 1);
    for (int s = 0; s < spines.size(); s++) {
      String[] lines = {spines.get(s).name(), "spine, " + Text.count(spines.get(s).ports(),
          "port", "ports")};
      int w = width(lines);
      boxes.add(box(slot * (s + 1) - w / 2, y, w, lines, "#e2e8f0", "#0f172a", false));
    }
    for (Link.Interconnect i : t.interconnects()) {
      Box a = boxes.get(index(t, i.spine()));
      Box b = boxes.get(index(t, i.otherSpine()));
      Box left = a.x() < b.x() ? a : b;
      Box right = left == a ? b : a;
      int ly = left.y() + left.h() / 2;
      thick(left.x() + left.w(), ly, right.x(), ly);
      label((left.x() + left.w() + right.x()) / 2, ly - 5, "port " + i.port() + " to port "
          + i.otherPort(), "middle");
    }
    for (int s = 0; s < spines.size(); s++) {
      Box sb = boxes.get(s);
      for (int h = 0; h < uplinks.size(); h++) {
        Box ub = uplinks.get(h);
        String cables;
        if (t.detailed()) {
          cables = String.join(", ", Mermaid.cables(t.hosts().get(h), spines.get(s).name()));
        } else {
          String spine = spines.get(s).name();
          long n = t.hosts().stream().flatMap(x -> x.trunks().stream())
              .filter(nic -> nic.spine().orElseThrow().equals(spine)).count();
          cables = n == 0 ? "" : Text.count(n, "trunk", "trunks");
        }
        if (!cables.isEmpty()) {
          line(sb.cx(), sb.bottom(), ub.cx(), ub.y(), false);
          label((sb.cx() + ub.cx()) / 2, (sb.bottom() + ub.y()) / 2 + 4, cables, "middle");
        }
      }
    }
    t.internet().ifPresent(i -> {
      String[] lines = {"internet", "public " + i.publicAddress(), "upstream " + i.gateway()};
      int w = width(lines);
      Box ib = box(MARGIN, 8, w, lines, "#ffffff", "#0f172a", false);
      int target = i.host().map(hn -> {
        for (int h = 0; h < t.hosts().size(); h++) {
          if (t.hosts().get(h).name().equals(hn)) {
            return t.detailed() ? h : 0;
          }
        }
        return -1;
      }).orElse(-1);
      if (target >= 0) {
        Box ub = uplinks.get(target);
        // From the box's lower right corner; the label sits under the box, clear of the line.
        line(ib.x() + ib.w(), ib.bottom(), ub.x(), ub.y() + ub.h() / 2, true);
        label(ib.x(), ib.bottom() + 13, "NAT " + i.publicAddress(), "start");
        label(ib.x(), ib.bottom() + 25, "via " + i.via() + i.host().map(hn -> " on " + hn)
            .orElse(""), "start");
      }
    });
    if (t.internet().isEmpty()) {
      text(MARGIN, 24, "network " + t.network().name() + " (no internet declared)", true);
    }
  }

  /** The zone colours, one swatch each, below the picture; returns the bottom. */
  private int legend(Topology t, int y, int width) {
    int x = MARGIN;
    text(x, y + 10, "zones:", true);
    x += 50;
    for (Map.Entry<String, Palette.Colour> e : palette.all()) {
      body.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"14\""
          + " height=\"12\" rx=\"2\" fill=\"").append(e.getValue().fill()).append("\" stroke=\"")
          .append(e.getValue().stroke()).append("\"/>\n");
      text(x + 18, y + 10, e.getKey(), false);
      x += 18 + e.getKey().length() * CHAR + 16;
    }
    return y + 14;
  }

  // ---- primitives ----------------------------------------------------------------------

  /** A box's width for lines of which none is bold. */
  private static int plainWidth(String[] lines) {
    int max = 0;
    for (String l : lines) {
      max = Math.max(max, l.length() * CHAR);
    }
    return max + 2 * PAD + SLACK;
  }

  /** A box's width for its lines; the first line is bold, and bold letters are wider. */
  private static int width(String[] lines) {
    int max = 0;
    for (int i = 0; i < lines.length; i++) {
      max = Math.max(max, lines[i].length() * (i == 0 ? BOLD : CHAR));
    }
    return max + 2 * PAD + SLACK;
  }

  private Box box(int x, int y, int w, String[] lines, String fill, String stroke,
      boolean dashed) {
    return box(x, y, w, lines, fill, stroke, dashed, true);
  }

  /** A box with its lines centred, the first in bold when {@code titled}. */
  private Box box(int x, int y, int w, String[] lines, String fill, String stroke,
      boolean dashed, boolean titled) {
    int h = lines.length * LINE + 2 * PAD - 2;
    body.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"")
        .append(w).append("\" height=\"").append(h).append("\" rx=\"5\" fill=\"").append(fill)
        .append("\" stroke=\"").append(stroke).append('"')
        .append(dashed ? " stroke-dasharray=\"4 3\"" : "").append("/>\n");
    for (int i = 0; i < lines.length; i++) {
      body.append("<text x=\"").append(x + w / 2).append("\" y=\"")
          .append(y + PAD + 10 + i * LINE).append("\" text-anchor=\"middle\"")
          .append(i == 0 && titled ? " font-weight=\"bold\"" : "").append('>')
          .append(Escape.html(lines[i])).append("</text>\n");
    }
    return new Box(x, y, w, h);
  }

  private void frame(int x, int y, int w, int h, String title) {
    body.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"")
        .append(w).append("\" height=\"").append(h).append("\" rx=\"8\" fill=\"none\""
            + " stroke=\"#334155\" stroke-width=\"1.5\"/>\n");
    text(x + 10, y + 18, title, true);
  }

  private void text(int x, int y, String text, boolean bold) {
    body.append("<text x=\"").append(x).append("\" y=\"").append(y).append('"')
        .append(bold ? " font-weight=\"bold\"" : "").append('>').append(Escape.html(text))
        .append("</text>\n");
  }

  private void label(int x, int y, String text, String anchor) {
    labels.append("<text x=\"").append(x).append("\" y=\"").append(y)
        .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"10\""
            + " fill=\"#334155\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">")
        .append(Escape.html(text)).append("</text>\n");
  }

  private void line(int x1, int y1, int x2, int y2, boolean dashed) {
    edges.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"")
        .append(x2).append("\" y2=\"").append(y2).append("\" stroke=\"#64748b\"")
        .append(dashed ? " stroke-dasharray=\"5 4\"" : "").append("/>\n");
  }

  private void thick(int x1, int y1, int x2, int y2) {
    edges.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"")
        .append(x2).append("\" y2=\"").append(y2).append("\" stroke=\"#0f172a\""
            + " stroke-width=\"3\"/>\n");
  }

  private static int index(Topology t, String spine) {
    for (int s = 0; s < t.spines().size(); s++) {
      if (t.spines().get(s).name().equals(spine)) {
        return s;
      }
    }
    throw new IllegalStateException("no spine '" + spine + "'");
  }
}
