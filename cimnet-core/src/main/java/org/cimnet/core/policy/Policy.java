package org.cimnet.core.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.Plans;
import org.cimnet.core.routing.Routing;

/**
 * A network's rules compiled to address sets, service sets and indexes: the one model of "who may
 * open what" that the prover, {@link Explanation explain} and the {@link Matrix} share.
 *
 * <p>A host's own addresses ({@link Plans#heldAddresses}) are the host's, not its subnets': a
 * subnet or zone stands for its other addresses, two addresses of one subnet talk freely only
 * when neither is a host's, and a host is reached only by rules to {@code host:NAME} (its
 * services, the declared ones and {@link Network#defaultHostServices}). Each host holding an
 * address is a node of its own, {@code host:NAME}, after the internet.
 *
 * <p>Compiling is defensive: an endpoint that does not resolve (an undeclared subnet or
 * container, a zone without subnets, a container without addresses) matches nothing, and
 * {@link #resolve} says why. Not thread-safe (it memoises per relay); compile one per thread.
 *
 * <p>Here: the rules compiled per tree of routers and the one-hop relation over them (which rule
 * or shared subnet lets a packet open). What the endpoints stand for is {@link Endpoints}; the
 * rules the input chains imply are {@link Infrastructure}; the relays and the chains through
 * them are {@link RelayGraph}.
 */
public final class Policy {
  private static final long FIRST_ROUTABLE = 0x0100_0000L; // skip 0.0.0.0/8 in witnesses

  /** A rule with its endpoints resolved. */
  private record Compiled(int index, Rule rule, AddressSet from, AddressSet to,
      ServiceSet services, int toEndpoint) {}

  private final Network network;
  private final List<Subnet> subnets;
  /** Nodes of the graph and the matrix: the subnets in declaration order, then the internet. */
  private final List<AddressSet> nodeSets = new ArrayList<>();
  private final List<String> nodeNames = new ArrayList<>();
  private final SegmentIndex nodeIndex;
  private final Map<String, Integer> nodeIds = new HashMap<>();
  private final Endpoints endpoints;

  private final Compiled[] rules;
  private final SegmentIndex fromIndex;
  private final int[][] rulesByFrom;
  private final int[][] toNodes;

  private final RelayGraph relayGraph;

  private Policy(Network network) {
    this.network = network;
    this.subnets = network.subnets();
    this.endpoints = new Endpoints(network);
    for (Subnet s : subnets) {
      nodeSets.add(AddressSet.of(s.cidr()).minus(endpoints.hostAddresses()));
      nodeNames.add(s.name());
    }
    nodeSets.add(endpoints.internet());
    nodeNames.add("internet");
    endpoints.hostSets().forEach((host, set) -> {
      if (!set.isEmpty()) {
        nodeSets.add(set);
        nodeNames.add(Endpoint.ofHost(host).text());
      }
    });
    for (int i = nodeNames.size() - 1; i >= 0; i--) {
      nodeIds.put(nodeNames.get(i), i); // the first of two equal names wins
    }
    this.nodeIndex = new SegmentIndex(nodeSets);

    // A rule opens connections only where packets can go: between subnets routed in one tree
    // of routers (Routing), the internet with the tree of the subnet it is reached through. So
    // each rule is compiled once per tree, its ends cut to that tree's addresses. The rules are
    // the declared ones, the default host services, and what every input chain accepts.
    List<AddressSet> trees = trees(network);
    List<Rule> declared = new ArrayList<>(network.effectiveRules());
    // Where a rule's destination is narrower than its endpoint (DNS: the nameserver address).
    Map<Integer, AddressSet> narrowed = new HashMap<>();
    for (Infrastructure x : Infrastructure.of(network)) {
      x.to().ifPresent(to -> narrowed.put(declared.size(), to));
      declared.add(x.rule());
    }
    List<Compiled> compiled = new ArrayList<>();
    Map<List<Object>, Integer> fromIds = new LinkedHashMap<>();
    Map<List<Object>, Integer> toIds = new HashMap<>();
    List<AddressSet> fromSets = new ArrayList<>();
    List<Integer> fromOfList = new ArrayList<>();
    for (int i = 0; i < declared.size(); i++) {
      Rule r = declared.get(i);
      AddressSet fromAll = resolve(r.from()).set();
      AddressSet toAll = narrowed.getOrDefault(i, resolve(r.to()).set());
      for (int t = 0; t < trees.size(); t++) {
        AddressSet from = fromAll.intersect(trees.get(t));
        AddressSet to = toAll.intersect(trees.get(t));
        if (from.isEmpty() || to.isEmpty()) {
          continue;
        }
        AddressSet fromSet = from;
        int fromId = fromIds.computeIfAbsent(List.of(r.from(), t), e -> {
          fromSets.add(fromSet);
          return fromSets.size() - 1;
        });
        fromOfList.add(fromId);
        int toId = toIds.computeIfAbsent(List.of(narrowed.containsKey(i) ? toAll : r.to(), t),
            e -> toIds.size());
        compiled.add(new Compiled(i, r, from, to, ServiceSet.of(r.services()), toId));
      }
    }
    this.rules = compiled.toArray(new Compiled[0]);
    int[] fromOf = fromOfList.stream().mapToInt(Integer::intValue).toArray();
    int[] byFromCount = new int[fromSets.size()];
    for (int f : fromOf) {
      byFromCount[f]++;
    }
    this.rulesByFrom = new int[fromSets.size()][];
    for (int f = 0; f < fromSets.size(); f++) {
      rulesByFrom[f] = new int[byFromCount[f]];
      byFromCount[f] = 0;
    }
    for (int i = 0; i < rules.length; i++) {
      rulesByFrom[fromOf[i]][byFromCount[fromOf[i]]++] = i;
    }
    this.fromIndex = new SegmentIndex(fromSets);
    this.toNodes = new int[toIds.size()][];

    this.relayGraph = new RelayGraph(this, network);
  }

  /**
   * The address sets of the network's trees of routers (Routing): the subnets each tree routes,
   * and the internet in the tree of the subnet it is reached through. A network without hosts
   * is a sketch: one tree holding every address.
   */
  private static List<AddressSet> trees(Network network) {
    if (network.hosts().isEmpty()) {
      // A sketch of subnets and rules, placed nowhere yet: the rules alone decide.
      return List.of(AddressSet.empty().complement());
    }
    Routing routing = Routing.of(network);
    Map<String, List<AddressSet>> byTree = new LinkedHashMap<>();
    for (Subnet s : network.subnets()) {
      routing.tree(s.name()).ifPresent(t -> byTree.computeIfAbsent(t, k -> new ArrayList<>())
          .add(AddressSet.of(s.cidr())));
    }
    network.internet().flatMap(i -> routing.tree(i.via())).ifPresent(t -> {
      AddressSet outside = AddressSet.PRIVATE.complement();
      byTree.get(t).add(network.publicSupernet()
          ? outside.minus(AddressSet.of(network.supernet())) : outside);
    });
    return byTree.values().stream().map(AddressSet::unionAll).toList();
  }

  /** Compiles {@code network}'s rules; the network should have been through IPAM. */
  public static Policy compile(Network network) {
    return new Policy(Objects.requireNonNull(network, "network == null"));
  }

  public Network network() {
    return network;
  }

  /** The internet: every address outside the private spaces (and the supernet, if public). */
  public AddressSet internet() {
    return endpoints.internet();
  }

  /**
   * The matrix's nodes: every subnet in declaration order, then {@code internet}, then
   * {@code host:NAME} for every host holding an address, in host order.
   */
  public List<String> nodes() {
    return Collections.unmodifiableList(nodeNames);
  }

  /** The containers that relay (two or more addresses), in declaration order. */
  public List<String> relays() {
    return Collections.unmodifiableList(relayGraph.names());
  }

  /** The addresses an endpoint stands for; empty when it does not resolve. */
  public AddressSet addresses(Endpoint endpoint) {
    return resolve(endpoint).set();
  }

  /** Why {@code endpoint} does not resolve, or empty if it does. */
  public Optional<String> problem(Endpoint endpoint) {
    Endpoints.Resolved r = resolve(endpoint);
    return r.ok() ? Optional.empty() : Optional.of(r.problem());
  }

  Endpoints.Resolved resolve(Endpoint endpoint) {
    return endpoints.resolve(endpoint);
  }

  /** The relays and the chains through them. */
  RelayGraph relayGraph() {
    return relayGraph;
  }

  // ---- the one-hop relation -------------------------------------------------------------

  /** The indexes of the rules whose source meets {@code s}, ascending. */
  private int[] rulesFrom(AddressSet s) {
    int[] froms = fromIndex.meeting(s);
    if (froms.length == 1) {
      return rulesByFrom[froms[0]];
    }
    int total = 0;
    for (int f : froms) {
      total += rulesByFrom[f].length;
    }
    int[] out = new int[total];
    int n = 0;
    for (int f : froms) {
      System.arraycopy(rulesByFrom[f], 0, out, n, rulesByFrom[f].length);
      n += rulesByFrom[f].length;
    }
    Arrays.sort(out);
    return out;
  }

  /** The subnets (node ids) that meet {@code s}: everything in them may talk to {@code s}. */
  private int[] subnetsMeeting(AddressSet s) {
    int[] ids = nodeIndex.meeting(s);
    int n = ids.length;
    while (n > 0 && ids[n - 1] >= subnets.size()) {
      n--;
    }
    return n == ids.length ? ids : Arrays.copyOf(ids, n);
  }

  /** The nodes a rule's destination meets. */
  private int[] toNodes(Compiled r) {
    int[] nodes = toNodes[r.toEndpoint()];
    if (nodes == null) {
      nodes = nodeIndex.meeting(r.to());
      toNodes[r.toEndpoint()] = nodes;
    }
    return nodes;
  }

  /** Whether {@code packet} may open a connection: a rule matches it or it stays in one subnet. */
  public boolean allows(Packet packet) {
    Hop hop = why(packet);
    return hop != null;
  }

  /** Why {@code packet} is allowed (the matching rules, the shared subnet), or empty. */
  public Optional<Hop> explain(Packet packet) {
    return Optional.ofNullable(why(packet));
  }

  private Hop why(Packet packet) {
    long src = packet.src().toLong();
    long dst = packet.dst().toLong();
    List<Rule> matching = new ArrayList<>();
    int[] froms = fromIndex.at(src);
    List<Integer> ids = new ArrayList<>();
    for (int f : froms) {
      for (int i : rulesByFrom[f]) {
        ids.add(i);
      }
    }
    Collections.sort(ids);
    for (int i : ids) {
      Compiled r = rules[i];
      if (r.to().contains(dst) && r.services().contains(packet.protocol(), packet.port())) {
        matching.add(r.rule());
      }
    }
    Optional<String> shared = Optional.empty();
    for (int n : nodeIndex.at(src)) {
      if (n < subnets.size() && nodeSets.get(n).contains(dst)) {
        shared = Optional.of(nodeNames.get(n));
        break;
      }
    }
    return matching.isEmpty() && shared.isEmpty() ? null : new Hop(packet, matching, shared);
  }

  /**
   * A concrete packet from {@code s} to {@code t}, or null if none may open: the first rule (in
   * declaration order) that joins them, else the first subnet they share.
   */
  Hop hop(AddressSet s, AddressSet t) {
    for (int i : rulesFrom(s)) {
      Compiled r = rules[i];
      if (r.to().intersects(t)) {
        Ipv4Address src = witness(s.intersect(r.from()), -1);
        Ipv4Address dst = witness(t.intersect(r.to()), src.toLong());
        return why(new Packet(src, dst, r.services().witnessProtocol(),
            r.services().witnessPort()));
      }
    }
    for (int n : subnetsMeeting(s)) {
      AddressSet shared = nodeSets.get(n);
      if (shared.intersects(t)) {
        Ipv4Address src = witness(s.intersect(shared), -1);
        Ipv4Address dst = witness(t.intersect(shared), src.toLong());
        ServiceSet any = ServiceSet.any();
        return why(new Packet(src, dst, any.witnessProtocol(), any.witnessPort()));
      }
    }
    return null;
  }

  /** What {@code s} may open to some address of {@code t}, directly (no relay). */
  ServiceSet services(AddressSet s, AddressSet t, List<Rule> by, List<String> within) {
    ServiceSet out = ServiceSet.none();
    for (int i : rulesFrom(s)) {
      Compiled r = rules[i];
      if (r.to().intersects(t)) {
        out = out.union(r.services());
        by.add(r.rule());
      }
    }
    for (int n : subnetsMeeting(s)) {
      if (nodeSets.get(n).intersects(t)) {
        out = ServiceSet.any();
        within.add(nodeNames.get(n));
      }
    }
    return out;
  }

  /**
   * A representative address of a non-empty set, deterministic: the lowest that is routable
   * (outside 0.0.0.0/8), plays no reserved role in its subnet, and differs from {@code avoid};
   * failing that, the lowest.
   */
  private Ipv4Address witness(AddressSet s, long avoid) {
    for (int r = 0; r < s.rangeCount(); r++) {
      long lo = s.hi(r) >= FIRST_ROUTABLE ? Math.max(s.lo(r), FIRST_ROUTABLE) : s.lo(r);
      long last = Math.min(s.hi(r), lo + 16);
      for (long a = lo; a <= last; a++) {
        if (a != avoid && !reserved(a)) {
          return Ipv4Address.of(a);
        }
      }
    }
    for (int r = 0; r < s.rangeCount(); r++) {
      if (s.lo(r) != avoid) {
        return Ipv4Address.of(s.lo(r));
      }
      if (s.hi(r) > s.lo(r)) {
        return Ipv4Address.of(s.lo(r) + 1);
      }
    }
    return Ipv4Address.of(s.lo(0));
  }

  private boolean reserved(long address) {
    Ipv4Address a = Ipv4Address.of(address);
    for (int n : nodeIndex.at(address)) {
      if (n < subnets.size()
          && network.convention().roleOf(subnets.get(n).cidr(), a).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The node an address shows as in a chain: its subnet, the internet, or the address. */
  String nodeOf(Ipv4Address address) {
    int[] ids = nodeIndex.at(address.toLong());
    return ids.length > 0 ? nodeNames.get(ids[0]) : address.toString();
  }

  /** Every address {@code s} may open some connection to, directly. */
  AddressSet destinations(AddressSet s) {
    List<AddressSet> parts = new ArrayList<>();
    // Rules share destinations (a zone, a subnet): each is added once, or a source under 20,000
    // rules would gather millions of ranges for a union of a few thousand.
    BitSet seen = new BitSet(toNodes.length);
    for (int i : rulesFrom(s)) {
      if (!seen.get(rules[i].toEndpoint())) {
        seen.set(rules[i].toEndpoint());
        parts.add(rules[i].to());
      }
    }
    for (int n : subnetsMeeting(s)) {
      parts.add(nodeSets.get(n));
    }
    return AddressSet.unionAll(parts);
  }

  // ---- matrix rows ----------------------------------------------------------------------

  int nodeCount() {
    return nodeSets.size();
  }

  /** The nodes that open connections: the subnets and the internet (hosts are destinations). */
  int sourceCount() {
    return subnets.size() + 1;
  }

  AddressSet nodeSet(int node) {
    return nodeSets.get(node);
  }

  String nodeName(int node) {
    return nodeNames.get(node);
  }

  int nodeId(String name) {
    Integer i = nodeIds.get(name);
    if (i == null) {
      throw new IllegalArgumentException("Matrix node '" + name
          + "' is not declared: use a subnet name or internet");
    }
    return i;
  }

  /** Receives one (node, services) pair of a row. */
  interface CellSink {
    void add(int node, ServiceSet services);
  }

  /** Sends what {@code s} may open to each node, directly, to {@code sink}. */
  void cells(AddressSet s, CellSink sink) {
    for (int i : rulesFrom(s)) {
      Compiled r = rules[i];
      for (int node : toNodes(r)) {
        sink.add(node, r.services());
      }
    }
    for (int n : subnetsMeeting(s)) {
      sink.add(n, ServiceSet.any());
    }
  }
}
