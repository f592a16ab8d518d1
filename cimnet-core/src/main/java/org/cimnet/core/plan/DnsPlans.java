package org.cimnet.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.DnsPlan.Access;
import org.cimnet.core.plan.DnsPlan.Action;
import org.cimnet.core.plan.DnsPlan.Delegation;
import org.cimnet.core.plan.DnsPlan.Record;
import org.cimnet.core.plan.DnsPlan.Zone;
import org.cimnet.core.plan.DnsPlan.ZoneType;
import org.cimnet.core.plan.InterfacePlan.InterfaceAddress;
import org.cimnet.core.plan.InterfacePlan.Purpose;
import org.cimnet.core.routing.Routing;

/**
 * Builds the {@link DnsPlan} of every nameserver host from one validated network's names and
 * host plans.
 *
 * <p><b>Who serves what.</b> A subnet is served by the host holding its nameserver address
 * (its {@code .254}); that host alone holds the subnet's A records, so the configuration grows
 * with the names, not with names times nameservers. Every other nameserver reaches the subnet's
 * zone {@code <subnet>.<domain>} through a {@link DnsPlan.Delegation} to that address, with a
 * transparent local zone so the domain-wide static zone does not answer for it. Names in the
 * domain that no subnet holds still answer NXDOMAIN locally, and a delegated zone answers
 * NXDOMAIN at its server, so nothing of the domain leaks upstream. A subnet no nameserver serves
 * (no host holds its nameserver address) is held by every nameserver, as are its reverse blocks.
 *
 * <p><b>Hubs.</b> Were every nameserver to list every other subnet's zone, the configuration
 * would grow with subnets times nameservers (64 x 4,093 forward zones twice over for
 * {@code Spec.large()}). So only the first {@value #HUBS} nameservers holding a nameserver
 * address (host order), the hubs, know every zone's server: each holds the domain (static),
 * its own subnets' records, and a delegation per other subnet zone and reverse block. Every
 * other nameserver holds its own subnets' zones (static) and delegates the rest of the domain
 * and the supernet's reverse zones to both hubs, which forward on: one more hop (cached by the
 * hub) for output that grows with the names. With one nameserver nothing is delegated, and
 * its plan is the whole network as before.
 *
 * <p>Nameservers ask each other from their first nameserver address ({@link DnsPlan#outgoing});
 * each allows its peers' addresses to ask (a hub recurses for the others). The zones,
 * delegations and records are computed once and shared by all plans.
 *
 * <p><b>Reverse zones.</b> Each subnet's block is covered by zones on octet boundaries, because
 * an {@code in-addr.arpa} label is one octet:
 * <ul>
 *   <li>a /24 gets {@code Z.Y.X.in-addr.arpa}; a /16 gets {@code Y.X.in-addr.arpa}; a /8 gets
 *       {@code X.in-addr.arpa};
 *   <li>a block between octet boundaries (say a /21) gets one zone per block of the next longer
 *       boundary (eight /24 zones), so no zone reaches outside the subnet;
 *   <li>a block longer than /24 (say a /26) gets its enclosing /24 zone: Unbound serves local
 *       data, not delegations, so RFC 2317 classless zones would buy nothing here, and the
 *       enclosing zone is shared by every subnet in that /24 (listed once).
 * </ul>
 * A reverse block is served by every host serving a subnet in it: a /24 shared by /26 subnets
 * of two hosts is held whole (all its PTRs, at most 256) by both, and the others forward it to
 * both. A zone whose block lies inside the supernet is {@code static}: every address in it is
 * cimnet's to name, so unnamed addresses answer NXDOMAIN and nothing leaks upstream. A zone
 * reaching outside the supernet (a /26 subnet of a /25 supernet) is {@code transparent}, so the
 * foreign part of its block still resolves normally.
 */
public final class DnsPlans {
  /** The time to live of every record: short, because containers come and go. */
  public static final int DEFAULT_TTL = 300;
  /** The loopback block, always allowed and always listened on (127.0.0.1). */
  public static final Prefix LOOPBACK = Prefix.parse("127.0.0.0/8");
  /** The address Unbound listens on for the host itself. */
  public static final Ipv4Address LOCALHOST = Ipv4Address.parse("127.0.0.1");
  private static final Prefix EVERYTHING = Prefix.parse("0.0.0.0/0");
  /** How many nameservers know every zone's server (the others ask them): two, for redundancy. */
  public static final int HUBS = 2;

  private DnsPlans() {}

  /**
   * One plan per nameserver host, in host order ({@code ValidatedNetwork.dnsPlans(forwarders)}
   * passes a validated network's own names and host plans).
   *
   * @param names every DNS name the network implies ({@link Naming#records})
   * @param hostPlans the network's host plans
   * @param forwarders the upstream resolvers; empty: names outside the zones are refused. With
   *     several nameservers only the one on the router of the way out asks them; the others
   *     forward names outside the zones to it
   * @throws IllegalStateException if an address has two names or a name two addresses (the
   *     checker's {@code dns.ptr} and {@code name.duplicate} rules report these first)
   */
  public static Map<String, DnsPlan> of(Network network, List<Naming.NameRecord> names,
      Map<String, HostPlan> hostPlans, List<Ipv4Address> forwarders) {
    Map<String, List<InterfacePlan>> nameservers = new LinkedHashMap<>();
    for (HostPlan host : hostPlans.values()) {
      if (host.nameserver()) {
        nameservers.put(host.host(), host.interfaces());
      }
    }
    return build(network, names, forwarders, nameservers);
  }

  /** The plans of the nameserver hosts, given their L3 interfaces in host order. */
  private static Map<String, DnsPlan> build(Network network, List<Naming.NameRecord> names,
      List<Ipv4Address> forwarders, Map<String, List<InterfacePlan>> nameservers) {
    Objects.requireNonNull(forwarders, "forwarders == null");
    String domain = network.domain();

    // Who serves each subnet: the host holding its nameserver address (at most one: the
    // checker's subnet.nameservers rule). A subnet nobody serves is held by every nameserver.
    Map<String, String> server = new HashMap<>();
    Map<String, Ipv4Address> nsAddress = new HashMap<>();
    Map<String, List<Ipv4Address>> nsAddresses = new LinkedHashMap<>();
    Map<String, Prefix> servedCidrs = new HashMap<>();
    for (Map.Entry<String, List<InterfacePlan>> host : nameservers.entrySet()) {
      List<Ipv4Address> own = new ArrayList<>();
      for (InterfacePlan i : host.getValue()) {
        for (InterfaceAddress a : i.addresses()) {
          if (a.purpose() == Purpose.NAMESERVER) {
            own.add(a.address());
            server.putIfAbsent(i.subnet(), host.getKey());
            nsAddress.putIfAbsent(i.subnet(), a.address());
            servedCidrs.put(i.subnet(), i.cidr());
          }
        }
      }
      nsAddresses.put(host.getKey(), own);
    }

    // Each reverse block is served by the hosts serving a subnet in it (several when subnets
    // longer than /24 of different hosts share one /24), or by everyone if one is unserved.
    Map<Prefix, Set<String>> blockServers = new LinkedHashMap<>();
    Map<Prefix, List<Ipv4Address>> blockTargets = new HashMap<>();
    Set<Prefix> everywhere = new HashSet<>();
    Map<String, List<Prefix>> subnetBlocks = new LinkedHashMap<>();
    for (Subnet s : network.subnets()) {
      List<Prefix> blocks = reverseBlocks(s.cidr());
      subnetBlocks.put(s.name(), blocks);
      String host = server.get(s.name());
      for (Prefix block : blocks) {
        blockServers.computeIfAbsent(block, b -> new LinkedHashSet<>());
        if (host == null) {
          everywhere.add(block);
        } else {
          blockServers.get(block).add(host);
          List<Ipv4Address> targets = blockTargets.computeIfAbsent(block, b -> new ArrayList<>());
          if (!targets.contains(nsAddress.get(s.name()))) {
            targets.add(nsAddress.get(s.name()));
          }
        }
      }
    }
    List<Prefix> reverse = List.copyOf(blockServers.keySet());
    Map<String, List<Record>> bySubnet = recordsBySubnet(names, reverse);

    // Shared instances: each zone, delegation and record exists once for all plans.
    Zone root = new Zone("", ZoneType.REFUSE);
    Zone domainZone = new Zone(domain, ZoneType.STATIC);
    Map<String, Zone> subnetHoles = new HashMap<>();
    Map<String, Delegation> subnetDelegations = new HashMap<>();
    server.forEach((subnet, host) -> {
      String zone = Naming.subnetZone(network, subnet);
      subnetHoles.put(subnet, new Zone(zone, ZoneType.TRANSPARENT));
      subnetDelegations.put(subnet, new Delegation(zone, List.of(nsAddress.get(subnet))));
    });
    Map<Prefix, Zone> localBlocks = new HashMap<>();
    Map<Prefix, Zone> blockHoles = new HashMap<>();
    Map<Prefix, Delegation> blockDelegations = new HashMap<>();
    for (Prefix block : reverse) {
      String name = reverseZoneName(block);
      localBlocks.put(block, new Zone(name,
          network.supernet().contains(block) ? ZoneType.STATIC : ZoneType.TRANSPARENT));
      if (!everywhere.contains(block)) {
        blockHoles.put(block, new Zone(name, ZoneType.TRANSPARENT));
        blockDelegations.put(block, new Delegation(name, blockTargets.get(block)));
      }
    }
    Map<String, Ipv4Address> outgoing = new LinkedHashMap<>();
    nsAddresses.forEach((host, own) -> {
      if (!own.isEmpty()) {
        outgoing.put(host, own.get(0));
      }
    });
    boolean delegating = nsAddresses.size() > 1 && !server.isEmpty();
    if (!delegating) {
      outgoing.clear();
    }
    // Only the router of the way out reaches the forwarders: any other nameserver's queries
    // to them would cross that router's forward chain, which lets no nameserver out. So the
    // others send the root to the exit's nameserver, a peer they already may ask.
    Optional<Ipv4Address> exit = forwarders.isEmpty() ? Optional.empty()
        : network.internet().flatMap(i -> Routing.of(network).routerOf(i.via()))
            .map(outgoing::get);
    Optional<Delegation> rootToExit = exit.map(a -> new Delegation("", List.of(a)));
    List<String> hubs = outgoing.keySet().stream().limit(HUBS).toList();
    List<Ipv4Address> hubAddresses = hubs.stream().map(outgoing::get).toList();
    List<String> insecure = new ArrayList<>();
    // The octet-aligned blocks of the supernet: a non-hub sends every reverse question in
    // them that it cannot answer to a hub.
    List<Prefix> aggregates = reverseBlocks(network.supernet());
    if (delegating) {
      insecure.add(domain);
      aggregates.forEach(block -> insecure.add(reverseZoneName(block)));
    }
    Delegation domainToHubs = delegating ? new Delegation(domain, hubAddresses) : null;
    Zone domainHole = new Zone(domain, ZoneType.TRANSPARENT);
    Map<Prefix, Zone> aggregateHoles = new HashMap<>();
    Map<Prefix, Delegation> aggregateToHubs = new HashMap<>();
    for (Prefix block : aggregates) {
      aggregateHoles.put(block, new Zone(reverseZoneName(block), ZoneType.TRANSPARENT));
      if (delegating) {
        aggregateToHubs.put(block, new Delegation(reverseZoneName(block), hubAddresses));
      }
    }
    Map<String, Zone> subnetZones = new HashMap<>();
    for (Subnet s : network.subnets()) {
      subnetZones.put(s.name(), new Zone(Naming.subnetZone(network, s.name()), ZoneType.STATIC));
    }

    Map<String, DnsPlan> plans = new LinkedHashMap<>();
    for (Map.Entry<String, List<InterfacePlan>> host : nameservers.entrySet()) {
      String name = host.getKey();
      boolean hub = !delegating || hubs.contains(name);
      Set<Ipv4Address> interfaces = new LinkedHashSet<>();
      interfaces.add(LOCALHOST);
      interfaces.addAll(nsAddresses.get(name));
      Set<Prefix> served = new LinkedHashSet<>();
      for (InterfacePlan i : host.getValue()) {
        if (name.equals(server.get(i.subnet()))) {
          served.add(i.cidr());
        }
      }
      List<Access> access = new ArrayList<>();
      access.add(new Access(LOOPBACK, Action.ALLOW));
      served.forEach(p -> access.add(new Access(p, Action.ALLOW)));
      access.add(new Access(EVERYTHING, Action.REFUSE));
      List<Ipv4Address> peers = new ArrayList<>();
      outgoing.forEach((peer, address) -> {
        if (!peer.equals(name)) {
          peers.add(address);
        }
      });

      List<Zone> zones = new ArrayList<>();
      if (forwarders.isEmpty()) {
        zones.add(root);
      }
      List<Delegation> delegations = new ArrayList<>();
      if (hub) {
        zones.add(domainZone);
      } else {
        // Transparent, so the refused root (no upstream) does not answer for the domain.
        zones.add(domainHole);
        delegations.add(domainToHubs);
      }
      List<Record> records = new ArrayList<>();
      List<Record> pointers = new ArrayList<>();
      for (Subnet s : network.subnets()) {
        String owner = server.get(s.name());
        if (owner == null || owner.equals(name)) {
          if (!hub) {
            zones.add(subnetZones.get(s.name()));
          }
          records.addAll(bySubnet.getOrDefault(s.name(), List.of()));
        } else if (hub) {
          zones.add(subnetHoles.get(s.name()));
          delegations.add(subnetDelegations.get(s.name()));
        }
        // Every block of a subnet has the same servers; a PTR is served with its block.
        Prefix first = subnetBlocks.get(s.name()).get(0);
        if (everywhere.contains(first) || blockServers.get(first).contains(name)) {
          pointers.addAll(bySubnet.getOrDefault(s.name(), List.of()));
        }
      }
      boolean throughExit = rootToExit.isPresent()
          && !exit.equals(Optional.ofNullable(outgoing.get(name)));
      Set<Prefix> local = new HashSet<>();
      for (Prefix block : reverse) {
        if (everywhere.contains(block) || blockServers.get(block).contains(name)) {
          local.add(block);
        }
      }
      if (!hub) {
        // Transparent, so the built-in AS112 zones (10.in-addr.arpa, ...) do not answer.
        for (Prefix block : aggregates) {
          if (!local.contains(block)) {
            zones.add(aggregateHoles.get(block));
            delegations.add(aggregateToHubs.get(block));
          }
        }
      }
      for (Prefix block : reverse) {
        if (local.contains(block)) {
          zones.add(localBlocks.get(block));
        } else if (hub) {
          zones.add(blockHoles.get(block));
          delegations.add(blockDelegations.get(block));
        }
      }
      if (throughExit) {
        delegations.add(rootToExit.get());
      }
      plans.put(name, new DnsPlan(name, domain, DEFAULT_TTL, List.copyOf(interfaces),
          Optional.ofNullable(outgoing.get(name)), access, peers, insecure, zones, records,
          pointers, delegations, throughExit ? List.of() : forwarders));
    }
    return plans;
  }

  /** Two names for one address, or two addresses for one name. */
  public record Conflict(Kind kind, Naming.NameRecord first, Naming.NameRecord second) {
    /** Which way the mapping is not one to one. */
    public enum Kind { ADDRESS_WITH_TWO_NAMES, NAME_WITH_TWO_ADDRESSES }

    @Override
    public String toString() {
      return kind == Kind.ADDRESS_WITH_TWO_NAMES
          ? "Address '" + first.address() + "' has two names, '" + first.fqdn() + "' and '"
              + second.fqdn() + "': an address has exactly one PTR, so it may have one name only"
          : "Name '" + first.fqdn() + "' has two addresses, '" + first.address() + "' and '"
              + second.address() + "': each name belongs to one element and one address";
    }
  }

  /**
   * Where the names are not one to one. The same name with the same address twice (a subnet
   * stretched over two nameservers names its {@code ns} address once per host) is no conflict.
   */
  public static List<Conflict> conflicts(List<Naming.NameRecord> names) {
    Map<Ipv4Address, Naming.NameRecord> byAddress = new HashMap<>();
    Map<String, Naming.NameRecord> byName = new HashMap<>();
    List<Conflict> conflicts = new ArrayList<>();
    for (Naming.NameRecord r : names) {
      Naming.NameRecord named = byAddress.putIfAbsent(r.address(), r);
      if (named != null && !named.fqdn().equals(r.fqdn())) {
        conflicts.add(new Conflict(Conflict.Kind.ADDRESS_WITH_TWO_NAMES, named, r));
      }
      Naming.NameRecord addressed = byName.putIfAbsent(r.fqdn(), r);
      if (addressed != null && !addressed.address().equals(r.address())) {
        conflicts.add(new Conflict(Conflict.Kind.NAME_WITH_TWO_ADDRESSES, addressed, r));
      }
    }
    return conflicts;
  }

  static List<Record> records(List<Naming.NameRecord> names, List<Prefix> reverse) {
    List<Record> records = new ArrayList<>(names.size());
    recordsBySubnet(names, reverse).values().forEach(records::addAll);
    return List.copyOf(records);
  }

  /** One record per name (the first of equal ones), grouped by subnet in name order. */
  static Map<String, List<Record>> recordsBySubnet(List<Naming.NameRecord> names,
      List<Prefix> reverse) {
    List<Conflict> conflicts = conflicts(names);
    if (!conflicts.isEmpty()) {
      throw new IllegalStateException("DNS names are not one to one (" + conflicts.size()
          + " conflicts), first: " + conflicts.get(0));
    }
    Set<Prefix> zones = new HashSet<>(reverse);
    Map<String, List<Record>> records = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Naming.NameRecord r : names) {
      if (!seen.add(r.fqdn())) {
        continue;
      }
      if (!inReverseZone(r.address(), zones)) {
        throw new IllegalStateException("Address '" + r.address() + "' of '" + r.fqdn()
            + "' lies in no subnet's reverse zone, so its PTR would not be served");
      }
      records.computeIfAbsent(r.subnet(), k -> new ArrayList<>())
          .add(new Record(r.fqdn(), r.address(), reverseName(r.address())));
    }
    return records;
  }

  /** Whether a planned reverse zone (a /24, /16 or /8 block) holds {@code address}. */
  private static boolean inReverseZone(Ipv4Address address, Set<Prefix> zones) {
    for (int length = 24; length >= 8; length -= 8) {
      if (zones.contains(Prefix.containing(address, length))) {
        return true;
      }
    }
    return false;
  }

  /** The reverse zone blocks of every subnet, in subnet order, each once. */
  static List<Prefix> reverseZones(Network network) {
    Set<Prefix> blocks = new LinkedHashSet<>();
    for (Subnet s : network.subnets()) {
      blocks.addAll(reverseBlocks(s.cidr()));
    }
    return List.copyOf(blocks);
  }

  /**
   * The octet-aligned blocks covering {@code cidr}: itself when aligned, its pieces at the next
   * longer boundary when between boundaries, its enclosing /24 when longer than /24.
   */
  public static List<Prefix> reverseBlocks(Prefix cidr) {
    if (cidr.length() > 24) {
      return List.of(Prefix.containing(cidr.network(), 24));
    }
    int length = Math.max(8, (cidr.length() + 7) / 8 * 8);
    if (length == cidr.length()) {
      return List.of(cidr);
    }
    List<Prefix> blocks = new ArrayList<>();
    cidr.subnets(length).forEach(blocks::add);
    return blocks;
  }

  /** The {@code in-addr.arpa} name of an octet-aligned block of length 8, 16 or 24. */
  public static String reverseZoneName(Prefix block) {
    if (block.length() % 8 != 0 || block.length() == 0 || block.length() > 24) {
      throw new IllegalArgumentException("Reverse zone block '" + block
          + "' must be a /8, /16 or /24");
    }
    byte[] bytes = block.network().toBytes();
    StringBuilder name = new StringBuilder();
    for (int i = block.length() / 8 - 1; i >= 0; i--) {
      name.append(bytes[i] & 0xFF).append('.');
    }
    return name.append("in-addr.arpa").toString();
  }

  /** The PTR owner name of an address, such as {@code 10.3.168.192.in-addr.arpa}. */
  public static String reverseName(Ipv4Address address) {
    byte[] b = address.toBytes();
    return (b[3] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[0] & 0xFF)
        + ".in-addr.arpa";
  }
}
