package org.cimnet.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.Service;

/**
 * One host's packet filter and address translation, compiled from the network's rules: which
 * named sets exist and what they hold, which lines the forward chain has, what is translated.
 * Renderers only format it (nftables text for NixOS and for {@code nft -f}); the lab loads the
 * same thing. Built by {@link Firewalls}.
 *
 * <p>The chains it implies, in the order a packet meets them:
 * <ol>
 *   <li>prerouting (anti-spoofing): a packet arriving on a subnet's interface must come from
 *       that subnet ({@link #subnets}), or from the internet on the {@link #uplink}; otherwise it
 *       is dropped.
 *   <li>input (the host itself): loopback, established and related traffic, DNS (udp and tcp
 *       53) from each subnet to the nameserver address the host holds there, ping from the
 *       subnets, then the chain {@value #HOST_SERVICES_CHAIN}: the {@link #hostServices} (rules
 *       to {@code host:NAME}, the default ssh among them); everything else is dropped.
 *   <li>forward (between subnets and to and from the internet): established and related
 *       accepted, invalid dropped, new connections accepted only when an {@link AllowSet}
 *       element or an {@link AllowRule} matches; everything else is dropped. Traffic inside one
 *       subnet never reaches the router, so no rule is compiled for it.
 *   <li>NAT: connections from {@link #natSources} leaving to the internet take the public
 *       address; {@link #publishes} forward services of the public address to containers.
 * </ol>
 *
 * @param subnets the subnets whose interface this host holds, in plan order
 * @param uplink where the internet is, if this host routes the internet's {@code via} subnet
 * @param privateSpaces the address spaces that are not the internet (RFC 1918, link-local and
 *     the supernet), which may overlap: a set holding them merges them
 * @param zones the zone sets the {@link #allowRules} name, each with this host's subnets of it
 * @param allowSets the rules between concrete addresses, as set elements
 * @param allowRules the rules that name a zone, one forward line per service
 * @param natSources the sources translated to the public address, which may overlap
 * @param behind the subnets routed by routers below this one, each with the interface their
 *     packets arrive on (anti-spoofing accepts them there)
 * @param parent on a router below another: the interface towards it, through which everything
 *     but this router's own subtree (the internet included) arrives and leaves
 * @param dnsPeers the nameserver addresses of the other nameserver hosts: their DNS queries
 *     and answers are accepted whichever interface they arrive on (a nameserver host asks from
 *     one address and answers from another, and routes decide the way)
 * @param dnsQueries the queries between nameserver hosts this router forwards
 * @param hostServices the services of the host itself, one input line per rule and service
 * @param hostServiceSources every subnet and container address a host service opens to (not
 *     the internet), which may overlap: where NixOS's own openings
 *     ({@code networking.firewall.allowedTCPPorts} and the like) are opened
 */
public record FirewallPlan(String host, List<SubnetPort> subnets, Optional<Uplink> uplink,
    List<Prefix> privateSpaces, List<ZoneSet> zones, List<AllowSet> allowSets,
    List<AllowRule> allowRules, List<Prefix> natSources, List<Publish> publishes,
    List<Behind> behind, Optional<Parent> parent, List<Ipv4Address> dnsPeers,
    DnsQueries dnsQueries, List<HostService> hostServices, List<Prefix> hostServiceSources) {

  /** A plan of a host that routes with no other router and serves nothing of its own. */
  public FirewallPlan(String host, List<SubnetPort> subnets, Optional<Uplink> uplink,
      List<Prefix> privateSpaces, List<ZoneSet> zones, List<AllowSet> allowSets,
      List<AllowRule> allowRules, List<Prefix> natSources, List<Publish> publishes) {
    this(host, subnets, uplink, privateSpaces, zones, allowSets, allowRules, natSources,
        publishes, List.of(), Optional.empty(), List.of(), DnsQueries.NONE, List.of(),
        List.of());
  }

  /** The filter table (family inet, so IPv6, which nothing plans yet, is dropped too). */
  public static final String FILTER_TABLE = "cimnet_filter";
  /** The address translation table (family ip). */
  public static final String NAT_TABLE = "cimnet_nat";
  /** The regular chain the input chain jumps to: the host's services. */
  public static final String HOST_SERVICES_CHAIN = "host_services";

  public FirewallPlan {
    Objects.requireNonNull(host, "host == null");
    subnets = List.copyOf(subnets);
    Objects.requireNonNull(uplink, "uplink == null");
    privateSpaces = List.copyOf(privateSpaces);
    zones = List.copyOf(zones);
    allowSets = List.copyOf(allowSets);
    allowRules = List.copyOf(allowRules);
    natSources = List.copyOf(natSources);
    publishes = List.copyOf(publishes);
    hostServices = List.copyOf(hostServices);
    hostServiceSources = List.copyOf(hostServiceSources);
    behind = List.copyOf(behind);
    Objects.requireNonNull(parent, "parent == null");
    dnsPeers = List.copyOf(dnsPeers);
    Objects.requireNonNull(dnsQueries, "dnsQueries == null");
  }

  /**
   * The queries a router forwards between nameserver hosts (udp and tcp 53): from the first
   * nameserver address of each host in {@code askers} to each address in {@code asked}. Routes
   * decide which asker's query goes where, so the two are kept as sets, never as their pairs.
   */
  public record DnsQueries(List<Ipv4Address> askers, List<Ipv4Address> asked) {
    /** Forwards none. */
    public static final DnsQueries NONE = new DnsQueries(List.of(), List.of());

    public DnsQueries {
      askers = List.copyOf(askers);
      asked = List.copyOf(asked);
    }

    public boolean isEmpty() {
      return askers.isEmpty() || asked.isEmpty();
    }
  }

  /** The interface the internet is reached through: the uplink, else the parent's. */
  public Optional<String> internetIfname() {
    return uplink.map(Uplink::ifname).or(() -> parent.map(Parent::ifname));
  }

  /** A subnet routed below this router, and the interface its packets arrive on. */
  public record Behind(String ifname, Prefix cidr) {}

  /**
   * The interface towards the parent router, and the subnets of this router's own subtree
   * (which never arrive from the parent).
   */
  public record Parent(String ifname, List<Prefix> below) {
    public Parent {
      below = List.copyOf(below);
    }
  }

  /** Whether the NAT table has anything to do. */
  public boolean translates() {
    return uplink.isPresent() && (!natSources.isEmpty() || !publishes.isEmpty());
  }

  /**
   * A subnet the host holds an interface in.
   *
   * @param nameserver the nameserver address the host holds there, if it serves DNS
   */
  public record SubnetPort(String ifname, String subnet, Prefix cidr, String zone,
      Optional<Ipv4Address> nameserver) {}

  /** The interface the internet is reached through, and the one public address. */
  public record Uplink(String ifname, Ipv4Address publicAddress) {}

  /** A named set of this host's subnets of one zone. */
  public record ZoneSet(String name, String zone, List<Prefix> cidrs) {
    public ZoneSet {
      cidrs = List.copyOf(cidrs);
    }
  }

  /** Which way an allowed flow crosses the host. */
  public enum Direction {
    /** Between two of the host's subnets: source and destination are prefixes. */
    FORWARD("fwd"),
    /** From a subnet out to the internet through the uplink: only the source is a prefix. */
    OUTBOUND("out"),
    /** From the internet in through the uplink: only the destination is a prefix. */
    INBOUND("in");

    private final String key;

    Direction(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** What of a packet beyond its addresses an allowed flow matches. */
  public enum Match {
    /** Every protocol. */
    ANY("any"),
    /** One protocol, every port (or a protocol without ports, such as icmp). */
    PROTOCOL("proto"),
    /** One protocol (tcp or udp) and a destination port range. */
    PORTS("ports");

    private final String key;

    Match(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    /** The match a service needs. */
    public static Match of(Service service) {
      if (service.protocol() == Service.Protocol.ANY) {
        return ANY;
      }
      return service.allPorts() ? PROTOCOL : PORTS;
    }
  }

  /**
   * A named set of allowed flows of one shape. Prefixes of one length are either equal or
   * disjoint, so keeping one set per pair of lengths (and merging the port ranges of equal
   * address pairs) keeps the elements disjoint, which interval sets of concatenations require.
   *
   * @param fromLength the source prefix length (0 for INBOUND, where the source is the internet)
   * @param toLength the destination prefix length (0 for OUTBOUND)
   */
  public record AllowSet(String name, Direction direction, Match match, int fromLength,
      int toLength, List<Allow> elements) {
    public AllowSet {
      elements = List.copyOf(elements);
    }
  }

  /**
   * One element of an {@link AllowSet}.
   *
   * @param from empty for the internet
   * @param to empty for the internet
   * @param protocol empty for {@link Match#ANY}
   */
  public record Allow(Optional<Prefix> from, Optional<Prefix> to,
      Optional<Service.Protocol> protocol, int fromPort, int toPort) {}

  /** One side of an {@link AllowRule}. */
  public sealed interface Side permits Side.Cidrs, Side.Zone, Side.OfInternet {
    /** Concrete prefixes (a subnet, a container's addresses). */
    record Cidrs(List<Prefix> cidrs) implements Side {
      public Cidrs {
        cidrs = List.copyOf(cidrs);
      }
    }

    /** A zone, by the name of its {@link ZoneSet}. */
    record Zone(String set) implements Side {}

    /** The internet: not a private space, through the uplink. */
    record OfInternet() implements Side {}
  }

  /**
   * A forward line for a rule that names a zone.
   *
   * @param rule the rule as written, for a comment
   */
  public record AllowRule(Side from, Side to, Service service, String rule) {}

  /**
   * A service of the host itself, opened in its input chain.
   *
   * @param from {@link Side.Cidrs} (every subnet of a zone, wherever it is routed) or
   *     {@link Side.OfInternet} (through the uplink)
   * @param rule the rule as written, for a comment
   */
  public record HostService(Side from, Service service, String rule) {}

  /**
   * A service of the public address forwarded to a container (DNAT).
   *
   * @param to the container's address the service goes to, ports unchanged
   */
  public record Publish(Service service, Ipv4Address to, String container) {}
}
