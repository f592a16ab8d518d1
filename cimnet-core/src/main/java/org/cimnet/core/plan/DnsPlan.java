package org.cimnet.core.plan;

import java.util.List;
import java.util.Objects;
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
 * @param host the nameserver host
 * @param domain the forward zone every name ends in, such as {@code cim.internal}
 * @param ttl the time to live of every record, in seconds
 * @param interfaces the addresses to listen on: {@code 127.0.0.1}, then every nameserver
 *     ({@code .254}) address the host holds, in interface order
 * @param access who may ask, most specific netblock wins: loopback and every served subnet
 *     allowed, everything else refused
 * @param zones the local zones: the domain (static), one reverse zone per subnet block, and the
 *     root (refused) when there are no forwarders
 * @param records one A and one PTR per named address, in {@code ValidatedNetwork.names()} order;
 *     the same list for every nameserver of a network
 * @param forwarders the upstream resolvers for names outside the zones; empty means none: such
 *     names are refused
 */
public record DnsPlan(String host, String domain, int ttl, List<Ipv4Address> interfaces,
    List<Access> access, List<Zone> zones, List<Record> records, List<Ipv4Address> forwarders) {

  public DnsPlan {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(domain, "domain == null");
    interfaces = List.copyOf(interfaces);
    access = List.copyOf(access);
    zones = List.copyOf(zones);
    records = List.copyOf(records);
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
    /** Resolved normally: the zone's block is only partly ours. */
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

  /** Whether any forwarder is a loopback address (Unbound must then be allowed to query it). */
  public boolean forwardsToLoopback() {
    return forwarders.stream().anyMatch(DnsPlans.LOOPBACK::contains);
  }
}
