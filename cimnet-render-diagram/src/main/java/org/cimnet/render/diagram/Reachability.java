package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.policy.Explanation;
import org.cimnet.core.policy.Matrix;
import org.cimnet.core.policy.Path;
import org.cimnet.core.policy.Policy;

/**
 * The prover's reachability matrix as a grid of coloured cells, each with its services, the rules
 * that allow them and the relay chain. Up to {@link Matrix#GRID_LIMIT} nodes the grid is subnet
 * by subnet (plus the internet), read from the prover's {@link Matrix}, with the rules from the
 * prover's explanation of each non-empty cell; beyond, it is zone by zone, each cell counting
 * the matrix's cells between the two zones, so the picture stays a picture.
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
    Map<Rule, Integer> index = ruleIndex(network);
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
            : cell(network, index, c, Explanation.of(policy, endpoint(from), endpoint(to))));
      }
      rows.add(cells);
    }
    return new Grid(false, nodes, rows);
  }

  /**
   * Zone by zone, from every row of the prover's matrix: a cell counts the subnet pairs (a
   * subnet and itself left out) that may open connections directly and those that may only
   * through relays, and names the rules declared between the two zones. A large network's
   * services per pair are too many to read in a cell; the checker's report lists each row.
   */
  private static Grid byZone(Network network, Policy policy) {
    Map<String, String> zoneOf = new java.util.HashMap<>();
    Map<String, Integer> zoneIds = new java.util.LinkedHashMap<>();
    Map<String, Integer> sizes = new java.util.HashMap<>();
    for (Subnet s : network.subnets()) {
      zoneOf.put(s.name(), s.zone());
      zoneIds.putIfAbsent(s.zone(), zoneIds.size());
      sizes.merge(s.zone(), 1, Integer::sum);
    }
    zoneIds.put("internet", zoneIds.size());
    sizes.put("internet", 1);
    zoneOf.put("internet", "internet");
    int z = zoneIds.size();
    long[][] direct = new long[z][z];
    long[][] via = new long[z][z];
    String[][] relay = new String[z][z];
    Matrix matrix = Matrix.of(policy);
    for (String from : matrix.nodes()) {
      int x = zoneIds.get(zoneOf.get(from));
      for (Matrix.Cell c : matrix.row(from)) {
        if (c.to().equals(from)) {
          continue;
        }
        int y = zoneIds.get(zoneOf.get(c.to()));
        if (!c.direct().isEmpty()) {
          direct[x][y]++;
        } else if (!c.via().isEmpty()) {
          via[x][y]++;
          if (relay[x][y] == null) {
            relay[x][y] = c.relay().orElse(null);
          }
        }
      }
    }
    List<List<List<Integer>>> rules = new ArrayList<>();
    for (int x = 0; x < z; x++) {
      List<List<Integer>> row = new ArrayList<>();
      for (int y = 0; y < z; y++) {
        row.add(new ArrayList<>());
      }
      rules.add(row);
    }
    for (int i = 0; i < network.rules().size(); i++) {
      Rule r = network.rules().get(i);
      for (String fz : zones(network, r.from())) {
        for (String tz : zones(network, r.to())) {
          rules.get(zoneIds.get(fz)).get(zoneIds.get(tz)).add(i);
        }
      }
    }
    List<String> names = new ArrayList<>(zoneIds.keySet());
    List<String> nodes = names.stream().map(n -> n.equals("internet") ? n : "zone:" + n)
        .toList();
    List<List<Cell>> rows = new ArrayList<>();
    for (int x = 0; x < z; x++) {
      List<Cell> cells = new ArrayList<>();
      for (int y = 0; y < z; y++) {
        long pairs = (long) sizes.get(names.get(x)) * sizes.get(names.get(y))
            - (x == y ? sizes.get(names.get(x)) : 0);
        boolean inside = x == y && !names.get(x).equals("internet");
        Kind kind = direct[x][y] > 0 ? Kind.ALLOWED : via[x][y] > 0 ? Kind.VIA
            : inside ? Kind.ALLOWED : Kind.DENIED;
        List<String> parts = new ArrayList<>();
        if (direct[x][y] + via[x][y] > 0) {
          parts.add(Text.count(direct[x][y] + via[x][y]) + " of " + Text.count(pairs)
              + " subnet pairs");
        }
        if (via[x][y] > 0) {
          parts.add(Text.count(via[x][y]) + " only via relay");
        }
        String text = parts.isEmpty() ? (inside ? "each subnet to itself" : "-")
            : String.join("; ", parts);
        Optional<String> chain = relay[x][y] == null ? Optional.empty()
            : Optional.of("e.g. via " + relay[x][y]);
        cells.add(new Cell(nodes.get(x), nodes.get(y), kind, text, rules.get(x).get(y), inside,
            chain));
      }
      rows.add(cells);
    }
    return new Grid(true, nodes, rows);
  }

  /** The zones an endpoint's addresses lie in, as declared (the internet is its own). */
  private static List<String> zones(Network network, Endpoint e) {
    if (e instanceof Endpoint.OfSubnet s) {
      return network.subnet(s.name()).map(x -> List.of(x.zone())).orElse(List.of());
    }
    if (e instanceof Endpoint.OfZone zone) {
      return network.zone(zone.name()).isEmpty() ? List.of() : List.of(zone.name());
    }
    if (e instanceof Endpoint.OfContainer c) {
      return network.container(c.name()).map(x -> x.attachments().stream()
          .map(a -> network.subnet(a.subnet()).map(Subnet::zone).orElse(""))
          .filter(zone -> !zone.isEmpty()).distinct().toList()).orElse(List.of());
    }
    return List.of("internet");
  }

  /**
   * Each rule's position, by identity: the explanation hands back the network's own rule
   * objects, and a zone cell of a large network names thousands of them.
   */
  private static Map<Rule, Integer> ruleIndex(Network network) {
    Map<Rule, Integer> index = new java.util.IdentityHashMap<>();
    List<Rule> all = network.rules();
    for (int i = 0; i < all.size(); i++) {
      index.put(all.get(i), i);
    }
    return index;
  }

  private static Cell denied(String from, String to) {
    return new Cell(from, to, Kind.DENIED, "-", List.of(), false, Optional.empty());
  }

  private static Cell cell(Network network, Map<Rule, Integer> index, Matrix.Cell c,
      Explanation e) {
    Kind kind = !c.direct().isEmpty() ? Kind.ALLOWED : c.via().isEmpty() ? Kind.DENIED
        : Kind.VIA;
    List<Integer> rules = new ArrayList<>(e.rules().size());
    for (Rule r : e.rules()) {
      Integer i = index.get(r);
      rules.add(i != null ? i : network.rules().indexOf(r));
    }
    boolean viaAdds = !c.via().isEmpty() && !c.direct().containsAll(c.via());
    Optional<String> chain = viaAdds ? e.via().map(Path::chainText) : Optional.empty();
    return new Cell(c.from(), c.to(), kind, c.text(), rules, !e.subnets().isEmpty(), chain);
  }

  private static Endpoint endpoint(String node) {
    return node.equals("internet") ? new Endpoint.Internet() : new Endpoint.OfSubnet(node);
  }
}
