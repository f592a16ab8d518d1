package org.cimnet.core.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.routing.Routing;

/**
 * Placement: the subnets a host names in {@code router(..)} and {@code nameserver(..)} are ones
 * it carries; every subnet with containers has a gateway; every host is reachable (an address,
 * a default route, a resolver).
 */
final class PlacementRules {
  private PlacementRules() {}

  static void check(Facts f, Findings out) {
    named(f, out);
    unrouted(f, out);
    unreachable(f, out);
    Routing routing = Routing.of(f.network);
    foreignNameservers(f, routing, out);
    unlinked(f, routing, out);
  }

  /**
   * A router holding the nameserver address of a subnet another router routes would be on that
   * subnet's segment: it would forward into it directly while the replies went back through its
   * gateway, so neither firewall would see whole connections.
   */
  private static void foreignNameservers(Facts f, Routing routing, Findings out) {
    for (Host h : f.hosts) {
      if (routing.routed(h.name()).isEmpty()) {
        continue;
      }
      for (String s : h.servedSubnets()) {
        Optional<String> router = routing.routerOf(s);
        if (h.routes(s) || router.isEmpty()) {
          continue;
        }
        out.error(ProblemIds.ROUTER_FOREIGN_NAMESERVER, "hosts[" + h.name() + "].nameserver",
            "Host '" + h.name() + "': routes " + Facts.quoteAll(routing.routed(h.name()))
                + " and serves DNS for subnet '" + s + "', which '" + router.get() + "' routes:"
                + " on '" + s + "' it would forward around '" + router.get() + "', whose"
                + " replies come back the other way, so neither firewall sees whole"
                + " connections: serve '" + s + "' from '" + router.get() + "' or from a host"
                + " that routes nothing");
      }
    }
  }

  /** A router whose uplinks do not lead to the root: its subnets reach no other router's. */
  private static void unlinked(Facts f, Routing routing, Findings out) {
    if (routing.root().isEmpty()) {
      return;
    }
    String root = routing.root().get();
    for (String r : routing.routers()) {
      if (routing.linked(r)) {
        continue;
      }
      out.warn(ProblemIds.WARN_ROUTER_UNLINKED, "hosts[" + r + "]", "Host '" + r + "' routes "
          + Facts.quoteAll(routing.routed(r)) + " but holds no address of its own in a subnet"
          + " that a router linked to '" + root + "' routes, so no traffic flows between its"
          + " subnets and " + Facts.quoteAll(routing.routed(root)) + " (the prover agrees): give"
          + " it address(\"<subnet>\") in a subnet such as '" + routing.routed(root).get(0)
          + "' that it carries");
    }
  }

  private static void named(Facts f, Findings out) {
    for (Host h : f.hosts) {
      named(f, h, "router", h.routed(), out);
      named(f, h, "nameserver", h.served(), out);
    }
  }

  private static void named(Facts f, Host h, String role, List<String> subnets, Findings out) {
    for (int i = 0; i < subnets.size(); i++) {
      String s = subnets.get(i);
      String path = "hosts[" + h.name() + "]." + role + "[" + i + "]";
      String self = "Host '" + h.name() + "'";
      Subnet subnet = f.subnetByName.get(s);
      if (subnet == null) {
        out.error(ProblemIds.REF_SUBNET, path, self + ": " + role + " names subnet '" + s
            + "', which is not declared");
      } else if (!f.carries(h.name(), s)) {
        out.error(ProblemIds.HOST_PLACEMENT_NOT_CARRIED, path, self + ": " + role
            + " names subnet '" + s + "', but " + (subnet.reserved()
                ? "'" + s + "' is reserved, so no leaf carries it yet"
                : "none of its leaves carries '" + s + "'")
            + ": add '" + s + "' to a leaf of '" + h.name() + "', or drop it from " + role
            + "(..)");
      }
    }
  }

  /** Per subnet, the hosts routing it, in host order. */
  private static Map<String, List<String>> routers(Facts f) {
    Map<String, List<String>> routers = new LinkedHashMap<>();
    for (Host h : f.hosts) {
      for (String s : f.carried.get(h.name())) {
        if (h.routes(s)) {
          routers.computeIfAbsent(s, k -> new ArrayList<>()).add(h.name());
        }
      }
    }
    return routers;
  }

  /**
   * A subnet with containers and no gateway where the network routes others: its containers
   * could reach nothing outside it. (A network without any router is switched only.)
   */
  private static void unrouted(Facts f, Findings out) {
    Map<String, List<String>> routers = routers(f);
    if (routers.isEmpty()) {
      return;
    }
    Map<String, List<String>> attached = new LinkedHashMap<>();
    for (Container c : f.containers) {
      for (Attachment a : c.attachments()) {
        attached.computeIfAbsent(a.subnet(), k -> new ArrayList<>()).add(c.name());
      }
    }
    for (Subnet s : f.subnets) {
      List<String> containers = attached.get(s.name());
      if (s.reserved() || containers == null || routers.containsKey(s.name())) {
        continue;
      }
      List<String> carriers = f.hosts.stream().filter(h -> f.carries(h.name(), s.name()))
          .map(Host::name).toList();
      String shown = containers.size() > 3
          ? Facts.quoteAll(containers.subList(0, 3)) + " and " + (containers.size() - 3)
              + " more"
          : Facts.quoteAll(containers);
      out.error(ProblemIds.SUBNET_UNROUTED, "subnets[" + s.name() + "]", "Subnet '" + s.name()
          + "': no host routes it, so its containers (" + shown + ") have no gateway and"
          + " reach nothing outside '" + s.name() + "': "
          + (carriers.isEmpty() ? "carry '" + s.name() + "' on a leaf of a router host and"
              + " mark it router('" + s.name() + "')"
              : "mark one of the hosts that carry it (" + Facts.quoteAll(carriers)
                  + ") router('" + s.name() + "')"));
    }
  }

  /**
   * A host must hold an address, reach a gateway and have a resolver after a deploy: a gateway
   * where the network has routers, a resolver where it has nameservers.
   */
  private static void unreachable(Facts f, Findings out) {
    Map<String, List<String>> routers = routers(f);
    Set<String> served = new TreeSet<>();
    for (Host h : f.hosts) {
      served.addAll(h.servedSubnets());
    }
    for (Host h : f.hosts) {
      // The subnets where the host holds an address of its own or its nameserver's.
      List<String> own = new ArrayList<>();
      for (HostAddress a : h.addresses()) {
        if (a.address().isPresent() && f.carries(h.name(), a.subnet())) {
          own.add(a.subnet());
        }
      }
      h.servedSubnets().stream().filter(s -> !own.contains(s)).forEach(own::add);
      boolean router = !h.routedSubnets().isEmpty();
      boolean nameserver = !h.servedSubnets().isEmpty();
      List<String> missing = new ArrayList<>();
      if (own.isEmpty() && !router) {
        missing.add("no address (it carries no subnet of zone 'management' to get one from)");
      } else {
        if (!router && !routers.isEmpty() && own.stream().noneMatch(routers::containsKey)) {
          missing.add("no default route (no host routes " + Facts.quoteAll(own) + ")");
        }
        if (!nameserver && !served.isEmpty() && own.stream().noneMatch(served::contains)
            && h.routedSubnets().stream().noneMatch(served::contains)) {
          missing.add("no resolver (no host serves DNS for a subnet where it has an address)");
        }
      }
      if (!missing.isEmpty()) {
        out.error(ProblemIds.HOST_UNREACHABLE, "hosts[" + h.name() + "]", "Host '" + h.name()
            + "': " + String.join("; ", missing) + ", so after a deploy it is reachable only"
            + " from a console: give it address(\"<subnet>\") in a subnet some host routes and"
            + " serves, or mark it router");
      }
    }
  }
}
