package org.cimnet.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.Plans;

/** A rule the input chains imply, and the addresses it reaches when narrower than its end. */
record Infrastructure(Rule rule, Optional<AddressSet> to) {
  /**
   * What every host's input chain accepts besides its services: ping from each subnet it holds
   * an address in (to any of its addresses), and DNS (udp and tcp 53) from each subnet whose
   * nameserver it is (to that nameserver address). As rules to {@code host:NAME}, so that the
   * matrix shows them and assertions about hosts count them.
   */
  static List<Infrastructure> of(Network network) {
    List<Infrastructure> out = new ArrayList<>();
    List<Service> dns = List.of(Service.parse("udp/53"), Service.parse("tcp/53"));
    for (Host h : network.hosts()) {
      List<Ipv4Address> held = Plans.heldAddresses(network, h);
      Endpoint self = Endpoint.ofHost(h.name());
      for (String name : h.carriedSubnets()) {
        Optional<Subnet> s = network.subnet(name);
        if (s.isEmpty() || s.get().reserved()
            || held.stream().noneMatch(a -> s.get().cidr().contains(a))) {
          continue;
        }
        out.add(new Infrastructure(new Rule(Endpoint.ofSubnet(name), self,
            List.of(Service.parse("icmp"))), Optional.empty()));
        if (h.serves(name) && network.convention().fits(s.get().cidr(), Role.NAMESERVER)) {
          out.add(new Infrastructure(new Rule(Endpoint.ofSubnet(name), self, dns),
              Optional.of(AddressSet.of(network.convention().address(s.get().cidr(),
                  Role.NAMESERVER)))));
        }
      }
    }
    return out;
  }
}
