package org.cimnet.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.model.Network;

/**
 * The reachability matrix: for each ordered pair of nodes (every subnet, then the internet), what
 * the first may open to the second, directly by rules or inside one subnet, and what it reaches
 * through relaying containers.
 *
 * <p>Lazy and sparse: a row is computed when asked for, from the rules that leave that node and
 * the relays it reaches, and never stored as a dense grid (4,096 subnets would make 16.7 million
 * cells). Ask {@link #row} for many cells of one node; {@link #cell} computes its row too and
 * keeps only the last one.
 */
public final class Matrix {
  /** Networks with more nodes than this print as a list of non-empty rows, not a grid. */
  public static final int GRID_LIMIT = 32;

  /**
   * One cell.
   *
   * @param direct what {@code from} may open to {@code to} by rules, or inside one subnet
   * @param via what it may open through relays
   * @param relay the relay that opens the whole of {@code via} (the nearest such), else the
   *     nearest that opens some of it
   * @param relays every relay that opens something to {@code to}, the nearest first, with what
   *     it opens: a cell's services through relays may come from several
   */
  public record Cell(String from, String to, ServiceSet direct, ServiceSet via,
      Optional<String> relay, Map<String, ServiceSet> relays) {

    /** A cell whose services through relays come from {@code relay} alone (or none). */
    public Cell(String from, String to, ServiceSet direct, ServiceSet via,
        Optional<String> relay) {
      this(from, to, direct, via, relay, relay.map(r -> Map.of(r, via)).orElse(Map.of()));
    }

    public Cell {
      relays = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(relays));
      Objects.requireNonNull(from, "from == null");
      Objects.requireNonNull(to, "to == null");
      Objects.requireNonNull(direct, "direct == null");
      Objects.requireNonNull(via, "via == null");
      Objects.requireNonNull(relay, "relay == null");
    }

    public boolean isEmpty() {
      return direct.isEmpty() && via.isEmpty();
    }

    /** Everything {@code from} may open to {@code to}, directly or through relays. */
    public ServiceSet services() {
      return direct.union(via);
    }

    /**
     * {@code tcp/80,443}, {@code any}, {@code -} (nothing), {@code any via bus} (only through
     * relay bus), {@code tcp/22; any via bus} (more through the relay than directly).
     */
    public String text() {
      List<String> parts = new ArrayList<>();
      if (!direct.isEmpty()) {
        parts.add(direct.toString());
      }
      boolean one = relay.isPresent() && relays.getOrDefault(relay.get(), ServiceSet.none())
          .containsAll(via);
      if (!one && !direct.containsAll(via)) {
        // No single relay opens it all: each relay with what it adds.
        relays.forEach((r, services) -> {
          if (!direct.containsAll(services)) {
            parts.add(services + " via " + r);
          }
        });
      } else if (!via.isEmpty() && !direct.containsAll(via)) {
        parts.add(via + " via " + relay.orElse("?"));
      }
      return parts.isEmpty() ? "-" : String.join("; ", parts);
    }
  }

  private final Policy policy;
  private int lastRow = -1;
  private List<Cell> lastCells;
  private ServiceSet[] direct;
  private ServiceSet[] via;
  private String[] relay;
  private Map<String, ServiceSet>[] byRelay;

  private Matrix(Policy policy) {
    this.policy = policy;
  }

  public static Matrix of(Policy policy) {
    return new Matrix(Objects.requireNonNull(policy, "policy == null"));
  }

  public static Matrix of(Network network) {
    return of(Policy.compile(network));
  }

  /** The nodes: every subnet in declaration order, {@code internet}, then {@code host:NAME}s. */
  public List<String> nodes() {
    return policy.nodes();
  }

  /** The non-empty cells of {@code from}'s row, in node order (its own subnet included). */
  public List<Cell> row(String from) {
    return row(policy.nodeId(from));
  }

  /** One cell; an empty cell's text is {@code -}. */
  public Cell cell(String from, String to) {
    int target = policy.nodeId(to);
    for (Cell c : row(from)) {
      if (c.to().equals(policy.nodeName(target))) {
        return c;
      }
    }
    return new Cell(from, to, ServiceSet.none(), ServiceSet.none(), Optional.empty());
  }

  private List<Cell> row(int x) {
    if (x == lastRow) {
      return lastCells;
    }
    int n = policy.nodeCount();
    if (direct == null) {
      direct = new ServiceSet[n];
      via = new ServiceSet[n];
      relay = new String[n];
      @SuppressWarnings("unchecked")
      Map<String, ServiceSet>[] maps = new Map[n];
      byRelay = maps;
    }
    // Scratch arrays indexed by node, cleared through the list of touched nodes: a row costs
    // what it holds, not the number of nodes.
    List<Integer> touched = new ArrayList<>();
    AddressSet s = policy.nodeSet(x);
    policy.cells(s, (node, services) -> {
      if (direct[node] == null && via[node] == null) {
        touched.add(node);
      }
      direct[node] = direct[node] == null ? services : direct[node].union(services);
    });
    RelayGraph graph = policy.relayGraph();
    for (int c : graph.closure(s)[0]) {
      RelayGraph.RelayCells cells = graph.cells(c);
      for (int i = 0; i < cells.nodes().length; i++) {
        int node = cells.nodes()[i];
        if (direct[node] == null && via[node] == null) {
          touched.add(node);
        }
        if (via[node] == null) {
          via[node] = cells.services()[i];
          byRelay[node] = new LinkedHashMap<>();
        } else {
          via[node] = via[node].union(cells.services()[i]);
        }
        byRelay[node].merge(graph.name(c), cells.services()[i], ServiceSet::union);
      }
    }
    touched.sort(null);
    List<Cell> out = new ArrayList<>(touched.size());
    for (int y : touched) {
      Map<String, ServiceSet> relays = byRelay[y] == null ? Map.of() : byRelay[y];
      if (via[y] != null) {
        // The nearest relay that opens everything, else the nearest.
        ServiceSet all = via[y];
        relay[y] = relays.entrySet().stream().filter(e -> e.getValue().containsAll(all))
            .map(Map.Entry::getKey).findFirst()
            .orElse(relays.keySet().iterator().next());
      }
      out.add(new Cell(policy.nodeName(x), policy.nodeName(y),
          direct[y] == null ? ServiceSet.none() : direct[y],
          via[y] == null ? ServiceSet.none() : via[y], Optional.ofNullable(relay[y]), relays));
      direct[y] = null;
      via[y] = null;
      relay[y] = null;
      byRelay[y] = null;
    }
    lastRow = x;
    lastCells = List.copyOf(out);
    return lastCells;
  }

  /**
   * The matrix as text. Up to {@value #GRID_LIMIT} nodes: an aligned grid, rows are sources
   * (the subnets and the internet: a host opens nothing the rules speak for), columns
   * destinations (hosts last, by their services). Beyond: one line per source that reaches another node, {@code s0: s3
   * tcp/80 | s9 any via c10} (every subnet reaching itself on any service goes unsaid).
   */
  public String toText() {
    int n = policy.nodeCount();
    return n <= GRID_LIMIT ? grid(n) : list(n);
  }

  private String grid(int n) {
    String corner = "from \\ to";
    int rows = policy.sourceCount();
    String[][] table = new String[rows + 1][n + 1];
    table[0][0] = corner;
    for (int y = 0; y < n; y++) {
      table[0][y + 1] = policy.nodeName(y);
    }
    for (int x = 0; x < rows; x++) {
      table[x + 1][0] = policy.nodeName(x);
      for (int y = 0; y < n; y++) {
        table[x + 1][y + 1] = "-";
      }
      for (Cell c : row(x)) {
        table[x + 1][policy.nodeId(c.to()) + 1] = c.text();
      }
    }
    int[] width = new int[n + 1];
    for (String[] line : table) {
      for (int col = 0; col <= n; col++) {
        width[col] = Math.max(width[col], line[col].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] line : table) {
      StringBuilder l = new StringBuilder();
      for (int col = 0; col <= n; col++) {
        l.append(line[col]);
        if (col < n) {
          l.append(" ".repeat(width[col] - line[col].length() + 2));
        }
      }
      text.append(l.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private String list(int n) {
    StringBuilder text = new StringBuilder();
    for (int x = 0; x < policy.sourceCount(); x++) {
      List<String> parts = new ArrayList<>();
      for (Cell c : row(x)) {
        boolean self = c.to().equals(c.from()) && c.direct().isAny();
        if (!self) {
          parts.add(c.to() + " " + c.text());
        }
      }
      if (!parts.isEmpty()) {
        text.append(policy.nodeName(x)).append(": ").append(String.join(" | ", parts))
            .append('\n');
      }
    }
    return text.toString();
  }
}
