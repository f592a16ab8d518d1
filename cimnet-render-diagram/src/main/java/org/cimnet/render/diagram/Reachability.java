package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Rule;
import org.cimnet.core.policy.Explanation;
import org.cimnet.core.policy.Matrix;
import org.cimnet.core.policy.Path;
import org.cimnet.core.policy.Policy;
import org.cimnet.core.policy.ServiceSet;

/**
 * The prover's reachability matrix as a grid of coloured cells, each with its services, the rules
 * that allow them and the relay chain. Up to {@link Matrix#GRID_LIMIT} nodes the grid is subnet
 * by subnet (plus the internet), read from the prover's {@link Matrix}; beyond, it is zone by
 * zone, each cell the prover's explanation for the two zones, so the picture stays a picture.
 * The rules come from the prover's explanation of each non-empty cell.
 */
final class Reachability {
  /** How a cell is coloured. */
  enum Kind {
    /** Some connection may open directly, by a rule or inside one subnet. */
    ALLOWED,
    /** Connections open only through relaying containers. */
    VIA,
    /** Nothing may open. */
    DENIED
  }

  /**
   * One cell.
   *
   * @param services the prover's text: {@code tcp/80,443}, {@code any via bus}, {@code -}
   * @param rules indexes into the network's rules, of the rules that allow the direct part
   * @param insideSubnet whether the direct part includes traffic inside one shared subnet
   * @param chain the relay chain, when relays open more than the direct part
   */
  record Cell(String from, String to, Kind kind, String services, List<Integer> rules,
      boolean insideSubnet, Optional<String> chain) {}

  /**
   * The grid.
   *
   * @param byZone whether nodes are zones (large networks) rather than subnets
   */
  record Grid(boolean byZone, List<String> nodes, List<List<Cell>> rows) {}

  private Reachability() {}

  static Grid of(ValidatedNetwork validated) {
    Policy policy = validated.policy();
    List<String> nodes = policy.nodes();
    return nodes.size() <= Matrix.GRID_LIMIT ? bySubnet(validated.network(), policy)
        : byZone(validated.network(), policy);
  }

  private static Grid bySubnet(Network network, Policy policy) {
    Matrix matrix = Matrix.of(policy);
    List<String> nodes = matrix.nodes();
    List<List<Cell>> rows = new ArrayList<>();
    for (String from : nodes) {
      Map<String, Matrix.Cell> row = new java.util.HashMap<>();
      matrix.row(from).forEach(c -> row.put(c.to(), c));
      List<Cell> cells = new ArrayList<>();
      for (String to : nodes) {
        Matrix.Cell c = row.get(to);
        cells.add(c == null ? denied(from, to)
            : cell(network, c, Explanation.of(policy, endpoint(from), endpoint(to))));
      }
      rows.add(cells);
    }
    return new Grid(false, nodes, rows);
  }

  private static Grid byZone(Network network, Policy policy) {
    List<Endpoint> endpoints = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    network.subnets().stream().map(s -> s.zone()).distinct().forEach(z -> {
      endpoints.add(new Endpoint.OfZone(z));
      nodes.add("zone:" + z);
    });
    endpoints.add(new Endpoint.Internet());
    nodes.add("internet");
    List<List<Cell>> rows = new ArrayList<>();
    for (int x = 0; x < endpoints.size(); x++) {
      List<Cell> cells = new ArrayList<>();
      for (int y = 0; y < endpoints.size(); y++) {
        Explanation e = Explanation.of(policy, endpoints.get(x), endpoints.get(y));
        Optional<String> relay = e.via().map(p -> p.relays().get(p.relays().size() - 1));
        ServiceSet via = e.via().isPresent() ? e.viaServices() : ServiceSet.none();
        Matrix.Cell c = new Matrix.Cell(nodes.get(x), nodes.get(y), e.services(), via, relay);
        cells.add(c.isEmpty() ? denied(nodes.get(x), nodes.get(y)) : cell(network, c, e));
      }
      rows.add(cells);
    }
    return new Grid(true, nodes, rows);
  }

  private static Cell denied(String from, String to) {
    return new Cell(from, to, Kind.DENIED, "-", List.of(), false, Optional.empty());
  }

  private static Cell cell(Network network, Matrix.Cell c, Explanation e) {
    Kind kind = !c.direct().isEmpty() ? Kind.ALLOWED : c.via().isEmpty() ? Kind.DENIED
        : Kind.VIA;
    List<Integer> rules = new ArrayList<>();
    List<Rule> all = network.rules();
    for (Rule r : e.rules()) {
      rules.add(all.indexOf(r));
    }
    boolean viaAdds = !c.via().isEmpty() && !c.direct().containsAll(c.via());
    Optional<String> chain = viaAdds ? e.via().map(Path::chainText) : Optional.empty();
    return new Cell(c.from(), c.to(), kind, c.text(), rules, !e.subnets().isEmpty(), chain);
  }

  private static Endpoint endpoint(String node) {
    return node.equals("internet") ? new Endpoint.Internet() : new Endpoint.OfSubnet(node);
  }
}
