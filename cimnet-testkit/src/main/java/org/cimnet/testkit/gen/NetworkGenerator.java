package org.cimnet.testkit.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;

/**
 * Builds a valid network of any size, by construction (no filtering): subnets carved in order
 * from a private supernet, hosts with leaves splitting those subnets among them (each host
 * routes and serves its own; s0 stretches to every host, which holds its address there, so
 * every router links to h0's, which routes the way out), every host
 * trunked to every spine (twice to a lone spine, so no single link failure cuts a host off),
 * containers spread over the subnets, rules between zones, and assertions the rules respect.
 *
 * <p>Shape: zones cycle {@code private}, {@code dmz}, {@code management}; every rule goes from a
 * private subnet to a dmz subnet, or from the internet to dmz, so {@code never(zone:dmz,
 * zone:private)} (declared when a dmz subnet exists) and {@code never(internet, zone:private)}
 * always hold. Containers are single-homed, except every {@code multiHomedEvery}-th, attached
 * to two private subnets of its host. The same {@link Spec} and seed always give the same network.
 */
public final class NetworkGenerator {
  private NetworkGenerator() {}

  /**
   * The size of a generated network.
   *
   * @param subnetPrefix the length of every subnet (24 gives 254 usable addresses)
   * @param containers at most 80 per cent of the subnets' assignable addresses are used
   */
  public record Spec(int hosts, int leavesPerHost, int subnets, int subnetPrefix, int containers,
      int rules, int spines, int multiHomedEvery, long seed) {
    public Spec {
      if (hosts < 1 || leavesPerHost < 1 || subnets < hosts * leavesPerHost || spines < 1) {
        throw new IllegalArgumentException("Spec " + hosts + " hosts x " + leavesPerHost
            + " leaves needs at least one subnet per leaf (got " + subnets + ") and a spine");
      }
      if (subnetPrefix < 16 || subnetPrefix > 29) {
        throw new IllegalArgumentException("Spec subnet prefix must be 16 to 29, got "
            + subnetPrefix);
      }
      if (hosts > (1 << (32 - subnetPrefix)) - 4) {
        throw new IllegalArgumentException("Spec: " + hosts + " hosts do not fit their addresses"
            + " in s0, a /" + subnetPrefix);
      }
      long capacity = capacity(hosts, leavesPerHost, subnets, subnetPrefix, multiHomedEvery);
      if (containers > capacity) {
        throw new IllegalArgumentException("Spec: " + containers + " containers do not fit in "
            + subnets + " /" + subnetPrefix + " subnets over " + hosts + " hosts (at most "
            + capacity + ")");
      }
    }

    /**
     * The most containers that fit. Containers go round-robin to hosts and evenly over each
     * host's subnets; every multi-homed one adds an address in one more subnet of its host, and
     * every host's own address sits in s0. The host with the fewest subnets bounds the whole.
     */
    public static long capacity(int hosts, int leavesPerHost, int subnets, int subnetPrefix,
        int multiHomedEvery) {
      int leafCount = hosts * leavesPerHost;
      long fewest = Long.MAX_VALUE;
      for (int h = 0; h < hosts; h++) {
        long count = 0;
        for (int l = h * leavesPerHost; l < (h + 1) * leavesPerHost; l++) {
          count += l < subnets ? (subnets - 1 - l) / leafCount + 1 : 0;
        }
        fewest = Math.min(fewest, count);
      }
      // Every host's own address is in s0: a bound for every subnet.
      long assignable = Math.max(0, (1L << (32 - subnetPrefix)) - 4 - hosts);
      // Largest k (per host) with ceil(k / fewest) + ceil(k / multiHomedEvery) <= assignable.
      long k = 0;
      long step = Long.highestOneBit(Math.max(1, assignable * fewest));
      for (; step > 0; step >>= 1) {
        long next = k + step;
        long load = (next + fewest - 1) / fewest
            + (multiHomedEvery > 0 ? (next + multiHomedEvery - 1) / multiHomedEvery : 0);
        if (load <= assignable) {
          k = next;
        }
      }
      long global = (long) subnets * ((1L << (32 - subnetPrefix)) - 4) * 8 / 10;
      return Math.min(global, k * hosts);
    }

    /**
     * The benchmark size: 4,093 subnets, 256 leaves, 100,000 containers, 20,000 rules. 4,093 is
     * the most subnets one fabric can give each its own VLAN: 802.1Q ids run 1 to 4094 and IPAM
     * leaves 1, the switches' default VLAN, alone.
     */
    public static Spec large() {
      return new Spec(64, 4, 4093, 24, 100_000, 20_000, 2, 50, 1);
    }

    public static Spec small(long seed) {
      return new Spec(2, 2, 6, 24, 20, 6, 2, 7, seed);
    }

    /** This spec with everything but spines multiplied by {@code factor}. */
    public Spec times(double factor) {
      return new Spec(Math.max(1, (int) (hosts * factor)), leavesPerHost,
          Math.max((int) (subnets * factor), (int) (hosts * factor) * leavesPerHost),
          subnetPrefix, (int) (containers * factor), (int) (rules * factor), spines,
          multiHomedEvery, seed);
    }
  }

  private static final String[] ZONES = {"private", "dmz", "management"};

  public static Network generate(Spec spec) {
    Random random = new Random(spec.seed());
    int supernetLength = supernetLength(spec);
    Prefix supernet = Prefix.parse(supernetLength >= 8 ? "10.0.0.0/" + supernetLength
        : "10.0.0.0/8");
    Network.Builder b = Network.builder("gen").domain("gen.internal").supernet(supernet);

    List<Subnet> subnets = new ArrayList<>();
    int index = 0;
    for (Prefix cidr : supernet.subnets(spec.subnetPrefix())) {
      if (index == spec.subnets()) {
        break;
      }
      String zone = ZONES[index % ZONES.length];
      Subnet s = Subnet.builder("s" + index, cidr.toString()).zone(zone).build();
      subnets.add(s);
      b.subnet(s);
      index++;
    }
    // Every host wires at least two NICs (one per spine, two to a lone spine), so no single
    // link failure cuts its leaves off; NIC n goes to spine n mod spines.
    int nicsPerHost = Math.max(2, spec.spines());
    int perSpine = (nicsPerHost + spec.spines() - 1) / spec.spines();
    for (int i = 0; i < spec.spines(); i++) {
      b.spine("spine" + (i + 1), spec.hosts() * Math.max(2, perSpine) + 2);
    }
    if (spec.spines() > 1) {
      for (int i = 0; i + 1 < spec.spines(); i++) {
        b.interconnect("spine" + (i + 1), 1, "spine" + (i + 2), 2);
      }
    }
    // Leaves split the subnets round-robin: leaf k (over all hosts) carries subnets k, k+L, ...
    int leafCount = spec.hosts() * spec.leavesPerHost();
    List<List<String>> subnetsOfHost = new ArrayList<>();
    for (int h = 0; h < spec.hosts(); h++) {
      Host.Builder host = Host.builder("h" + h);
      List<String> carried = new ArrayList<>();
      for (int l = 0; l < spec.leavesPerHost(); l++) {
        int leaf = h * spec.leavesPerHost() + l;
        List<String> names = new ArrayList<>();
        for (int s = leaf; s < subnets.size(); s += leafCount) {
          names.add(subnets.get(s).name());
        }
        carried.addAll(names);
        if (h > 0 && l == 0) {
          // s0 stretches to every host: its address there links its router to h0's.
          names.add(subnets.get(0).name());
        }
        host.leaf("leaf" + l, names);
      }
      if (h == 0) {
        host.router().nameserver();
      } else {
        host.router(carried.toArray(String[]::new)).nameserver(carried.toArray(String[]::new));
      }
      for (int n = 0; n < nicsPerHost; n++) {
        host.nic("eth" + n, String.format("52:54:%02x:%02x:%02x:%02x", (h >> 8) & 0xFF, h & 0xFF,
            n, 0x10));
      }
      host.address(subnets.get(0).name());
      b.host(host);
      subnetsOfHost.add(carried);
    }
    // Ports 1 and 2 are for interconnects; host h takes ports 3 + h * perSpine onwards.
    for (int h = 0; h < spec.hosts(); h++) {
      for (int n = 0; n < nicsPerHost; n++) {
        b.trunk("h" + h, "eth" + n, "spine" + (n % spec.spines() + 1),
            3 + h * perSpine + n / spec.spines());
      }
    }
    addContainers(b, spec, subnetsOfHost, random);
    addRules(b, spec, subnets, random);
    if (index > 0) {
      b.internet("203.0.113.10/24", "203.0.113.1", subnets.get(0).name())
          .forwarders("9.9.9.9", "149.112.112.112");
      // The operator deploys from the first subnet, as from the one the internet is reached by.
      b.deployFrom(subnets.get(0).name());
    }
    // Zones cycle from private, so a network of one subnet has no dmz: an assertion naming it
    // would be a dangling reference (ref.zone), not a property.
    if (subnets.stream().anyMatch(s -> s.zone().equals("dmz"))) {
      b.never("zone:dmz", "zone:private");
    }
    b.never("internet", "zone:private");
    return b.build();
  }

  private static int supernetLength(Spec spec) {
    int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, spec.subnets() - 1));
    return spec.subnetPrefix() - bits;
  }

  private static void addContainers(Network.Builder b, Spec spec, List<List<String>> byHost,
      Random random) {
    ContainerKind[] kinds = ContainerKind.values();
    // Room left per subnet: everything but the four reserved roles and, in s0, the hosts'.
    java.util.Map<String, Integer> room = new java.util.HashMap<>();
    int perSubnet = (1 << (32 - spec.subnetPrefix())) - 4;
    int hostCount = spec.hosts();
    for (List<String> carried : byHost) {
      for (String s : carried) {
        room.put(s, perSubnet - (s.equals("s0") ? hostCount : 0));
      }
    }
    for (int i = 0; i < spec.containers(); i++) {
      // Spread evenly: the i-th container goes to host i % hosts, to its next subnet with room.
      String subnet = null;
      int h = i % hostCount;
      for (int tryHost = 0; tryHost < hostCount && subnet == null; tryHost++) {
        h = (i + tryHost) % hostCount;
        List<String> carried = byHost.get(h);
        int start = (i / hostCount) % carried.size();
        for (int k = 0; k < carried.size(); k++) {
          String candidate = carried.get((start + k) % carried.size());
          if (room.get(candidate) > 0) {
            subnet = candidate;
            break;
          }
        }
      }
      if (subnet == null) {
        throw new IllegalStateException("Spec " + spec + " left no room for container c" + i);
      }
      room.merge(subnet, -1, Integer::sum);
      String first = subnet;
      Container.Builder c = Container.builder(kinds[random.nextInt(kinds.length)], "c" + i)
          .on("h" + h).attach(first);
      if (spec.multiHomedEvery() > 0 && i % spec.multiHomedEvery() == 0 && zoneOf(first) == 0) {
        // A second private subnet on the same host, so the path it makes stays inside private.
        byHost.get(h).stream().filter(s -> !s.equals(first) && zoneOf(s) == 0)
            .filter(s -> room.get(s) > 0).findFirst().ifPresent(second -> {
              room.merge(second, -1, Integer::sum);
              c.attach(second);
            });
      }
      b.container(c);
    }
  }

  /** The index in {@link #ZONES} of generated subnet {@code s<i>}. */
  private static int zoneOf(String subnet) {
    return Integer.parseInt(subnet.substring(1)) % ZONES.length;
  }

  private static void addRules(Network.Builder b, Spec spec, List<Subnet> subnets,
      Random random) {
    List<String> privates = subnets.stream().filter(s -> s.zone().equals("private"))
        .map(Subnet::name).toList();
    List<String> dmzs = subnets.stream().filter(s -> s.zone().equals("dmz")).map(Subnet::name)
        .toList();
    if (dmzs.isEmpty()) {
      return;
    }
    for (int r = 0; r < spec.rules(); r++) {
      String to = dmzs.get(random.nextInt(dmzs.size()));
      String port = "tcp/" + (1 + random.nextInt(65535));
      if (privates.isEmpty() || r % 10 == 0) {
        b.canConnect("internet", to, port);
      } else {
        b.canConnect(privates.get(random.nextInt(privates.size())), to, port);
      }
    }
  }
}
