package org.cimnet.core.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Subnet;

/**
 * Routing between routers: the routers form a tree. Its root is the router of the subnet the
 * internet is reached through (else the first router). Every other router holds its own address
 * in a subnet another router routes, its <em>uplink</em>: its parent is that router, its default
 * route goes to the parent's gateway there, and the parent (and every router above it) routes
 * the subnets below through it. Between any two subnets there is one path, the same both ways,
 * so every router on it sees whole connections.
 *
 * <p>A router's own address in a subnet it does not route is a /32: were it the whole subnet,
 * the router would deliver into that subnet directly while the replies went back through the
 * subnet's gateway, and neither router would see the whole connection.
 */
public final class Routing {
  /**
   * How a router reaches its parent.
   *
   * @param subnet the subnet the parent routes and this router holds its own address in
   * @param address this router's own address there
   * @param parent the router of {@code subnet}
   * @param gateway {@code subnet}'s gateway address, held by the parent
   */
  public record Uplink(String subnet, Ipv4Address address, String parent, Ipv4Address gateway) {}

  private final List<String> routers = new ArrayList<>();
  private final Map<String, String> routerOf = new LinkedHashMap<>();
  private final Map<String, List<String>> routed = new LinkedHashMap<>();
  private final Map<String, Uplink> uplinks = new LinkedHashMap<>();
  private final Optional<String> root;
  private final Set<String> linked = new HashSet<>();

  private Routing(Network network) {
    Map<String, Subnet> subnets = new LinkedHashMap<>();
    network.subnets().forEach(s -> subnets.put(s.name(), s));
    for (Host h : network.hosts()) {
      List<String> mine = h.routedSubnets().stream()
          .filter(s -> subnets.containsKey(s) && !subnets.get(s).reserved()).toList();
      if (mine.isEmpty()) {
        continue;
      }
      routers.add(h.name());
      routed.put(h.name(), mine);
      mine.forEach(s -> routerOf.putIfAbsent(s, h.name()));
    }
    Optional<String> viaRouter = network.internet().map(i -> routerOf.get(i.via()));
    this.root = viaRouter.isPresent() ? viaRouter
        : routers.stream().findFirst();
    for (Host h : network.hosts()) {
      if (!routed.containsKey(h.name()) || root.equals(Optional.of(h.name()))) {
        continue;
      }
      for (HostAddress a : h.addresses()) {
        String parent = routerOf.get(a.subnet());
        Subnet s = subnets.get(a.subnet());
        if (a.address().isEmpty() || parent == null || parent.equals(h.name())
            || !h.carriedSubnets().contains(a.subnet())
            || !network.convention().fits(s.cidr(), Role.GATEWAY)) {
          continue;
        }
        uplinks.put(h.name(), new Uplink(a.subnet(), a.address().get(), parent,
            network.convention().address(s.cidr(), Role.GATEWAY)));
        break;
      }
    }
    for (String r : routers) {
      // Up the uplinks to the top; a loop of uplinks has no top: its first router stands for it.
      List<String> seen = new ArrayList<>();
      String at = r;
      while (!seen.contains(at) && uplinks.containsKey(at)) {
        seen.add(at);
        at = uplinks.get(at).parent();
      }
      String top = seen.contains(at) ? routers.stream().filter(seen::contains).findFirst()
          .orElseThrow() : at;
      tops.put(r, top);
      if (root.equals(Optional.of(top)) && !seen.contains(at)) {
        linked.add(r);
      }
    }
  }

  private final Map<String, String> tops = new LinkedHashMap<>();

  /** The routing tree of {@code network} (numbered: host addresses are read as assigned). */
  public static Routing of(Network network) {
    return new Routing(network);
  }

  /** The hosts that route some subnet, in host order. */
  public List<String> routers() {
    return List.copyOf(routers);
  }

  /** The root router: it routes the way out, or is the first router. */
  public Optional<String> root() {
    return root;
  }

  /** How {@code router} reaches its parent; empty for the root and unlinked routers. */
  public Optional<Uplink> uplink(String router) {
    return Optional.ofNullable(uplinks.get(router));
  }

  /** The router holding {@code subnet}'s gateway, if any. */
  public Optional<String> routerOf(String subnet) {
    return Optional.ofNullable(routerOf.get(subnet));
  }

  /** Whether {@code router}'s uplinks lead to the root (the root is linked). */
  public boolean linked(String router) {
    return linked.contains(router);
  }

  /** Whether packets can flow between the two subnets: both routed, in one tree of routers. */
  public boolean connects(String subnet, String other) {
    return tree(subnet).isPresent() && tree(subnet).equals(tree(other));
  }

  /**
   * The tree of routers {@code subnet} is routed in, named by its top router (the root for the
   * tree with the way out); empty when no router routes it.
   */
  public Optional<String> tree(String subnet) {
    return Optional.ofNullable(routerOf.get(subnet)).map(tops::get);
  }

  /**
   * Whether {@code router} forwards traffic between the two subnets (or the internet, as
   * {@code null}): it is on the one path between their routers in the tree.
   */
  public boolean forwards(String router, String subnet, String other) {
    String a = subnet == null ? root.orElse(null) : routerOf.get(subnet);
    String b = other == null ? root.orElse(null) : routerOf.get(other);
    if (a == null || b == null) {
      return false;
    }
    List<String> up = ancestors(a);
    List<String> down = ancestors(b);
    for (String r : up) {
      if (down.contains(r)) {
        // r is where the two ways meet: the path is a..r and r..b.
        return up.subList(0, up.indexOf(r) + 1).contains(router)
            || down.subList(0, down.indexOf(r) + 1).contains(router);
      }
    }
    return false;
  }

  /** {@code router}, its parent, and so on up to its tree's top. */
  private List<String> ancestors(String router) {
    List<String> out = new ArrayList<>();
    String at = router;
    while (at != null && !out.contains(at)) {
      out.add(at);
      Uplink up = uplinks.get(at);
      at = up == null ? null : up.parent();
    }
    return out;
  }

  /** The subnets routed by {@code router}. */
  public List<String> routed(String router) {
    return routed.getOrDefault(router, List.of());
  }

  /** The routers whose uplink leads to {@code router}, in host order. */
  public List<String> children(String router) {
    List<String> out = new ArrayList<>();
    uplinks.forEach((r, u) -> {
      if (u.parent().equals(router)) {
        out.add(r);
      }
    });
    return out;
  }

  /** The subnets routed by {@code router} and every router below it, the router's first. */
  public List<String> below(String router) {
    List<String> out = new ArrayList<>(routed(router));
    Set<String> seen = new HashSet<>(List.of(router));
    List<String> queue = new ArrayList<>(children(router));
    while (!queue.isEmpty()) {
      String r = queue.remove(0);
      if (seen.add(r)) {
        out.addAll(routed(r));
        queue.addAll(children(r));
      }
    }
    return out;
  }
}
