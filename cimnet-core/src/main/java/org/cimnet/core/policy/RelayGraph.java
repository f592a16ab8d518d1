package org.cimnet.core.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Network;

/**
 * The relays of a compiled {@link Policy} (containers with two or more addresses, which may
 * pass on what reaches them) and the chains through them: which relays a set of addresses
 * reaches in one hop and in any number, the shortest path from one set to another, and what each
 * relay may open node by node for the {@link Matrix}. The one-hop relation is the policy's; what
 * is found is memoised, so not thread-safe, like the policy.
 */
final class RelayGraph {
  private final Policy policy;
  /** Relays: containers with two or more addresses, in declaration order. */
  private final List<String> relayNames = new ArrayList<>();
  private final List<String> relayLabels = new ArrayList<>();
  private final List<AddressSet> relaySets = new ArrayList<>();
  /** Every relay address ascending, and the relay that holds it alongside. */
  private final long[] relayAddresses;
  private final int[] relayOfAddress;
  private final int[][] relayNext;
  private final Map<Integer, RelayCells> relayCells = new HashMap<>();

  RelayGraph(Policy policy, Network network) {
    this.policy = policy;
    List<long[]> addressOwners = new ArrayList<>();
    for (Container c : network.containers()) {
      List<Ipv4Address> addresses = new ArrayList<>();
      List<String> on = new ArrayList<>();
      for (Attachment a : c.attachments()) {
        if (a.address().isPresent() && !addresses.contains(a.address().get())) {
          addresses.add(a.address().get());
          on.add(a.subnet());
        }
      }
      if (addresses.size() >= 2) {
        int id = relayNames.size();
        relayNames.add(c.name());
        relayLabels.add(c.name() + " (" + String.join(", ", on) + ")");
        relaySets.add(AddressSet.ofAddresses(addresses));
        addresses.forEach(a -> addressOwners.add(new long[] {a.toLong(), id}));
      }
    }
    addressOwners.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
        : Long.compare(a[1], b[1]));
    this.relayAddresses = addressOwners.stream().mapToLong(a -> a[0]).toArray();
    this.relayOfAddress = addressOwners.stream().mapToInt(a -> (int) a[1]).toArray();
    this.relayNext = new int[relayNames.size()][];
  }

  /** The relays' names, in declaration order. */
  List<String> names() {
    return relayNames;
  }

  /** The relays with an address in {@code d}, ascending. */
  private int[] relaysIn(AddressSet d) {
    if (relayAddresses.length == 0) {
      return new int[0];
    }
    BitSet found = new BitSet(relayNames.size());
    for (int r = 0; r < d.rangeCount(); r++) {
      int k = Arrays.binarySearch(relayAddresses, d.lo(r));
      if (k < 0) {
        k = -k - 1;
      } else {
        while (k > 0 && relayAddresses[k - 1] == d.lo(r)) {
          k--;
        }
      }
      for (; k < relayAddresses.length && relayAddresses[k] <= d.hi(r); k++) {
        found.set(relayOfAddress[k]);
      }
    }
    return found.stream().toArray();
  }

  int count() {
    return relayNames.size();
  }

  String name(int relay) {
    return relayNames.get(relay);
  }

  AddressSet set(int relay) {
    return relaySets.get(relay);
  }

  /** The relays reachable in one hop from {@code s}. */
  int[] reachedFrom(AddressSet s) {
    return relaysIn(policy.destinations(s));
  }

  /** The relays a relay reaches in one hop (memoised). */
  int[] next(int relay) {
    int[] next = relayNext[relay];
    if (next == null) {
      next = reachedFrom(relaySets.get(relay));
      relayNext[relay] = next;
    }
    return next;
  }

  /**
   * Every relay reachable from {@code s}, in breadth-first order (the nearest first), each with
   * the relay it was reached from ({@code -1} for straight from {@code s}).
   */
  int[][] closure(AddressSet s) {
    return walk(s, c -> false);
  }

  /**
   * The breadth-first walk from {@code s} behind {@link #closure} and {@link #path}: the relays
   * in the order reached and each one's parent; it ends at the first relay {@code stop} accepts,
   * which is then the last in the order.
   */
  private int[][] walk(AddressSet s, IntPredicate stop) {
    int[] parent = new int[count()];
    Arrays.fill(parent, -2);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    List<Integer> order = new ArrayList<>();
    for (int c : reachedFrom(s)) {
      parent[c] = -1;
      queue.add(c);
    }
    while (!queue.isEmpty()) {
      int c = queue.poll();
      order.add(c);
      if (stop.test(c)) {
        break;
      }
      for (int next : next(c)) {
        if (parent[next] == -2) {
          parent[next] = c;
          queue.add(next);
        }
      }
    }
    return new int[][] {order.stream().mapToInt(Integer::intValue).toArray(), parent};
  }

  /**
   * A path from {@code from} to {@code to}: the direct hop if there is one (and {@code direct}
   * asks for it), else the shortest chain through relays; null if none exists.
   */
  Path path(AddressSet from, AddressSet to, boolean direct) {
    if (from.isEmpty() || to.isEmpty()) {
      return null;
    }
    if (direct) {
      Hop hop = policy.hop(from, to);
      if (hop != null) {
        return new Path(List.of(hop), List.of(),
            List.of(policy.nodeOf(hop.packet().src()),
                policy.nodeOf(hop.packet().dst())));
      }
    }
    if (count() == 0) {
      return null;
    }
    Hop[] last = new Hop[1];
    int[][] walk = walk(from, c -> (last[0] = policy.hop(relaySets.get(c), to)) != null);
    return last[0] == null ? null : chain(from, walk[0][walk[0].length - 1], walk[1], last[0]);
  }

  /**
   * Every chain through relays from {@code from} to {@code to}: one per relay reachable from
   * {@code from} that opens something to {@code to}, the nearest first, each with the shortest
   * way to its relay.
   */
  List<Path> paths(AddressSet from, AddressSet to) {
    List<Path> out = new ArrayList<>();
    if (from.isEmpty() || to.isEmpty() || count() == 0) {
      return out;
    }
    int[][] closure = closure(from);
    for (int c : closure[0]) {
      Hop last = policy.hop(relaySets.get(c), to);
      if (last != null) {
        out.add(chain(from, c, closure[1], last));
      }
    }
    return out;
  }

  private Path chain(AddressSet from, int end, int[] parent, Hop last) {
    List<Integer> relays = new ArrayList<>();
    for (int c = end; c != -1; c = parent[c]) {
      relays.add(0, c);
    }
    List<Hop> hops = new ArrayList<>();
    AddressSet at = from;
    for (int c : relays) {
      Hop hop = policy.hop(at, relaySets.get(c));
      if (hop == null) {
        throw new IllegalStateException("relay " + relayNames.get(c) + " was reached but no"
            + " packet opens to it: the prover's graph is inconsistent");
      }
      hops.add(hop);
      at = relaySets.get(c);
    }
    hops.add(last);
    List<String> chain = new ArrayList<>();
    chain.add(policy.nodeOf(hops.get(0).packet().src()));
    relays.forEach(c -> chain.add(relayLabels.get(c)));
    chain.add(policy.nodeOf(last.packet().dst()));
    return new Path(hops, relays.stream().map(relayNames::get).toList(), chain);
  }

  /** What one relay may open, node by node: the nodes ascending, their services alongside. */
  record RelayCells(int[] nodes, ServiceSet[] services) {}

  /** What a relay may open to each node (memoised). */
  RelayCells cells(int relay) {
    return relayCells.computeIfAbsent(relay, c -> {
      Map<Integer, ServiceSet> cells = new TreeMap<>();
      policy.cells(relaySets.get(c), (node, services) -> cells.merge(node, services,
          ServiceSet::union));
      return new RelayCells(cells.keySet().stream().mapToInt(Integer::intValue).toArray(),
          cells.values().toArray(new ServiceSet[0]));
    });
  }
}
