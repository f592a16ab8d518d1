package org.cimnet.core.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cimnet.core.model.Assertion;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;
import org.cimnet.core.model.Subnet;

/**
 * References and placement: every name a container, host address, rule, assertion or the
 * internet uses exists; containers and host addresses sit on subnets their host's leaves carry;
 * one router and one nameserver per subnet; published services are allowed and distinct.
 * (Leaf subnets and links are checked with the fabric, in {@link TopologyRules}.)
 */
final class ReferenceRules {
  private ReferenceRules() {}

  static void check(Facts f, Findings out) {
    containers(f, out);
    hostAddresses(f, out);
    rolesPerSubnet(f, out);
    f.network.internet().ifPresent(i -> via(f, i, out));
    endpoints(f, out);
    hostServices(f, out);
    published(f, out);
  }

  private static void containers(Facts f, Findings out) {
    for (Container c : f.containers) {
      String self = "Container '" + c.name() + "'";
      boolean placed = f.hostByName.containsKey(c.host());
      if (!placed) {
        out.error(ProblemIds.REF_HOST, "containers[" + c.name() + "].host",
            self + ": host '" + c.host() + "' is not declared");
      }
      for (Attachment a : c.attachments()) {
        String path = "containers[" + c.name() + "].attachments[" + a.subnet() + "]";
        Subnet subnet = f.subnetByName.get(a.subnet());
        if (subnet == null) {
          out.error(ProblemIds.REF_SUBNET, path,
              self + ": subnet '" + a.subnet() + "' is not declared");
        } else if (subnet.reserved()) {
          out.error(ProblemIds.CONTAINER_SUBNET_NOT_CARRIED, path, self + ": subnet '"
              + a.subnet() + "' is reserved, so no leaf carries it yet: attach to a carried"
              + " subnet, or drop reserved() from '" + a.subnet() + "'");
        } else if (placed && !f.carries(c.host(), a.subnet())) {
          out.error(ProblemIds.CONTAINER_SUBNET_NOT_CARRIED, path, self + ": subnet '"
              + a.subnet() + "' is carried by no leaf of its host '" + c.host() + "': add '"
              + a.subnet() + "' to a leaf of '" + c.host() + "', or place the container on a"
              + " host that carries it");
        }
      }
    }
  }

  private static void hostAddresses(Facts f, Findings out) {
    for (Host h : f.hosts) {
      String self = "Host '" + h.name() + "'";
      for (HostAddress a : h.addresses()) {
        String path = "hosts[" + h.name() + "].addresses[" + a.subnet() + "]";
        Subnet subnet = f.subnetByName.get(a.subnet());
        if (subnet == null) {
          out.error(ProblemIds.REF_SUBNET, path,
              self + ": has an address in subnet '" + a.subnet() + "', which is not declared");
        } else if (subnet.reserved()) {
          out.error(ProblemIds.HOST_ADDRESS_NOT_CARRIED, path, self + ": has an address in subnet '"
              + a.subnet() + "', which is reserved, so no leaf carries it yet: drop the address,"
              + " or drop reserved() from '" + a.subnet() + "'");
        } else if (!f.carries(h.name(), a.subnet())) {
          out.error(ProblemIds.HOST_ADDRESS_NOT_CARRIED, path, self + ": has an address in subnet '"
              + a.subnet() + "', but none of its leaves carries '" + a.subnet() + "': add '"
              + a.subnet() + "' to a leaf of '" + h.name() + "'");
        }
      }
    }
  }

  /** At most one router and one nameserver per subnet: .1 and .254 are single addresses. */
  private static void rolesPerSubnet(Facts f, Findings out) {
    Map<String, List<String>> routers = new LinkedHashMap<>();
    Map<String, List<String>> nameservers = new LinkedHashMap<>();
    for (Host h : f.hosts) {
      for (String s : f.carried.get(h.name())) {
        if (h.routes(s)) {
          routers.computeIfAbsent(s, k -> new ArrayList<>()).add(h.name());
        }
        if (h.serves(s)) {
          nameservers.computeIfAbsent(s, k -> new ArrayList<>()).add(h.name());
        }
      }
    }
    for (Subnet s : f.subnets) {
      role(f, s, routers.get(s.name()), Role.GATEWAY, ProblemIds.SUBNET_ROUTERS, "route", "router",
          out);
      role(f, s, nameservers.get(s.name()), Role.NAMESERVER, ProblemIds.SUBNET_NAMESERVERS,
          "serve DNS on", "nameserver", out);
    }
  }

  private static void role(Facts f, Subnet s, List<String> hosts, Role role, String rule,
      String verb, String mark, Findings out) {
    if (hosts == null || hosts.size() < 2) {
      return;
    }
    String address = f.network.convention().fits(s.cidr(), role)
        ? " " + f.network.convention().address(s.cidr(), role) : "";
    out.error(rule, "subnets[" + s.name() + "]", "Subnet '" + s.name() + "': hosts "
        + Facts.quoteAll(hosts) + (hosts.size() == 2 ? " both " : " all ") + verb
        + " it, but its " + role.key() + address
        + " is one address: name it in only one host's " + mark + "('" + s.name()
        + "', ..) and list the subnets each of the others holds in its own " + mark + "(..)");
  }

  private static void via(Facts f, Internet internet, Findings out) {
    Subnet via = f.subnetByName.get(internet.via());
    if (via == null) {
      out.error(ProblemIds.REF_SUBNET, "internet.via", "Internet: via subnet '" + internet.via()
          + "' is not declared");
      return;
    }
    boolean routed = f.hosts.stream().anyMatch(h -> h.routes(internet.via())
        && f.carries(h.name(), internet.via()));
    if (!routed) {
      out.error(ProblemIds.INTERNET_VIA_UNROUTED, "internet.via", "Internet: via subnet '"
          + internet.via() + "' is carried by no router, so no host holds the public address"
          + (via.reserved() ? " (the subnet is reserved)" : "") + ": mark a host whose leaves"
          + " carry '" + internet.via() + "' router() or router('" + internet.via() + "')");
    }
  }

  private static void endpoints(Facts f, Findings out) {
    List<Rule> rules = f.network.rules();
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      String self = "Rule " + r;
      endpoint(f, r.from(), "rules[" + i + "].from", self, true, out);
      endpoint(f, r.to(), "rules[" + i + "].to", self, true, out);
      source(r.from(), "rules[" + i + "].from", self, out);
    }
    List<Assertion> assertions = f.network.assertions();
    for (int i = 0; i < assertions.size(); i++) {
      Assertion a = assertions.get(i);
      String self = "Assertion " + a;
      endpoint(f, a.from(), "assertions[" + i + "].from", self, false, out);
      endpoint(f, a.to(), "assertions[" + i + "].to", self, false, out);
      source(a.from(), "assertions[" + i + "].from", self, out);
    }
  }

  /** A host is only ever a destination: what it opens itself leaves unfiltered. */
  private static void source(Endpoint from, String path, String self, Findings out) {
    if (from instanceof Endpoint.OfHost h) {
      out.error(ProblemIds.ENDPOINT_HOST_SOURCE, path, self + ": opens from 'host:" + h.name()
          + "', but a host's own connections leave unfiltered, so no rule or assertion can"
          + " speak for them: use host:NAME only as a destination (a service of the host)");
    }
  }

  /**
   * The subnet the operator deploys from exists, and every host can be reached over ssh (a
   * host nobody may ssh to locks its operator out on the first switch over ssh).
   */
  private static void hostServices(Facts f, Findings out) {
    f.network.deployFrom().ifPresent(d -> {
      if (!f.subnetByName.containsKey(d)) {
        out.error(ProblemIds.REF_SUBNET, "deploy_from", "Network '" + f.network.name()
            + "': deploy_from subnet '" + d + "' is not declared");
      }
    });
    List<Rule> rules = f.network.effectiveRules();
    for (Host h : f.hosts) {
      Endpoint self = Endpoint.ofHost(h.name());
      boolean ssh = rules.stream().anyMatch(r -> r.to().equals(self) && reaches(f, r.from())
          && r.services().stream().anyMatch(Network.SSH::within));
      if (!ssh) {
        out.warn(ProblemIds.WARN_HOST_NO_SSH, "hosts[" + h.name() + "]", "Host '" + h.name()
            + "': no subnet may open ssh (tcp/22) to it, so the first switch over ssh cuts"
            + " the session: name the subnet you deploy from (deploy_from), put a subnet in"
            + " zone '" + Network.MANAGEMENT_ZONE + "', or add can_connect(SUBNET, host:"
            + h.name() + ", tcp/22)");
      }
    }
  }

  /** Whether some address may really open from {@code from} (a reserved subnet is not carried). */
  private static boolean reaches(Facts f, Endpoint from) {
    if (from instanceof Endpoint.OfSubnet s) {
      return f.subnetByName.containsKey(s.name()) && !f.subnetByName.get(s.name()).reserved();
    }
    if (from instanceof Endpoint.OfZone z) {
      return f.network.zone(z.name()).stream().anyMatch(s -> !s.reserved());
    }
    if (from instanceof Endpoint.OfContainer c) {
      return f.network.container(c.name()).isPresent();
    }
    return from instanceof Endpoint.OfInternet && f.network.internet().isPresent();
  }

  private static void endpoint(Facts f, Endpoint e, String path, String self, boolean rule,
      Findings out) {
    if (e instanceof Endpoint.OfSubnet s) {
      Subnet subnet = f.subnetByName.get(s.name());
      if (subnet == null) {
        out.error(ProblemIds.REF_SUBNET, path, self + ": subnet '" + s.name()
            + "' is not declared");
      } else if (rule && subnet.reserved()) {
        out.warn(ProblemIds.WARN_RULE_RESERVED_SUBNET, path, self + ": subnet '" + s.name()
            + "' is reserved, so no leaf carries it yet: the rule takes effect once it is");
      }
    } else if (e instanceof Endpoint.OfZone z) {
      if (!f.zones.contains(z.name())) {
        out.error(ProblemIds.REF_ZONE, path, self + ": no subnet is in zone '" + z.name()
            + "': declare one there, or name a zone that has subnets");
      }
    } else if (e instanceof Endpoint.OfContainer c) {
      if (f.network.container(c.name()).isEmpty()) {
        out.error(ProblemIds.REF_CONTAINER, path, self + ": container '" + c.name()
            + "' is not declared");
      }
    } else if (e instanceof Endpoint.OfHost h) {
      if (!f.hostByName.containsKey(h.name())) {
        out.error(ProblemIds.REF_HOST, path, self + ": host '" + h.name() + "' is not declared");
      }
    } else if (f.network.internet().isEmpty()) {
      out.error(ProblemIds.INTERNET_UNDECLARED, path, self + ": names the internet, but the"
          + " network declares no way out: call internet(publicAddress, gateway, via)");
    }
  }

  /** A public port a container publishes, for the overlap sweep. */
  private record Published(Service.Protocol protocol, int from, int to, Container container,
      Service service) {}

  private static void published(Facts f, Findings out) {
    Map<Endpoint, List<Rule>> fromInternet = new HashMap<>();
    for (Rule r : f.network.rules()) {
      if (r.from() instanceof Endpoint.OfInternet) {
        fromInternet.computeIfAbsent(r.to(), k -> new ArrayList<>()).add(r);
      }
    }
    List<Published> ports = new ArrayList<>();
    for (Container c : f.containers) {
      if (c.publishes().isEmpty()) {
        continue;
      }
      List<Rule> reaching = new ArrayList<>(
          fromInternet.getOrDefault(Endpoint.ofContainer(c.name()), List.of()));
      for (Attachment a : c.attachments()) {
        reaching.addAll(fromInternet.getOrDefault(Endpoint.ofSubnet(a.subnet()), List.of()));
        Optional.ofNullable(f.subnetByName.get(a.subnet())).ifPresent(s -> reaching.addAll(
            fromInternet.getOrDefault(Endpoint.ofZone(s.zone()), List.of())));
      }
      for (Service p : c.publishes()) {
        boolean allowed = reaching.stream().flatMap(r -> r.services().stream())
            .anyMatch(p::within);
        if (!allowed) {
          out.error(ProblemIds.PUBLISH_NO_RULE, "containers[" + c.name() + "].publishes[" + p
              + "]", "Container '" + c.name() + "': publishes '" + p + "', but no rule lets"
              + " the internet reach it: add can_connect(internet, container:" + c.name()
              + ", " + p + "), or such a rule to its subnet or zone");
        }
        if (p.protocol() == Service.Protocol.ANY) {
          for (Service.Protocol proto : List.of(Service.Protocol.TCP, Service.Protocol.UDP,
              Service.Protocol.ICMP)) {
            ports.add(new Published(proto, 0, 65535, c, p));
          }
        } else {
          ports.add(new Published(p.protocol(), p.fromPort(), p.toPort(), c, p));
        }
      }
    }
    // Sorted by protocol and first port, a range clashes iff it starts before the widest end.
    ports.sort(Comparator.comparing(Published::protocol).thenComparingInt(Published::from)
        .thenComparingInt(Published::to));
    List<Published[]> clashes = new ArrayList<>();
    Published widest = null;
    for (Published p : ports) {
      if (widest != null && widest.protocol() == p.protocol()) {
        if (p.from() <= widest.to() && widest.container() != p.container()) {
          clashes.add(new Published[] {widest, p});
        }
        if (p.to() > widest.to()) {
          widest = p;
        }
      } else {
        widest = p;
      }
    }
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < f.containers.size(); i++) {
      order.put(f.containers.get(i).name(), i);
    }
    Set<String> said = new HashSet<>();
    for (Published[] pair : clashes) {
      // Report on the container declared later, naming the one declared first.
      boolean swap = order.get(pair[0].container().name())
          > order.get(pair[1].container().name());
      Published first = swap ? pair[1] : pair[0];
      Published later = swap ? pair[0] : pair[1];
      String path = "containers[" + later.container().name() + "].publishes[" + later.service()
          + "]";
      if (said.add(path + "/" + first.container().name())) {
        out.error(ProblemIds.PUBLISH_CONFLICT, path, "Container '" + later.container().name()
            + "': publishes '" + later.service() + "', but container '"
            + first.container().name() + "' already publishes '" + first.service()
            + "' on the public address: a public port forwards to one container");
      }
    }
  }
}
