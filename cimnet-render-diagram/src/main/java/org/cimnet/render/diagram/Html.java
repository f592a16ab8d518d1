package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.policy.Path;
import org.cimnet.core.policy.Proof;

/**
 * {@code index.html}: one page tying the pictures and tables together. Everything it shows is
 * inside the file (styles and the topology SVG inline, no script, no font or style from the
 * network), so it opens from the file system anywhere and prints as it looks. Every text goes
 * through {@link Escape#html}.
 */
final class Html {
  /** Rules listed under the grid at most; a larger network's rules are in its own files. */
  static final int LISTED_RULES = 200;
  /** Rule references shown in one cell at most. */
  static final int CELL_RULES = 4;
  /** Characters of a cell's services shown at most (a zone cell of a large network is long). */
  static final int CELL_TEXT = 120;

  private final StringBuilder out = new StringBuilder(64 * 1024);

  private Html() {}

  /** The inputs of the page, each built once by the renderer. */
  record Page(Topology topology, String svg, List<Cabling.SpinePlan> cabling,
      List<AddressPlan.Row> addresses, Reachability.Grid grid, List<Proof> proofs,
      java.util.Map<Integer, Subnet> byVlan) {}

  static String of(Page page) {
    Html html = new Html();
    html.page(page);
    return html.out.toString();
  }

  private void page(Page p) {
    Network n = p.topology().network();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(e("Network " + n.name() + ": topology, cabling, addresses,"
            + " reachability")).append("</title>\n<style>\n").append(STYLE);
    for (var z : new Palette(p.topology().zones()).all()) {
      out.append(".zone.").append(z.getValue().id()).append(" { background: ")
          .append(z.getValue().fill()).append("; border-color: ").append(z.getValue().stroke())
          .append("; }\n");
    }
    out.append("</style>\n</head>\n<body>\n");
    out.append("<header>\n<h1>").append(e("Network " + n.name())).append("</h1>\n<p>")
        .append(e("supernet " + n.supernet() + " · domain " + n.domain() + " · "
            + Text.count(n.subnets().size(), "subnet", "subnets") + " · "
            + Text.count(n.spines().size(), "spine", "spines") + " · "
            + Text.count(n.hosts().size(), "host", "hosts") + " · "
            + Text.count(n.containers().size(), "container", "containers") + " · "
            + Text.count(n.rules().size(), "rule", "rules") + " · "
            + Text.count(n.assertions().size(), "assertion", "assertions")))
        .append("</p>\n<nav><a href=\"#topology\">Topology</a> <a href=\"#cabling\">Cabling</a>"
            + " <a href=\"#addresses\">Address plan</a> <a href=\"#reachability\">Reachability"
            + "</a> <a href=\"#assertions\">Assertions</a> <a href=\"#files\">Files</a></nav>\n"
            + "</header>\n");
    topology(p);
    cabling(p);
    addresses(p);
    reachability(p);
    assertions(p);
    files();
    out.append("</body>\n</html>\n");
  }

  private void topology(Page p) {
    out.append("<section id=\"topology\">\n<h2>Topology</h2>\n");
    if (!p.topology().detailed()) {
      out.append("<p>").append(e(Text.count(p.topology().hosts().size(), "host", "hosts")
          + " carry too many leaves and subnets to draw one by one: each host is one tile with"
          + " its counts; the address plan lists every subnet.")).append("</p>\n");
    }
    out.append("<div class=\"picture\">\n").append(p.svg()).append("</div>\n</section>\n");
  }

  private void cabling(Page p) {
    out.append("<section id=\"cabling\">\n<h2>Cabling and spine ports</h2>\n<p>Every port of"
        + " every spine, as cabled. <em>trunk</em> is 802.1Q tagged for the VLANs listed; host"
        + " NICs are bonded by Open vSwitch (balance-slb), which needs no link aggregation on the"
        + " switch. Also as <a href=\"cabling.txt\">text</a> and <a href=\"cabling.csv\">CSV</a>."
        + "</p>\n");
    for (Cabling.SpinePlan s : p.cabling()) {
      out.append("<h3>").append(e(s.spine().name() + ": " + Text.count(s.spine().ports(),
          "port", "ports") + ", " + Text.count(s.used()) + " cabled, "
          + Text.count(s.spine().ports() - s.used()) + " unused")).append("</h3>\n");
      out.append("<table class=\"ports\">\n<thead><tr><th>port</th><th>cabled to</th><th>MAC</th>"
          + "<th>mode</th><th>VLANs</th><th>note</th></tr></thead>\n<tbody>\n");
      TreeSet<Integer> vlans = new TreeSet<>();
      for (Cabling.Port port : s.ports()) {
        vlans.addAll(port.vlans());
        out.append("<tr").append(port.used() ? "" : " class=\"unused\"").append("><td>")
            .append(port.port()).append("</td><td>").append(e(Cabling.target(port)))
            .append("</td><td>").append(e(port.mac().isEmpty() ? "-" : port.mac()))
            .append("</td><td>").append(e(port.mode())).append("</td><td>")
            .append(e(Text.vlans(port.vlans()))).append("</td><td>").append(e(port.note()))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
      if (!vlans.isEmpty()) {
        out.append("<p class=\"small\">").append(e("VLANs: " + Cabling.vlanNames(vlans,
            p.byVlan()))).append("</p>\n");
      }
    }
    out.append("</section>\n");
  }

  private void addresses(Page p) {
    out.append("<section id=\"addresses\">\n<h2>Address plan</h2>\n<p>Every subnet, reserved"
        + " ones included. <em>use</em> is addresses assigned (hosts and containers) of those"
        + " assignable (the block less network, gateway, nameserver and broadcast). Also as"
        + " <a href=\"address-plan.txt\">text</a> and <a href=\"address-plan.csv\">CSV</a>."
        + "</p>\n<table class=\"addresses\">\n<thead><tr><th>subnet</th><th>CIDR</th>"
        + "<th>VLAN</th><th>zone</th><th>gateway</th><th>nameserver</th><th>hosts</th>"
        + "<th>use</th><th>note</th></tr></thead>\n<tbody>\n");
    Palette palette = new Palette(p.topology().zones());
    for (AddressPlan.Row r : p.addresses()) {
      out.append("<tr").append(r.subnet().reserved() ? " class=\"reserved\"" : "")
          .append("><td>").append(e(r.subnet().name())).append("</td><td>")
          .append(e(r.subnet().cidr().toString())).append("</td><td>").append(r.vlan())
          .append("</td><td><span class=\"zone ").append(palette.of(r.subnet().zone()).id())
          .append("\">").append(e(r.subnet().zone())).append("</span></td><td>")
          .append(e(AddressPlan.orDash(r.gateways()))).append("</td><td>")
          .append(e(AddressPlan.orDash(r.nameservers()))).append("</td><td>")
          .append(e(AddressPlan.orDash(r.hosts()))).append("</td><td>").append(e(r.use()))
          .append("</td><td>").append(e(r.note())).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private void reachability(Page p) {
    Reachability.Grid g = p.grid();
    List<Rule> rules = p.topology().network().rules();
    out.append("<section id=\"reachability\">\n<h2>Reachability</h2>\n<p>The prover's matrix:"
        + " each row may open connections to each column (replies flow back). ");
    if (g.byZone()) {
      out.append(e("With " + Text.count(p.topology().network().subnets().size(), "subnet",
          "subnets") + " the grid is zone by zone: each cell counts the pairs of subnets (a"
          + " subnet and itself left out) that may open connections, directly or only through"
          + " relays, and names the rules declared between the two zones; the checker's report"
          + " (report.txt) lists every subnet's row."));
    }
    out.append("</p>\n<p class=\"key\"><span class=\"cell allowed\">allowed</span>"
        + " <span class=\"cell via\">allowed via relay</span> <span class=\"cell denied\">denied"
        + "</span> R<i>n</i>: the rule that allows it, listed below.</p>\n");
    out.append("<table class=\"matrix\">\n<thead><tr><th class=\"corner\">from \\ to</th>");
    for (String node : g.nodes()) {
      out.append("<th>").append(e(node)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    TreeSet<Integer> used = new TreeSet<>();
    // One row per source (hosts are only destinations: a column each, by their services).
    for (int x = 0; x < g.rows().size(); x++) {
      out.append("<tr><th>").append(e(g.nodes().get(x))).append("</th>");
      for (Reachability.Cell c : g.rows().get(x)) {
        out.append("<td class=\"").append(c.kind().name().toLowerCase(java.util.Locale.ROOT))
            .append("\">").append(e(Text.shorten(c.services(), CELL_TEXT)));
        List<String> why = new ArrayList<>();
        for (int i = 0; i < c.rules().size() && i < CELL_RULES; i++) {
          why.add("R" + (c.rules().get(i) + 1));
        }
        if (c.rules().size() > CELL_RULES) {
          why.add("+" + Text.count(c.rules().size() - CELL_RULES));
        }
        c.rules().forEach(used::add);
        if (c.insideSubnet()) {
          why.add("inside subnet");
        }
        c.chain().ifPresent(chain -> why.add(chain));
        if (!why.isEmpty()) {
          out.append("<span class=\"why\">").append(e(String.join(" · ", why))).append("</span>");
        }
        out.append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    if (!used.isEmpty()) {
      out.append("<ol class=\"rules\">\n");
      int listed = 0;
      for (int r : used) {
        if (listed++ == LISTED_RULES) {
          out.append("</ol>\n<p>").append(e("and " + Text.count(used.size() - LISTED_RULES)
              + " more rules")).append("</p>\n");
          break;
        }
        out.append("<li value=\"").append(r + 1).append("\">R").append(r + 1).append(": <code>")
            .append(e(rules.get(r).toString())).append("</code></li>\n");
      }
      if (listed <= LISTED_RULES) {
        out.append("</ol>\n");
      }
    }
    out.append("</section>\n");
  }

  private void assertions(Page p) {
    Network n = p.topology().network();
    out.append("<section id=\"assertions\">\n<h2>Assertions</h2>\n");
    if (p.proofs().isEmpty()) {
      out.append("<p>The network declares no assertion.</p>\n");
    } else {
      out.append("<p>").append(e("Each proven over every packet (source, destination, protocol,"
          + " port), directly and through the " + Text.count(n.containers().stream()
              .filter(c -> c.attachments().size() > 1).count(), "relaying container",
              "relaying containers") + ".")).append("</p>\n<ul class=\"proofs\">\n");
    }
    for (Proof proof : p.proofs()) {
      String status = proof.status().key();
      out.append("<li class=\"").append(status).append("\"><span class=\"verdict\">")
          .append(status).append("</span> <code>").append(e(proof.assertion().toString()))
          .append("</code><br>");
      switch (proof.status()) {
        case HOLDS -> out.append(e("No connection can open from " + describe(n,
            proof.assertion().from()) + " to " + describe(n, proof.assertion().to())
            + ": no rule joins them, they share no subnet, and no chain of relays connects"
            + " them."));
        case VIOLATED -> {
          Path path = proof.counterexample().orElseThrow();
          out.append(e("Counterexample: " + path.first().packet() + ", allowed "
              + path.first().reason() + "; path: " + path.chainText()));
        }
        case SKIPPED -> out.append(e("Not proven: " + proof.note()));
        default -> throw new IllegalStateException(status);
      }
      out.append("</li>\n");
    }
    if (!p.proofs().isEmpty()) {
      out.append("</ul>\n");
    }
    out.append("</section>\n");
  }

  private void files() {
    out.append("<section id=\"files\">\n<h2>Files</h2>\n<ul>\n");
    for (String[] f : DiagramRenderer.FILES) {
      out.append("<li><a href=\"").append(e(f[0])).append("\">").append(e(f[0]))
          .append("</a>: ").append(e(f[1])).append("</li>\n");
    }
    out.append("</ul>\n</section>\n");
  }

  /** {@code lan (192.168.1.0/24)}, {@code zone private (lan, comms, ...)}, ... */
  static String describe(Network n, Endpoint endpoint) {
    if (endpoint instanceof Endpoint.OfSubnet s) {
      return "subnet " + s.name() + n.subnet(s.name()).map(x -> " (" + x.cidr() + ")")
          .orElse("");
    }
    if (endpoint instanceof Endpoint.OfZone z) {
      List<Subnet> members = n.zone(z.name());
      List<String> names = members.stream().limit(6).map(Subnet::name).toList();
      return "zone " + z.name() + " (" + String.join(", ", names)
          + (members.size() > 6 ? " and " + Text.count(members.size() - 6) + " more" : "")
          + ")";
    }
    if (endpoint instanceof Endpoint.OfContainer c) {
      return "container " + c.name();
    }
    return "the internet (every address outside the private spaces)";
  }

  private static String e(String text) {
    return Escape.html(text);
  }

  private static final String STYLE = """
      :root { --ink: #0f172a; --muted: #475569; --line: #cbd5e1; }
      * { box-sizing: border-box; }
      body { margin: 0 auto; max-width: 1400px; padding: 16px 24px; color: var(--ink);
        font: 14px/1.4 Helvetica, Arial, sans-serif; }
      header { border-bottom: 2px solid var(--ink); margin-bottom: 8px; }
      h1 { margin: 0 0 4px; font-size: 24px; }
      h2 { margin: 24px 0 8px; font-size: 19px; border-bottom: 1px solid var(--line); }
      h3 { margin: 14px 0 6px; font-size: 15px; }
      nav a { margin-right: 14px; color: #1d4ed8; }
      p { margin: 6px 0; }
      .small { font-size: 12px; color: var(--muted); }
      .picture { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
      .picture svg { display: block; max-width: 100%; height: auto; }
      table { border-collapse: collapse; font-size: 12.5px; margin: 4px 0 8px; }
      th, td { border: 1px solid var(--line); padding: 3px 7px; text-align: left;
        vertical-align: top; }
      thead th { background: #f1f5f9; }
      tr.unused td { color: #94a3b8; }
      tr.reserved td { font-style: italic; }
      .zone { display: inline-block; padding: 0 6px; border: 1px solid; border-radius: 8px; }
      table.matrix td { min-width: 78px; text-align: center; font-size: 12px; }
      table.matrix tbody th { background: #f1f5f9; }
      table.matrix .corner { font-weight: normal; color: var(--muted); }
      td.allowed, .cell.allowed { background: #bbf7d0; }
      td.via, .cell.via { background: #fde68a; }
      td.denied, .cell.denied { background: #f1f5f9; color: #94a3b8; }
      .cell { display: inline-block; padding: 1px 8px; border: 1px solid var(--line); }
      .why { display: block; font-size: 10.5px; color: var(--muted); }
      ol.rules { font-size: 12.5px; padding-left: 24px; }
      ol.rules li { list-style: none; }
      ul.proofs { padding-left: 0; list-style: none; }
      ul.proofs li { margin: 6px 0; padding: 6px 10px; border-left: 5px solid; }
      ul.proofs li.holds { border-color: #16a34a; background: #f0fdf4; }
      ul.proofs li.violated { border-color: #dc2626; background: #fef2f2; }
      ul.proofs li.skipped { border-color: #ca8a04; background: #fefce8; }
      .verdict { font-weight: bold; text-transform: uppercase; font-size: 12px; }
      code { font-size: 12.5px; }
      @page { size: A4 landscape; margin: 10mm; }
      @media print {
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { max-width: none; padding: 0; font-size: 11px; }
        nav, #files { display: none; }
        .picture { overflow: visible; border: none; }
        h2 { break-after: avoid; }
        tr, li { break-inside: avoid; }
        section { break-before: page; }
        section#topology { break-before: auto; }
      }
      """;
}
