package org.cimnet.lab;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;
import org.cimnet.core.model.Subnet;

/**
 * The expectation read directly from the network's rules, the same semantics the checker proves:
 * <ul>
 *   <li>two addresses in one subnet are switched, not routed: always open;
 *   <li>across subnets, and to the internet, a connection is open iff a {@code can_connect} rule
 *       covers source, destination and service (rules are stateful: replies always flow);
 *   <li>the internet opens connections where a rule lets it; on the public address it reaches
 *       the container that publishes the service (the lab's upstream also routes the private
 *       addresses to the public one, so the firewall, not the provider, must keep them closed);
 *   <li>a host's own addresses accept a TCP service exactly where a rule to {@code host:NAME}
 *       (declared, or the default ssh from the management zone and the deploy subnet) covers
 *       the source and the service; DNS is checked by name resolution.
 * </ul>
 */
public final class RuleExpectation implements Expectation {
  private final Network network;
  private final Map<String, String> zones;

  public RuleExpectation(Network network) {
    this.network = network;
    this.zones = network.subnets().stream()
        .collect(Collectors.toMap(Subnet::name, Subnet::zone));
  }

  @Override
  public Verdict tcp(Node from, Node to, Service service) {
    switch (to.kind()) {
      case GATEWAY: {
        Endpoint self = Endpoint.ofHost(to.name());
        return network.effectiveRules().stream().filter(r -> r.to().equals(self)
            && covers(r.from(), from) && r.services().stream().anyMatch(service::within))
            .findFirst().map(r -> Verdict.open(to.identity(), r.toString()))
            .orElseGet(() -> Verdict.closed("no service of host " + to.name() + " allows it"));
      }
      case PUBLIC:
        if (from.kind() != Node.Kind.INTERNET) {
          return Verdict.closed("only the internet is probed on the public address");
        }
        for (Container c : network.containers()) {
          if (c.publishes().stream().anyMatch(service::within)) {
            Node target = new Node(Node.Kind.CONTAINER, c.name(),
                c.attachments().get(0).subnet(), to.address());
            Optional<Rule> rule = rule(from, target, service);
            return rule.map(r -> Verdict.open(c.name(), c.name() + " publishes " + service
                + "; " + r)).orElseGet(() -> Verdict.closed(c.name() + " publishes " + service
                + " but no rule lets the internet open it"));
          }
        }
        return Verdict.closed("no container publishes " + service);
      default:
        break;
    }
    if (from.kind() == Node.Kind.CONTAINER && to.kind() == Node.Kind.CONTAINER
        && from.subnet().equals(to.subnet())) {
      return Verdict.open(to.identity(), "same subnet " + to.subnet() + " (switched, no firewall)");
    }
    return rule(from, to, service).map(r -> Verdict.open(to.identity(), r.toString()))
        .orElseGet(() -> Verdict.closed("no rule allows it"));
  }

  private Optional<Rule> rule(Node from, Node to, Service service) {
    return network.rules().stream().filter(r -> covers(r.from(), from) && covers(r.to(), to)
        && r.services().stream().anyMatch(service::within)).findFirst();
  }

  private boolean covers(Endpoint endpoint, Node node) {
    if (endpoint instanceof Endpoint.OfInternet) {
      return node.kind() == Node.Kind.INTERNET;
    }
    if (node.kind() == Node.Kind.INTERNET) {
      return false;
    }
    if (endpoint instanceof Endpoint.OfSubnet s) {
      return s.name().equals(node.subnet());
    }
    if (endpoint instanceof Endpoint.OfZone z) {
      return z.name().equals(zones.get(node.subnet()));
    }
    if (endpoint instanceof Endpoint.OfContainer c) {
      return node.kind() == Node.Kind.CONTAINER && c.name().equals(node.name());
    }
    return false;
  }
}
