package org.cimnet.render.diagram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;

/**
 * Renderer {@code diagram}: pictures and tables a person reads, in {@code diagram/}. Everything
 * is formatted from the validated network's shared host plans, names, compiled policy and proofs;
 * nothing is planned or proved again. It reads no settings, runs no tool and writes the same
 * bytes on every machine.
 */
public final class DiagramRenderer implements Renderer {
  /** The folder every file goes into. */
  public static final String FOLDER = "diagram";

  /** Every file, in the order written, with what it holds. */
  static final String[][] FILES = {
      {"index.html", "this page: every picture and table, offline, printable"},
      {"topology.svg", "the topology as drawn on this page"},
      {"topology.mmd", "the topology as a Mermaid flowchart (for Markdown viewers)"},
      {"topology.dot", "the topology as Graphviz DOT (dot -Tsvg topology.dot -o out.svg)"},
      {"cabling.txt", "the cabling and port plan of every spine, as a table"},
      {"cabling.csv", "the same as CSV"},
      {"address-plan.txt", "every subnet with its CIDR, VLAN, zone, gateway, nameserver, hosts"
          + " and use"},
      {"address-plan.csv", "the same as CSV"}};

  @Override
  public String id() {
    return "diagram";
  }

  @Override
  public List<RenderedFile> render(ValidatedNetwork network, RenderContext context) {
    Topology topology = Topology.of(network);
    Map<Integer, Subnet> byVlan = new HashMap<>();
    network.network().subnets().forEach(s -> byVlan.put(s.vlan().orElseThrow(), s));
    List<Cabling.SpinePlan> cabling = Cabling.of(topology);
    List<AddressPlan.Row> addresses = AddressPlan.of(network);
    String svg = Svg.of(topology);
    String html = Html.of(new Html.Page(topology, svg, cabling, addresses,
        Reachability.of(network), network.proofs(), byVlan));
    return List.of(
        file("index.html", html),
        file("topology.svg", svg),
        file("topology.mmd", Mermaid.of(topology)),
        file("topology.dot", Dot.of(topology)),
        file("cabling.txt", Cabling.text(cabling, byVlan)),
        file("cabling.csv", Cabling.csv(cabling, byVlan)),
        file("address-plan.txt", AddressPlan.text(addresses)),
        file("address-plan.csv", AddressPlan.csv(addresses)));
  }

  private static RenderedFile file(String name, String content) {
    return new RenderedFile(FOLDER + "/" + name, content);
  }
}
