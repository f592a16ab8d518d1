package org.cimnet.core.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Watch;
import org.cimnet.testkit.gen.NetworkGenerator;
import org.cimnet.testkit.gen.NetworkGenerator.Spec;

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
      switch (random.nextInt(13)) {
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
        case 8 -> {
          if (!n.devices().isEmpty() && random.nextBoolean()) {
            b.removeDevice(n.devices().get(random.nextInt(n.devices().size())).name());
          } else {
            String name = "dev" + e + "-" + random.nextInt(1000);
            if (n.device(name).isEmpty()) {
              Device.Builder d = Device.builder(name, String.format("06:77:%02x:%02x:%02x:%02x",
                  random.nextInt(256), random.nextInt(256), random.nextInt(256),
                  random.nextInt(256)), random.nextBoolean() ? "ilo" : "workstation",
                  subnets.get(random.nextInt(subnets.size())).name());
              if (!n.spines().isEmpty() && random.nextBoolean()) {
                org.cimnet.core.model.Spine spine = n.spines().get(0);
                freePort(n, spine).ifPresent(p -> d.cable(spine.name(), p));
              }
              b.device(d);
            }
          }
        }
        case 9 -> {
          if (n.watch().isPresent() && random.nextBoolean()) {
            b.watch((Watch) null);
          } else {
            Watch.Builder w = Watch.builder().pollMillis(50 + random.nextInt(1000));
            w.enforce(subnets.get(random.nextInt(subnets.size())).name(),
                List.of("alert", "quarantine", "closed").get(random.nextInt(3)));
            if (random.nextBoolean()) {
              w.on("unauthorized", 1 + random.nextInt(60_000), "/usr/bin/logger", "-t",
                  "cimnet " + random.nextInt(100));
            }
            b.watch(w);
          }
        }
        case 10 -> {
          // The internet's upstream resolvers: none, one, or two in either order.
          if (n.internet().isPresent()) {
            List<String> upstream = new ArrayList<>(List.of("9.9.9.9", "149.112.112.112"));
            java.util.Collections.shuffle(upstream, random);
            b = n.toBuilder().forwarders(upstream.subList(0, random.nextInt(3))
                .toArray(String[]::new));
          }
        }
        case 11 -> {
          // A NIC's interface name on the machine: stated, or derived again.
          Host h = hosts.get(random.nextInt(hosts.size()));
          if (!h.nics().isEmpty()) {
            List<org.cimnet.core.model.Nic> nics = new ArrayList<>(h.nics());
            org.cimnet.core.model.Nic first = nics.get(0);
            nics.set(0, new org.cimnet.core.model.Nic(first.name(), first.mac(),
                random.nextBoolean() ? java.util.Optional.empty()
                    : java.util.Optional.of("up" + random.nextInt(100))));
            b.replaceHost(h.withNics(nics));
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

  /** A port of {@code spine} that no link or device takes, if one is left. */
  private static java.util.Optional<Integer> freePort(Network n, org.cimnet.core.model.Spine spine) {
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (org.cimnet.core.model.Link l : n.links()) {
      if (l instanceof org.cimnet.core.model.Link.Trunk t && t.spine().equals(spine.name())) {
        used.add(t.port());
      } else if (l instanceof org.cimnet.core.model.Link.Interconnect c) {
        if (c.spine().equals(spine.name())) {
          used.add(c.port());
        }
        if (c.otherSpine().equals(spine.name())) {
          used.add(c.otherPort());
        }
      }
    }
    n.devices().forEach(d -> d.cable().filter(c -> c.spine().equals(spine.name()))
        .ifPresent(c -> used.add(c.port())));
    for (int p = spine.ports(); p >= 1; p--) {
      if (!used.contains(p)) {
        return java.util.Optional.of(p);
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean unused(Network n, String subnet) {
    boolean inHost = n.hosts().stream().anyMatch(h -> h.carriedSubnets().contains(subnet)
        || h.addresses().stream().anyMatch(a -> a.subnet().equals(subnet)));
    boolean inContainer = n.containers().stream()
        .anyMatch(c -> c.attachment(subnet).isPresent());
    boolean inRule = n.rules().stream().anyMatch(r -> r.from().text().equals(subnet)
        || r.to().text().equals(subnet));
    boolean inInternet = n.internet().map(i -> i.via().equals(subnet)).orElse(false);
    boolean inInventory = n.devices().stream().anyMatch(d -> d.subnet().equals(subnet))
        || n.watch().map(w -> w.enforcement().containsKey(subnet)).orElse(false);
    return !inHost && !inContainer && !inRule && !inInternet && !inInventory;
  }
}
