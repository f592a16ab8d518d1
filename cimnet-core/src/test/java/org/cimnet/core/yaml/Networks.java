package org.cimnet.core.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.cimnet.core.gen.NetworkGenerator;
import org.cimnet.core.gen.NetworkGenerator.Spec;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Subnet;

/**
 * Small random valid networks for properties (core's tests cannot use cimnet-testkit, which
 * depends on core), and random edits of them.
 */
public final class Networks {
  private Networks() {}

  public static Arbitrary<Network> small() {
    return Combinators.combine(Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 8),
        Arbitraries.integers().between(1, 3), Arbitraries.longs())
        .as((hosts, leaves, extraSubnets, containers, rules, spines, seed) ->
            NetworkGenerator.generate(new Spec(hosts, leaves, hosts * leaves + extraSubnets, 26,
                containers, rules, spines, 5, seed)));
  }

  /** {@code n} changed by a few random edits (each keeps the network's references sound). */
  public static Network edit(Network n, long seed) {
    Random random = new Random(seed);
    int edits = 1 + random.nextInt(5);
    for (int e = 0; e < edits; e++) {
      Network.Builder b = n.toBuilder();
      List<Container> containers = n.containers();
      List<Subnet> subnets = n.subnets();
      List<Host> hosts = n.hosts();
      switch (random.nextInt(9)) {
        case 0 -> {
          Host h = hosts.get(random.nextInt(hosts.size()));
          if (!h.carriedSubnets().isEmpty()) {
            b.container(Container.builder(ContainerKind.values()[random.nextInt(5)],
                "x" + e + "-" + random.nextInt(1000)).on(h.name())
                .attach(h.carriedSubnets().get(0)));
          }
        }
        case 1 -> {
          if (!containers.isEmpty()) {
            String name = containers.get(random.nextInt(containers.size())).name();
            if (n.rules().stream().noneMatch(r -> r.toString().contains("container:" + name))) {
              b.removeContainer(name);
            }
          }
        }
        case 2 -> b.canConnect(subnets.get(random.nextInt(subnets.size())).name(),
            subnets.get(random.nextInt(subnets.size())).name(), "tcp/" + (1 + random.nextInt(
                65535)));
        case 3 -> {
          if (!n.rules().isEmpty()) {
            b.removeRule(n.rules().get(random.nextInt(n.rules().size())));
          }
        }
        case 4 -> {
          long base = n.supernet().last().toLong() + 1 + 64L * random.nextInt(100);
          String cidr = org.cimnet.core.addr.Ipv4Address.of(base) + "/26";
          String name = "new" + e + "-" + random.nextInt(1000);
          if (n.subnet(name).isEmpty()) {
            b.subnet(Subnet.builder(name, cidr).zone(random.nextBoolean() ? "dmz" : "private"));
          }
        }
        case 5 -> {
          // Remove a subnet nothing refers to, or else give one a VLAN.
          Subnet s = subnets.get(random.nextInt(subnets.size()));
          if (unused(n, s.name())) {
            b.removeSubnet(s.name());
          } else if (s.vlan().isEmpty()) {
            b.replaceSubnet(s.withVlan(2 + random.nextInt(4000)));
          }
        }
        case 6 -> {
          if (!containers.isEmpty() && hosts.size() > 1) {
            Container c = containers.get(random.nextInt(containers.size()));
            Host to = hosts.get(random.nextInt(hosts.size()));
            b.replaceContainer(new Container(c.name(), c.kind(), to.name(), c.attachments(),
                c.publishes()));
          }
        }
        case 7 -> {
          if (!n.assertions().isEmpty()) {
            b.removeAssertion(n.assertions().get(0));
          } else {
            b.never("internet", "zone:private");
          }
        }
        default -> {
          List<Rule> rules = new ArrayList<>(n.rules());
          if (rules.size() > 1) {
            b.removeRule(rules.get(0));
            b.rule(rules.get(0));
          }
        }
      }
      n = b.build();
    }
    return n;
  }

  private static boolean unused(Network n, String subnet) {
    boolean inHost = n.hosts().stream().anyMatch(h -> h.carriedSubnets().contains(subnet)
        || h.addresses().stream().anyMatch(a -> a.subnet().equals(subnet)));
    boolean inContainer = n.containers().stream()
        .anyMatch(c -> c.attachment(subnet).isPresent());
    boolean inRule = n.rules().stream().anyMatch(r -> r.from().text().equals(subnet)
        || r.to().text().equals(subnet));
    boolean inInternet = n.internet().map(i -> i.via().equals(subnet)).orElse(false);
    return !inHost && !inContainer && !inRule && !inInternet;
  }
}
