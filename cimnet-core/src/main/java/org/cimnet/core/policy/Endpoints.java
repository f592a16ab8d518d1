package org.cimnet.core.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.Plans;

/**
 * What the endpoints of a network's rules stand for: a subnet or zone its addresses but the
 * hosts' own, a container its addresses, {@code host:NAME} the host's own addresses
 * ({@link Plans#heldAddresses}), the internet every address outside the private spaces (and the
 * supernet, if public). An endpoint that does not resolve stands for nothing and says why.
 * Memoised, so not thread-safe, like the {@link Policy} it belongs to.
 */
final class Endpoints {
  /** An endpoint's address set, or why it has none. */
  record Resolved(AddressSet set, String problem) {
    boolean ok() {
      return problem.isEmpty();
    }
  }

  private final Network network;
  private final Map<String, List<Subnet>> zones = new HashMap<>();
  /** Each host's own addresses, and all of them together. */
  private final Map<String, AddressSet> hostSets = new LinkedHashMap<>();
  private final AddressSet hostAddresses;
  private final AddressSet internet;
  private final Map<Endpoint, Resolved> resolved = new HashMap<>();

  Endpoints(Network network) {
    this.network = network;
    for (Host h : network.hosts()) {
      hostSets.put(h.name(), AddressSet.ofAddresses(Plans.heldAddresses(network, h)));
    }
    this.hostAddresses = AddressSet.unionAll(hostSets.values());
    for (Subnet s : network.subnets()) {
      zones.computeIfAbsent(s.zone(), z -> new ArrayList<>()).add(s);
    }
    AddressSet outside = AddressSet.PRIVATE.complement();
    this.internet = network.publicSupernet()
        ? outside.minus(AddressSet.of(network.supernet())) : outside;
  }

  /** Every host's own addresses, by host in declaration order. */
  Map<String, AddressSet> hostSets() {
    return hostSets;
  }

  /** The addresses the hosts hold, all together. */
  AddressSet hostAddresses() {
    return hostAddresses;
  }

  AddressSet internet() {
    return internet;
  }

  Resolved resolve(Endpoint endpoint) {
    Resolved known = resolved.get(endpoint);
    if (known != null) {
      return known;
    }
    Resolved r;
    if (endpoint instanceof Endpoint.OfSubnet s) {
      r = network.subnet(s.name())
          .map(n -> new Resolved(AddressSet.of(n.cidr()).minus(hostAddresses), ""))
          .orElse(new Resolved(AddressSet.empty(), "subnet '" + s.name() + "' is not declared"));
    } else if (endpoint instanceof Endpoint.OfZone z) {
      List<Subnet> members = zones.getOrDefault(z.name(), List.of());
      r = members.isEmpty()
          ? new Resolved(AddressSet.empty(), "zone '" + z.name() + "' has no subnet")
          : new Resolved(AddressSet.ofPrefixes(members.stream().map(Subnet::cidr).toList())
              .minus(hostAddresses), "");
    } else if (endpoint instanceof Endpoint.OfContainer c) {
      Optional<Container> found = network.container(c.name());
      if (found.isEmpty()) {
        r = new Resolved(AddressSet.empty(), "container '" + c.name() + "' is not declared");
      } else {
        List<Ipv4Address> addresses = found.get().attachments().stream()
            .flatMap(a -> a.address().stream()).toList();
        r = addresses.isEmpty()
            ? new Resolved(AddressSet.empty(), "container '" + c.name() + "' has no address")
            : new Resolved(AddressSet.ofAddresses(addresses), "");
      }
    } else if (endpoint instanceof Endpoint.OfHost h) {
      AddressSet set = hostSets.get(h.name());
      r = set == null ? new Resolved(AddressSet.empty(), "host '" + h.name() + "' is not declared")
          : set.isEmpty() ? new Resolved(set, "host '" + h.name() + "' holds no address")
          : new Resolved(set, "");
    } else {
      r = new Resolved(internet, "");
    }
    resolved.put(endpoint, r);
    return r;
  }
}
