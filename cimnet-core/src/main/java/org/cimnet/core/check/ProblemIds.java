package org.cimnet.core.check;

import java.util.List;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.policy.Prover;

/**
 * The problem ids: the stable id of every kind of problem the checker reports, as {@link
 * org.cimnet.core.model.Problem#id()} carries it ({@code subnet.overlap}). Tools and tests may
 * match on these; they never change meaning. Warnings have ids of their own (see {@link
 * #WARNINGS}). What a value record refuses when it is made (a VLAN id outside 1 to 4094, a leaf
 * declared twice on a host) never reaches the checker, so it has no id here. (A "rule" is a
 * policy rule, {@code can_connect}; these are not rules.)
 */
public final class ProblemIds {
  private ProblemIds() {}

  // Supernet and subnets.
  /** The supernet is not inside a private space and {@code publicSupernet()} was not declared. */
  public static final String SUPERNET_NOT_PRIVATE = "supernet.not-private";
  public static final String SUBNET_OUTSIDE_SUPERNET = "subnet.outside-supernet";
  public static final String SUBNET_OVERLAP = "subnet.overlap";
  /** The address convention's roles do not fit the block as distinct addresses. */
  public static final String SUBNET_TOO_SMALL = "subnet.too-small";
  /** More than one router host carries the subnet (its gateway is one address). */
  public static final String SUBNET_ROUTERS = "subnet.routers";
  /** More than one nameserver host carries the subnet (its nameserver is one address). */
  public static final String SUBNET_NAMESERVERS = "subnet.nameservers";

  // Addresses.
  public static final String ADDRESS_OUTSIDE_SUBNET = "address.outside-subnet";
  /** A declared address is the subnet's network, gateway, nameserver or broadcast address. */
  public static final String ADDRESS_RESERVED = "address.reserved";
  public static final String ADDRESS_DUPLICATE = "address.duplicate";

  // The internet.
  public static final String INTERNET_PUBLIC_PRIVATE = "internet.public-private";
  /** With a public supernet: the public address lies inside it. */
  public static final String INTERNET_PUBLIC_IN_SUPERNET = "internet.public-in-supernet";
  public static final String INTERNET_GATEWAY_OUTSIDE = "internet.gateway-outside";
  public static final String INTERNET_GATEWAY_IS_PUBLIC = "internet.gateway-is-public";
  /** No router host carries the subnet the internet is reached through. */
  public static final String INTERNET_VIA_UNROUTED = "internet.via-unrouted";
  /** A rule or assertion names {@code internet} but the network declares none. */
  public static final String INTERNET_UNDECLARED = "internet.undeclared";
  /**
   * A forwarder lies inside the supernet, is the public address, or is a loopback, unspecified,
   * multicast or reserved address: it is no upstream resolver.
   */
  public static final String INTERNET_FORWARDER_NOT_UPSTREAM = "internet.forwarder-not-upstream";

  // MACs.
  public static final String MAC_NOT_UNICAST = "mac.not-unicast";
  public static final String MAC_DUPLICATE = "mac.duplicate";
  public static final String MAC_GENERATED_NOT_LOCAL = "mac.generated-not-local";

  // Names.
  /**
   * The domain is not one a network may answer for: a single label, a public suffix, under
   * {@code arpa} (but {@code home.arpa}), {@code localhost}, or an address.
   */
  public static final String DOMAIN_NOT_PRIVATE = "domain.not-private";
  /** A derived FQDN is longer than 253 characters (its labels are names, at most 63 each). */
  public static final String NAME_FQDN_LENGTH = "name.fqdn-length";
  public static final String NAME_DUPLICATE = "name.duplicate";
  /** A kernel interface name of a host's plan is longer than 15 characters. */
  public static final String IFNAME_TOO_LONG = "ifname.too-long";
  public static final String IFNAME_DUPLICATE = "ifname.duplicate";
  /** A NIC's stated interface name is not one Linux takes (see {@code Ifnames.isValid}). */
  public static final String IFNAME_INVALID = "ifname.invalid";
  /** One address of one element would have two names, so two PTR records. */
  public static final String DNS_PTR = "dns.ptr";

  // VLANs and trunks.
  public static final String VLAN_DUPLICATE = "vlan.duplicate";
  /** A trunk of a host does not carry a VLAN one of the host's leaves needs. */
  public static final String TRUNK_VLAN_MISSING = "trunk.vlan-missing";
  /** The trunks of one host (one bond) carry different VLAN sets. */
  public static final String TRUNK_BOND_MISMATCH = "trunk.bond-mismatch";

  // Spines, links and leaves.
  public static final String SPINE_CAPACITY = "spine.capacity";
  public static final String LINK_PORT_RANGE = "link.port-range";
  public static final String LINK_PORT_REUSE = "link.port-reuse";
  public static final String LINK_NIC_REUSE = "link.nic-reuse";
  public static final String LEAF_SPINE_UNREACHABLE = "leaf.spine-unreachable";
  /** One link failure would cut a leaf off from a spine. */
  public static final String LEAF_SINGLE_LINK = "leaf.single-link";
  /** A leaf takes the name of the uplink bridge. */
  public static final String LEAF_RESERVED_NAME = "leaf.reserved-name";
  /** Two leaves of one host carry the same subnet. */
  public static final String LEAF_SUBNET_TWICE = "leaf.subnet-twice";

  // Placement.
  /** A container is attached to a subnet no leaf of its host carries. */
  public static final String CONTAINER_SUBNET_NOT_CARRIED = "container.subnet-not-carried";
  /** A host has more switch ports than Open vSwitch allows (per leaf bridge or per host). */
  public static final String HOST_PORTS = "host.ports";
  /** A host has an address in a subnet none of its leaves carries. */
  public static final String HOST_ADDRESS_NOT_CARRIED = "host.address-not-carried";
  /** A host names a subnet in router(..) or nameserver(..) that none of its leaves carries. */
  public static final String HOST_PLACEMENT_NOT_CARRIED = "host.placement-not-carried";
  /** A subnet with containers that no host routes: they have no gateway. */
  public static final String SUBNET_UNROUTED = "subnet.unrouted";
  /** A host that would have no address, no default route or no resolver after a deploy. */
  public static final String HOST_UNREACHABLE = "host.unreachable";
  /** A router holds the nameserver address of a subnet another router routes. */
  public static final String ROUTER_FOREIGN_NAMESERVER = "router.foreign-nameserver";
  /** A published service has no rule letting the internet reach the container. */
  public static final String PUBLISH_NO_RULE = "publish.no-rule";
  /** Two containers publish the same public port. */
  public static final String PUBLISH_CONFLICT = "publish.conflict";

  // References.
  public static final String REF_HOST = "ref.host";
  /** A rule or assertion opens from {@code host:NAME}: a host's own connections are not filtered. */
  public static final String ENDPOINT_HOST_SOURCE = "endpoint.host-source";
  public static final String REF_SUBNET = "ref.subnet";
  public static final String REF_SPINE = "ref.spine";
  public static final String REF_NIC = "ref.nic";
  public static final String REF_ZONE = "ref.zone";
  public static final String REF_CONTAINER = "ref.container";
  /** The ids of a reference to something not declared; while one is reported nothing is proven. */
  public static final java.util.Set<String> REFERENCES = java.util.Set.of(REF_HOST, REF_SUBNET,
      REF_SPINE, REF_NIC, REF_ZONE, REF_CONTAINER);

  // IPAM's own problems, reported through the checker (IPAM sits below the checker, so it holds
  // the text).
  public static final String IPAM_SUBNET_FULL = Ipam.SUBNET_FULL;
  public static final String IPAM_VLANS_EXHAUSTED = Ipam.VLANS_EXHAUSTED;

  // The prover's, reported through the checker.
  /** An assertion is violated: the message holds the counterexample. */
  public static final String POLICY_ASSERTION = Prover.ASSERTION;

  // Warnings: allowed, but probably not what was meant.
  /** A NIC has no MAC yet (the inventory or discovery supplies it). */
  public static final String WARN_NIC_NO_MAC = "nic.no-mac";
  /** A rule names a reserved subnet, which no leaf carries yet: the rule has no effect yet. */
  public static final String WARN_RULE_RESERVED_SUBNET = "rule.reserved-subnet";
  /** A subnet that is not reserved is carried by no leaf. */
  public static final String WARN_SUBNET_UNCARRIED = "subnet.uncarried";
  /** A leaf lists a reserved subnet, which the plan leaves out until it is no longer reserved. */
  public static final String WARN_LEAF_RESERVED_SUBNET = "leaf.reserved-subnet";
  /** No subnet may open ssh to a host: the first switch over ssh would cut the session. */
  public static final String WARN_HOST_NO_SSH = "host.no-ssh";
  /** A router whose uplink does not lead to the root router: its subnets reach no others. */
  public static final String WARN_ROUTER_UNLINKED = "router.unlinked";
  /** An assertion names something that does not resolve, so it cannot be proven. */
  public static final String WARN_POLICY_UNRESOLVED = Prover.UNRESOLVED;
  /**
   * The internet is declared without forwarders: the nameservers refuse every name outside the
   * network, so the hosts and containers resolve nothing on the internet.
   */
  public static final String WARN_INTERNET_NO_FORWARDERS = "internet.no-forwarders";
  /**
   * A NIC's stated interface name is one the kernel gives devices itself ({@code eth0}): the
   * rename races with the kernel's naming at boot.
   */
  public static final String WARN_IFNAME_KERNEL_SPACE = "ifname.kernel-space";

  /** Every id of a problem, grouped as above: each makes the network invalid. */
  public static final List<String> PROBLEMS = List.of(SUPERNET_NOT_PRIVATE,
      SUBNET_OUTSIDE_SUPERNET, SUBNET_OVERLAP, SUBNET_TOO_SMALL, SUBNET_ROUTERS,
      SUBNET_NAMESERVERS, ADDRESS_OUTSIDE_SUBNET, ADDRESS_RESERVED, ADDRESS_DUPLICATE,
      INTERNET_PUBLIC_PRIVATE, INTERNET_PUBLIC_IN_SUPERNET, INTERNET_GATEWAY_OUTSIDE,
      INTERNET_GATEWAY_IS_PUBLIC, INTERNET_VIA_UNROUTED, INTERNET_UNDECLARED,
      INTERNET_FORWARDER_NOT_UPSTREAM, MAC_NOT_UNICAST, MAC_DUPLICATE, MAC_GENERATED_NOT_LOCAL,
      DOMAIN_NOT_PRIVATE, NAME_FQDN_LENGTH, NAME_DUPLICATE, IFNAME_TOO_LONG, IFNAME_DUPLICATE,
      IFNAME_INVALID, DNS_PTR, VLAN_DUPLICATE, TRUNK_VLAN_MISSING, TRUNK_BOND_MISMATCH,
      SPINE_CAPACITY, LINK_PORT_RANGE, LINK_PORT_REUSE, LINK_NIC_REUSE, LEAF_SPINE_UNREACHABLE,
      LEAF_SINGLE_LINK, LEAF_RESERVED_NAME, LEAF_SUBNET_TWICE,
      CONTAINER_SUBNET_NOT_CARRIED, HOST_PORTS, HOST_ADDRESS_NOT_CARRIED,
      HOST_PLACEMENT_NOT_CARRIED, SUBNET_UNROUTED, HOST_UNREACHABLE, ROUTER_FOREIGN_NAMESERVER,
      PUBLISH_NO_RULE, PUBLISH_CONFLICT, REF_HOST, ENDPOINT_HOST_SOURCE, REF_SUBNET, REF_SPINE,
      REF_NIC, REF_ZONE, REF_CONTAINER, IPAM_SUBNET_FULL, IPAM_VLANS_EXHAUSTED,
      POLICY_ASSERTION);



  /** Every warning id. */
  public static final List<String> WARNINGS = List.of(WARN_NIC_NO_MAC,
      WARN_RULE_RESERVED_SUBNET, WARN_SUBNET_UNCARRIED, WARN_LEAF_RESERVED_SUBNET,
      WARN_HOST_NO_SSH, WARN_ROUTER_UNLINKED, WARN_POLICY_UNRESOLVED,
      WARN_INTERNET_NO_FORWARDERS, WARN_IFNAME_KERNEL_SPACE);
}
