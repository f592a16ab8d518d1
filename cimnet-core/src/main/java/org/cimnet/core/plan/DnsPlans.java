package org.cimnet.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.DnsPlan.Access;
import org.cimnet.core.plan.DnsPlan.Action;
import org.cimnet.core.plan.DnsPlan.Record;
import org.cimnet.core.plan.DnsPlan.Zone;
import org.cimnet.core.plan.DnsPlan.ZoneType;
import org.cimnet.core.plan.InterfacePlan.InterfaceAddress;
import org.cimnet.core.plan.InterfacePlan.Purpose;

/**
 * Builds the {@link DnsPlan} of every nameserver host from one validated network.
 *
 * <p>Every nameserver answers for the whole domain (every name of
 * {@link ValidatedNetwork#names()}), so a client may ask whichever nameserver its subnet has and
 * no query crosses hosts. The records and zones are computed once and shared by all plans.
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
 * A zone whose block lies inside the supernet is {@code static}: every address in it is cimnet's
 * to name, so unnamed addresses answer NXDOMAIN and nothing leaks upstream. A zone reaching
 * outside the supernet (a /26 subnet of a /25 supernet) is {@code transparent}, so the foreign
 * part of its block still resolves normally.
 */
public final class DnsPlans {
  /** The time to live of every record: short, because containers come and go. */
  public static final int DEFAULT_TTL = 300;
  /** The loopback block, always allowed and always listened on (127.0.0.1). */
  public static final Prefix LOOPBACK = Prefix.parse("127.0.0.0/8");
  /** The address Unbound listens on for the host itself. */
  public static final Ipv4Address LOCALHOST = Ipv4Address.parse("127.0.0.1");
  private static final Prefix EVERYTHING = Prefix.parse("0.0.0.0/0");

  private DnsPlans() {}

  /** One plan per nameserver host, in host order, without forwarders. */
  public static Map<String, DnsPlan> of(ValidatedNetwork validated) {
    return of(validated, List.of());
  }

  /**
   * One plan per nameserver host, in host order.
   *
   * @param forwarders the upstream resolvers; empty: names outside the zones are refused
   * @throws IllegalStateException if an address has two names or a name two addresses (the
   *     checker's {@code dns.ptr} and {@code name.duplicate} rules report these first)
   */
  public static Map<String, DnsPlan> of(ValidatedNetwork validated,
      List<Ipv4Address> forwarders) {
    return of(validated, forwarders, Plans.of(validated));
  }

  /** As {@link #of(ValidatedNetwork, List)}, reusing host plans already built. */
  public static Map<String, DnsPlan> of(ValidatedNetwork validated,
      List<Ipv4Address> forwarders, Map<String, HostPlan> hostPlans) {
    Objects.requireNonNull(forwarders, "forwarders == null");
    Network network = validated.network();
    List<Zone> zones = new ArrayList<>();
    if (forwarders.isEmpty()) {
      zones.add(new Zone("", ZoneType.REFUSE));
    }
    zones.add(new Zone(network.domain(), ZoneType.STATIC));
    List<Prefix> reverse = reverseZones(network);
    reverse.forEach(block -> zones.add(new Zone(reverseZoneName(block),
        network.supernet().contains(block) ? ZoneType.STATIC : ZoneType.TRANSPARENT)));
    List<Record> records = records(validated.names(), reverse);
    List<Zone> sharedZones = List.copyOf(zones);

    Map<String, DnsPlan> plans = new LinkedHashMap<>();
    for (HostPlan host : hostPlans.values()) {
      if (!host.nameserver()) {
        continue;
      }
      Set<Ipv4Address> interfaces = new LinkedHashSet<>();
      Set<Prefix> served = new LinkedHashSet<>();
      interfaces.add(LOCALHOST);
      for (InterfacePlan i : host.interfaces()) {
        for (InterfaceAddress a : i.addresses()) {
          if (a.purpose() == Purpose.NAMESERVER) {
            interfaces.add(a.address());
            served.add(i.cidr());
          }
        }
      }
      List<Access> access = new ArrayList<>();
      access.add(new Access(LOOPBACK, Action.ALLOW));
      served.forEach(p -> access.add(new Access(p, Action.ALLOW)));
      access.add(new Access(EVERYTHING, Action.REFUSE));
      plans.put(host.host(), new DnsPlan(host.host(), network.domain(), DEFAULT_TTL,
          List.copyOf(interfaces), access, sharedZones, records, forwarders));
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
    List<Conflict> conflicts = conflicts(names);
    if (!conflicts.isEmpty()) {
      throw new IllegalStateException("DNS names are not one to one (" + conflicts.size()
          + " conflicts), first: " + conflicts.get(0));
    }
    Set<Prefix> zones = new HashSet<>(reverse);
    List<Record> records = new ArrayList<>(names.size());
    Set<String> seen = new HashSet<>();
    for (Naming.NameRecord r : names) {
      if (!seen.add(r.fqdn())) {
        continue;
      }
      if (!inReverseZone(r.address(), zones)) {
        throw new IllegalStateException("Address '" + r.address() + "' of '" + r.fqdn()
            + "' lies in no subnet's reverse zone, so its PTR would not be served");
      }
      records.add(new Record(r.fqdn(), r.address(), reverseName(r.address())));
    }
    return List.copyOf(records);
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
