package org.cimnet.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;

/**
 * What one nameserver host serves: the one source of DNS records that both the
 * {@code unbound.conf} and the NixOS {@code services.unbound} module format. Built by
 * {@link DnsPlans}.
 *
 * <p>Names are absolute and written without the final dot ({@code db1.internal.cim.internal},
 * {@code 3.168.192.in-addr.arpa}); the root is the empty name. They are raw: each renderer
 * escapes them with its target's escaping function.
 *
 * <p>A nameserver holds the records of the subnets it serves only; it reaches every other
 * subnet's zone through that subnet's nameserver ({@link #delegations}). The zones, records and
 * delegations are shared instances between the plans of one network, so a renderer may format
 * each once.
 *
 * @param host the nameserver host
 * @param domain the forward zone every name ends in, such as {@code cim.internal}
 * @param ttl the time to live of every record, in seconds
 * @param interfaces the addresses to listen on: {@code 127.0.0.1}, then every nameserver
 *     ({@code .254}) address the host holds, in interface order
 * @param outgoing the address to send queries from, so that peer nameservers know the asker;
 *     present when the network has delegations and the host holds a nameserver address
 * @param access who may ask, most specific netblock wins: loopback and every served subnet
 *     allowed, everything else refused
 * @param peers the outgoing addresses of the other nameservers: allowed to ask (they forward
 *     their clients' questions, and a hub recurses on behalf of the others)
 * @param insecure names below which DNSSEC validation is off, because their zones are private
 *     and reached by forwarding (a validating resolver would otherwise call the answers bogus);
 *     empty when nothing is delegated
 * @param zones the local zones: the root (refused) when there are no forwarders; on a hub (see
 *     {@link DnsPlans}) the domain (static), every other nameserver's subnet zone (transparent,
 *     so its delegation is used), then one zone per reverse block: static (or transparent when
 *     it reaches outside the supernet) when served here, transparent when delegated; on any
 *     other nameserver the domain and the supernet's reverse zones (transparent, delegated to
 *     the hubs), its own and unserved subnets' zones (static), and its reverse blocks
 * @param records the A records this host serves, in {@code ValidatedNetwork.names()} order
 * @param pointers the PTR records this host serves, in the same order
 * @param delegations the zones of other nameservers and where to ask for them
 * @param forwarders the upstream resolvers for names outside the zones; empty means none: such
 *     names are refused
 */
public record DnsPlan(String host, String domain, int ttl, List<Ipv4Address> interfaces,
    Optional<Ipv4Address> outgoing, List<Access> access, List<Ipv4Address> peers,
    List<String> insecure, List<Zone> zones, List<Record> records, List<Record> pointers,
    List<Delegation> delegations, List<Ipv4Address> forwarders) {

  public DnsPlan {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(domain, "domain == null");
    Objects.requireNonNull(outgoing, "outgoing == null");
    interfaces = List.copyOf(interfaces);
    access = List.copyOf(access);
    peers = List.copyOf(peers);
    insecure = List.copyOf(insecure);
    zones = List.copyOf(zones);
    records = List.copyOf(records);
    pointers = List.copyOf(pointers);
    delegations = List.copyOf(delegations);
    forwarders = List.copyOf(forwarders);
  }

  /** What a resolver does with a query from a netblock. */
  public enum Action {
    /** Answers, recursing (forwarding) when needed. */
    ALLOW,
    /** Answers REFUSED. */
    REFUSE
  }

  /** An access-control entry. */
  public record Access(Prefix netblock, Action action) {
    public Access {
      Objects.requireNonNull(netblock, "netblock == null");
      Objects.requireNonNull(action, "action == null");
    }
  }

  /** How a local zone answers names it has no record for. */
  public enum ZoneType {
    /** NXDOMAIN (or NODATA): the zone is wholly ours and nothing leaks upstream. */
    STATIC,
    /** Resolved normally: the zone's block is only partly ours, or another nameserver's. */
    TRANSPARENT,
    /** REFUSED: used for the root when there is no upstream. */
    REFUSE
  }

  /** A local zone. */
  public record Zone(String name, ZoneType type) {
    public Zone {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(type, "type == null");
    }
  }

  /**
   * One named address: an A record {@code name -> address} and its PTR
   * {@code reverseName -> name}.
   */
  public record Record(String name, Ipv4Address address, String reverseName) {
    public Record {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(address, "address == null");
      Objects.requireNonNull(reverseName, "reverseName == null");
    }
  }

  /**
   * A zone served by other nameservers: questions in it are forwarded to {@code nameservers}
   * (their nameserver addresses, each of which serves the whole zone).
   */
  public record Delegation(String zone, List<Ipv4Address> nameservers) {
    public Delegation {
      Objects.requireNonNull(zone, "zone == null");
      nameservers = List.copyOf(nameservers);
      if (nameservers.isEmpty()) {
        throw new IllegalArgumentException("Delegation of '" + zone + "' has no nameserver");
      }
    }
  }

  /** Whether any forwarder is a loopback address (Unbound must then be allowed to query it). */
  public boolean forwardsToLoopback() {
    return forwarders.stream().anyMatch(DnsPlans.LOOPBACK::contains);
  }
}
