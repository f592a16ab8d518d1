package org.cimnet.core.check;

import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Problem;
import org.cimnet.core.policy.Prover;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small network per problem id with exactly that fault, asserting the exact problems (rule,
 * path, full message): this pins every message. The base network is a small seed: lan and dmz on
 * one host with two trunks to two interconnected spines, a published web container, and ilo
 * reserved. IPAM gives ilo VLAN 100, lan 101, dmz 104.
 */
class InvariantsTest {
  private static final Set<String> COVERED = new TreeSet<>();

  /** Everything but the internet, rules and assertions; the operator deploys from lan. */
  static Network.Builder parts() {
    return partsNoDeploy().deployFrom("lan");
  }

  /** {@link #parts} without deploy_from: only the (reserved) management zone may ssh. */
  static Network.Builder partsNoDeploy() {
    return network("t")
        .supernet("192.168.0.0/21")
        .subnet(subnet("ilo", "192.168.0.0/24").zone("management").reserved())
        .subnet(subnet("lan", "192.168.1.0/24"))
        .subnet(subnet("dmz", "192.168.4.0/24").zone("dmz"))
        .spine("spine1", 8)
        .spine("spine2", 8)
        .interconnect("spine1", 1, "spine2", 1)
        .host(vh())
        .trunk("vh", "eth0", "spine1", 2)
        .trunk("vh", "eth1", "spine2", 2)
        .container(docker("web1").on("vh").attach("dmz", "192.168.4.10").publish("tcp/443"))
        .container(lxc("files").on("vh").attach("lan"));
  }

  static Host.Builder vh() {
    return host("vh")
        .nic("eth0", "3c:ec:ef:6a:10:00")
        .nic("eth1", "3c:ec:ef:6a:10:01")
        .leaf("leaf1", "lan")
        .leaf("leaf2", "dmz")
        .address("lan", "192.168.1.100")
        .router()
        .nameserver();
  }

  static Network.Builder withWayOut(Network.Builder b) {
    return b.internet("203.0.113.10/24", "203.0.113.1", "lan")
        .forwarders("9.9.9.9", "149.112.112.112")
        .canConnect("internet", "dmz", "tcp/443")
        .canConnect("lan", "internet")
        .never("zone:dmz", "zone:private");
  }

  static Network base() {
    return withWayOut(parts()).build();
  }

  static Network.Builder baseBuilder() {
    return base().toBuilder();
  }

  /** The base with its host rebuilt. */
  static Network withHost(UnaryOperator<Host.Builder> change) {
    return baseBuilder().replaceHost(change.apply(vh()).build()).build();
  }

  static Network withHost(Host h) {
    return baseBuilder().replaceHost(h).build();
  }

  /** The base with its links replaced. */
  static Network withLinks(UnaryOperator<Network.Builder> links) {
    return links.apply(baseBuilder().clearLinks()).build();
  }

  static Problem v(String rule, String path, String message) {
    return new Problem(rule, path, message);
  }

  @Test
  void theBaseNetworkIsClean() {
    Report report = Checker.check(base());
    assertEquals(List.of(), report.problems());
    assertEquals(List.of(), report.warnings());
  }

  static Stream<Arguments> faults() {
    List<Arguments> all = new ArrayList<>();
    // Supernet and subnets.
    all.add(fault(ProblemIds.SUPERNET_NOT_PRIVATE, () -> network("t").supernet("192.168.0.0/15")
        .subnet(subnet("ilo", "192.168.0.0/24").reserved()).build(),
        List.of(v("supernet.not-private", "supernet", "Network 't': supernet '192.168.0.0/15'"
            + " is not private: use a block inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or"
            + " 169.254.0.0/16, or declare publicSupernet()"))));
    all.add(fault(ProblemIds.SUBNET_OUTSIDE_SUPERNET,
        () -> baseBuilder().subnet(subnet("far", "192.168.9.0/24").reserved()).build(),
        List.of(v("subnet.outside-supernet", "subnets[far].cidr", "Subnet 'far': cidr"
            + " '192.168.9.0/24' is outside the supernet '192.168.0.0/21'"))));
    all.add(fault(ProblemIds.SUBNET_OVERLAP,
        () -> baseBuilder().subnet(subnet("half", "192.168.4.128/25").reserved()).build(),
        List.of(v("subnet.overlap", "subnets[half].cidr", "Subnet 'half': cidr"
            + " '192.168.4.128/25' overlaps subnet 'dmz' (192.168.4.0/24): subnets must not"
            + " share addresses"))));
    all.add(fault(ProblemIds.SUBNET_TOO_SMALL,
        () -> baseBuilder().subnet(subnet("p2p", "192.168.5.0/31").reserved()).build(),
        List.of(v("subnet.too-small", "subnets[p2p].cidr", "Subnet 'p2p': cidr '192.168.5.0/31'"
            + " has 2 addresses, too few for the reserved roles (network, gateway at offset 1,"
            + " nameserver at offset -2, broadcast) as distinct addresses: use a /30 or"
            + " larger"))));
    Supplier<Network> twoRouters = () -> baseBuilder()
        .host(host("vh2").nic("eth0", "3c:ec:ef:6a:20:00").nic("eth1", "3c:ec:ef:6a:20:01")
            .leaf("leaf1", "lan").router())
        .trunk("vh2", "eth0", "spine1", 3).trunk("vh2", "eth1", "spine2", 3).build();
    all.add(fault(ProblemIds.SUBNET_ROUTERS, twoRouters,
        List.of(v("subnet.routers", "subnets[lan]", "Subnet 'lan': hosts 'vh' and 'vh2' both"
            + " route it, but its gateway 192.168.1.1 is one address: name it in only one host's"
            + " router('lan', ..) and list the subnets each of the others holds in its own"
            + " router(..)"))));
    Supplier<Network> twoNameservers = () -> baseBuilder()
        .host(host("vh2").nic("eth0", "3c:ec:ef:6a:20:00").nic("eth1", "3c:ec:ef:6a:20:01")
            .leaf("leaf1", "lan").nameserver())
        .trunk("vh2", "eth0", "spine1", 3).trunk("vh2", "eth1", "spine2", 3).build();
    all.add(fault(ProblemIds.SUBNET_NAMESERVERS, twoNameservers,
        List.of(v("subnet.nameservers", "subnets[lan]", "Subnet 'lan': hosts 'vh' and 'vh2'"
            + " both serve DNS on it, but its nameserver 192.168.1.254 is one address: name it in"
            + " only one host's nameserver('lan', ..) and list the subnets each of the others"
            + " holds in its own nameserver(..)"))));
    // Addresses.
    all.add(fault(ProblemIds.ADDRESS_OUTSIDE_SUBNET, () -> baseBuilder()
        .replaceContainer(lxc("files").on("vh").attach("lan", "192.168.2.10").build()).build(),
        List.of(v("address.outside-subnet", "containers[files].attachments[lan].address",
            "Container 'files': address '192.168.2.10' is outside subnet 'lan' (192.168.1.0/24):"
                + " use an address inside it"))));
    all.add(fault(ProblemIds.ADDRESS_RESERVED, () -> baseBuilder()
        .replaceContainer(lxc("files").on("vh").attach("lan", "192.168.1.254").build()).build(),
        List.of(v("address.reserved", "containers[files].attachments[lan].address",
            "Container 'files': address '192.168.1.254' is the nameserver address of subnet"
                + " 'lan' (192.168.1.0/24): the network, gateway, nameserver and broadcast"
                + " addresses are reserved"))));
    all.add(fault(ProblemIds.ADDRESS_DUPLICATE, () -> baseBuilder()
        .replaceContainer(lxc("files").on("vh").attach("lan", "192.168.1.100").build()).build(),
        List.of(v("address.duplicate", "containers[files].attachments[lan].address",
            "Container 'files': address '192.168.1.100' is already taken by host 'vh' (subnet"
                + " 'lan'): every address must be unique across the network"))));
    // The internet.
    all.add(fault(ProblemIds.INTERNET_PUBLIC_PRIVATE, () -> parts()
        .internet("192.168.9.10/24", "192.168.9.1", "lan")
        .canConnect("internet", "dmz", "tcp/443").build(),
        List.of(v("internet.public-private", "internet.publicAddress", "Internet: public"
            + " address '192.168.9.10' is private (inside 192.168.0.0/16): the public address"
            + " must lie outside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and"
            + " 169.254.0.0/16"))));
    all.add(fault(ProblemIds.INTERNET_PUBLIC_IN_SUPERNET, () -> network("t")
        .supernet("192.168.0.0/15").publicSupernet()
        .subnet(subnet("ilo", "192.168.0.0/24").reserved())
        .internet("192.169.0.10/24", "192.169.0.1", "ilo").build(),
        List.of(v("internet.public-in-supernet", "internet.publicAddress", "Internet: public"
            + " address '192.169.0.10' lies inside the supernet '192.168.0.0/15': the public"
            + " address must lie outside the network's own block"),
            v("internet.via-unrouted", "internet.via", "Internet: via subnet 'ilo' is carried"
                + " by no router, so no host holds the public address (the subnet is reserved):"
                + " mark a host whose leaves carry 'ilo' router() or router('ilo')"))));
    all.add(fault(ProblemIds.INTERNET_GATEWAY_OUTSIDE, () -> parts()
        .internet("203.0.113.10/24", "198.51.100.1", "lan")
        .canConnect("internet", "dmz", "tcp/443").build(),
        List.of(v("internet.gateway-outside", "internet.gateway", "Internet: gateway"
            + " '198.51.100.1' is outside the public network '203.0.113.0/24': the upstream"
            + " gateway must lie in the public address's network"))));
    all.add(fault(ProblemIds.INTERNET_GATEWAY_IS_PUBLIC, () -> parts()
        .internet("203.0.113.10/24", "203.0.113.10", "lan")
        .canConnect("internet", "dmz", "tcp/443").build(),
        List.of(v("internet.gateway-is-public", "internet.gateway", "Internet: gateway"
            + " '203.0.113.10' is the public address itself: use the provider's upstream"
            + " router"))));
    all.add(fault(ProblemIds.INTERNET_VIA_UNROUTED,
        () -> withHost(h -> host("vh").nic("eth0", "3c:ec:ef:6a:10:00")
            .nic("eth1", "3c:ec:ef:6a:10:01").leaf("leaf1", "lan").leaf("leaf2", "dmz")
            .address("lan", "192.168.1.100").nameserver()),
        List.of(v("internet.via-unrouted", "internet.via", "Internet: via subnet 'lan' is"
            + " carried by no router, so no host holds the public address: mark a host whose"
            + " leaves carry 'lan' router() or router('lan')"))));
    all.add(fault(ProblemIds.INTERNET_FORWARDER_NOT_UPSTREAM, () -> parts()
        .internet("203.0.113.10/24", "203.0.113.1", "lan")
        .forwarders("9.9.9.9", "192.168.4.254", "127.0.0.1", "203.0.113.10", "224.0.0.251",
            "203.0.113.53")
        .canConnect("internet", "dmz", "tcp/443").build(),
        List.of(v("internet.forwarder-not-upstream", "internet.forwarders[1]", "Internet:"
            + " forwarder '192.168.4.254' lies inside the supernet '192.168.0.0/21': a forwarder"
            + " is an upstream resolver reached through the internet, outside the supernet"),
            v("internet.forwarder-not-upstream", "internet.forwarders[2]", "Internet:"
            + " forwarder '127.0.0.1' is not a unicast address of another machine (inside"
            + " 127.0.0.0/8): a forwarder is an upstream resolver reached through the internet,"
            + " outside the supernet"),
            v("internet.forwarder-not-upstream", "internet.forwarders[3]", "Internet:"
            + " forwarder '203.0.113.10' is the public address itself: a forwarder is an"
            + " upstream resolver reached through the internet, outside the supernet"),
            v("internet.forwarder-not-upstream", "internet.forwarders[4]", "Internet:"
            + " forwarder '224.0.0.251' is not a unicast address of another machine (inside"
            + " 224.0.0.0/4): a forwarder is an upstream resolver reached through the internet,"
            + " outside the supernet"))));
    all.add(fault(ProblemIds.INTERNET_UNDECLARED, () -> parts()
        .canConnect("internet", "dmz", "tcp/443").canConnect("lan", "internet").build(),
        List.of(v("internet.undeclared", "rules[0].from", "Rule can_connect(internet, dmz,"
            + " tcp/443): names the internet, but the network declares no way out: call"
            + " internet(publicAddress, gateway, via)"),
            v("internet.undeclared", "rules[1].to", "Rule can_connect(lan, internet): names"
                + " the internet, but the network declares no way out: call"
                + " internet(publicAddress, gateway, via)"))));
    // MACs.
    all.add(fault(ProblemIds.MAC_NOT_UNICAST, () -> withHost(h -> host("vh")
        .nic("eth0", "01:00:5e:00:00:01").nic("eth1", "3c:ec:ef:6a:10:01")
        .leaf("leaf1", "lan").leaf("leaf2", "dmz").address("lan", "192.168.1.100").router()
        .nameserver()),
        List.of(v("mac.not-unicast", "hosts[vh].nics[eth0].mac", "Host 'vh': NIC 'eth0' has"
            + " MAC '01:00:5e:00:00:01', which is not a valid unicast address: a port's MAC must"
            + " be unicast (the lowest bit of the first octet 0) and not all zeros"))));
    all.add(fault(ProblemIds.MAC_DUPLICATE, () -> baseBuilder().replaceContainer(lxc("files")
        .on("vh").attach("lan", "192.168.1.20", "3c:ec:ef:6a:10:00").build()).build(),
        List.of(v("mac.duplicate", "containers[files].attachments[lan].mac", "Container"
            + " 'files': the interface in subnet 'lan' has MAC '3c:ec:ef:6a:10:00', already used"
            + " by NIC 'eth0' of host 'vh': every MAC must be unique"))));
    // Names.
    String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "."
        + "d".repeat(48);
    String longName = "archive-of-everything.lan." + domain;
    all.add(fault(ProblemIds.NAME_FQDN_LENGTH, () -> withWayOut(network("t").domain(domain)
        .supernet("192.168.0.0/21")
        .subnet(subnet("ilo", "192.168.0.0/24").zone("management").reserved())
        .subnet(subnet("lan", "192.168.1.0/24"))
        .subnet(subnet("dmz", "192.168.4.0/24").zone("dmz"))
        .spine("spine1", 8).spine("spine2", 8).interconnect("spine1", 1, "spine2", 1)
        .host(vh())
        .trunk("vh", "eth0", "spine1", 2).trunk("vh", "eth1", "spine2", 2)
        .container(docker("web1").on("vh").attach("dmz", "192.168.4.10").publish("tcp/443"))
        .container(lxc("archive-of-everything").on("vh").attach("lan"))).build(),
        List.of(v("name.fqdn-length", "containers[archive-of-everything].attachments[lan]",
            "Name '" + longName + "' of container 'archive-of-everything' in subnet 'lan' is"
                + " 266 characters: DNS names are at most 253; shorten the domain, the subnet's"
                + " name or the element's name"))));
    all.add(fault(ProblemIds.NAME_DUPLICATE,
        () -> baseBuilder().container(lxc("gw").on("vh").attach("lan")).build(),
        List.of(v("name.duplicate", "containers[gw].attachments[lan]", "Name"
            + " 'gw.lan.cim.internal' of container 'gw' in subnet 'lan' is already the name of"
            + " the gateway of subnet 'lan' (host 'vh'): every DNS name must be unique; rename"
            + " one of them"))));
    all.add(fault(ProblemIds.DOMAIN_NOT_PRIVATE, () -> baseBuilder().domain("com").build(),
        List.of(v("domain.not-private", "domain", "Network 't': domain 'com' is a public suffix"
            + " (names under it belong to whoever registers them): every nameserver answers for"
            + " all names under the domain, so it must be one you own, such as"
            + " 'cim.example.com', or a private one such as 'cim.internal' or"
            + " 'cim.home.arpa'"))));
    // The router's own address is its gateway: reserved, and one address with two names.
    all.add(fault(ProblemIds.DNS_PTR, () -> withHost(h -> host("vh")
        .nic("eth0", "3c:ec:ef:6a:10:00").nic("eth1", "3c:ec:ef:6a:10:01")
        .leaf("leaf1", "lan").leaf("leaf2", "dmz").address("lan", "192.168.1.1").router()
        .nameserver()),
        List.of(v("address.reserved", "hosts[vh].addresses[lan]", "Host 'vh': address"
            + " '192.168.1.1' is the gateway address of subnet 'lan' (192.168.1.0/24): the"
            + " network, gateway, nameserver and broadcast addresses are reserved"),
            v("dns.ptr", "hosts[vh].addresses[lan]", "Address '192.168.1.1' has two names,"
            + " 'gw.lan.cim.internal' and 'vh.lan.cim.internal': an address has exactly one"
            + " PTR, so it may have one name only"))));
    all.add(fault(ProblemIds.POLICY_ASSERTION,
        () -> baseBuilder().canConnect("dmz", "lan", "tcp/5432").build(),
        List.of(v("policy.assertion", "assertions[0]", "Assertion 'never(zone:dmz,"
            + " zone:private)': violated by src 192.168.4.2, dst 192.168.1.2, tcp/5432, allowed"
            + " by can_connect(dmz, lan, tcp/5432); path: dmz -> lan"))));
    all.add(fault(ProblemIds.IFNAME_TOO_LONG, () -> withHost(h -> host("vh")
        .nic("eth0", "3c:ec:ef:6a:10:00").nic("eth1", "3c:ec:ef:6a:10:01")
        .leaf("leaf1", "lan").leaf("leaf-for-the-dmz-zone", "dmz")
        .address("lan", "192.168.1.100").router().nameserver()),
        List.of(v("ifname.too-long", "hosts[vh].leaves[leaf-for-the-dmz-zone]", "Host 'vh':"
            + " interface name 'leaf-for-the-dmz-zone' of the bridge of leaf"
            + " 'leaf-for-the-dmz-zone' is 21 characters: kernel interface names are at most"
            + " 15; choose a shorter name"))));
    all.add(fault(ProblemIds.IFNAME_DUPLICATE, () -> withHost(h -> host("vh")
        .nic("eth0", "3c:ec:ef:6a:10:00").nic("eth1", "3c:ec:ef:6a:10:01")
        .leaf("lan", "lan").leaf("leaf2", "dmz")
        .address("lan", "192.168.1.100").router().nameserver()),
        List.of(v("ifname.duplicate", "hosts[vh].interfaces[lan]", "Host 'vh': interface name"
            + " 'lan' of the internal port of subnet 'lan' is already the name of the bridge of"
            + " leaf 'lan': kernel interface names must be unique on a host; rename one of"
            + " them"))));
    all.add(fault(ProblemIds.IFNAME_INVALID, () -> withHost(h -> h.ifname("eth0", "-up")
        .ifname("eth1", "0123")), List.of(v("ifname.invalid", "hosts[vh].nics[eth0].ifname",
            "Host 'vh': NIC 'eth0': ifname '-up' is not an interface name Linux takes: use 1 to"
            + " 15 characters: letters, digits, '_', '.' or '-', starting with a letter, a digit"
            + " or '_', and not only digits"),
        v("ifname.invalid", "hosts[vh].nics[eth1].ifname", "Host 'vh': NIC 'eth1': ifname"
            + " '0123' is not an interface name Linux takes: use 1 to 15 characters: letters,"
            + " digits, '_', '.' or '-', starting with a letter, a digit or '_', and not only"
            + " digits"))));
    // VLANs and trunks.
    Subnet lan = base().subnet("lan").orElseThrow();
    all.add(fault(ProblemIds.VLAN_DUPLICATE, () -> baseBuilder().replaceSubnet(lan.withVlan(7))
        .replaceSubnet(base().subnet("dmz").orElseThrow().withVlan(7)).build(),
        List.of(v("vlan.duplicate", "subnets[dmz].vlan", "Subnet 'dmz': VLAN id '7' is already"
            + " the VLAN of subnet 'lan': every subnet needs its own VLAN id"))));
    String missing = " does not carry subnet 'dmz' (VLAN 102), which leaf 'leaf2' of host 'vh'"
        + " needs: add it to the trunk's carries, or leave carries empty to carry every subnet"
        + " the host's leaves carry";
    all.add(fault(ProblemIds.TRUNK_VLAN_MISSING, () -> withLinks(b -> b
        .interconnect("spine1", 1, "spine2", 1)
        .trunk("vh", "eth0", "spine1", 2, "lan").trunk("vh", "eth1", "spine2", 2, "lan")),
        List.of(v("trunk.vlan-missing", "links[1].carries", "Trunk 'vh.eth0' (links[1])"
            + missing), v("trunk.vlan-missing", "links[2].carries", "Trunk 'vh.eth1' (links[2])"
            + missing))));
    all.add(fault(ProblemIds.TRUNK_BOND_MISMATCH, () -> withLinks(b -> b
        .interconnect("spine1", 1, "spine2", 1)
        .trunk("vh", "eth0", "spine1", 2).trunk("vh", "eth1", "spine2", 2, "lan", "dmz", "ilo")),
        List.of(v("trunk.bond-mismatch", "links[2].carries", "Trunk 'vh.eth1' (links[2])"
            + " carries VLANs [100, 101, 102] but trunk 'vh.eth0' (links[1]) carries [101, 102]:"
            + " the trunks of a host form one bond and must carry the same VLANs"))));
    // Spines, links and leaves.
    all.add(fault(ProblemIds.LINK_PORT_RANGE, () -> withLinks(b -> b
        .interconnect("spine1", 1, "spine2", 1)
        .trunk("vh", "eth0", "spine1", 2).trunk("vh", "eth1", "spine2", 9)),
        List.of(v("link.port-range", "links[2].port", "Trunk 'vh.eth1' (links[2]): port '9' of"
            + " spine 'spine2' does not exist: its ports are 1 to 8"))));
    all.add(fault(ProblemIds.LINK_PORT_REUSE, () -> withLinks(b -> b
        .interconnect("spine1", 1, "spine2", 1)
        .trunk("vh", "eth0", "spine1", 2).trunk("vh", "eth1", "spine2", 1)),
        List.of(v("link.port-reuse", "links[2].port", "Trunk 'vh.eth1' (links[2]): port '1' of"
            + " spine 'spine2' is already used by interconnect 'spine1:1-spine2:1' (links[0]): a"
            + " port takes one cable"))));
    all.add(fault(ProblemIds.LINK_NIC_REUSE, () -> baseBuilder()
        .trunk("vh", "eth0", "spine2", 5).build(),
        List.of(v("link.nic-reuse", "links[3].nic", "Trunk 'vh.eth0' (links[3]): NIC 'eth0' of"
            + " host 'vh' is already wired by trunk 'vh.eth0' (links[1]): a NIC takes one"
            + " cable"))));
    String unreachable = " does not reach spine 'spine2': no trunk of 'vh' is wired to it or to"
        + " a spine interconnected with it; every leaf must reach every spine";
    all.add(fault(ProblemIds.LEAF_SPINE_UNREACHABLE, () -> withLinks(b -> b
        .trunk("vh", "eth0", "spine1", 2).trunk("vh", "eth1", "spine1", 3)),
        List.of(v("leaf.spine-unreachable", "hosts[vh].leaves[leaf1]", "Host 'vh': leaf"
            + " 'leaf1'" + unreachable), v("leaf.spine-unreachable", "hosts[vh].leaves[leaf2]",
            "Host 'vh': leaf 'leaf2'" + unreachable))));
    all.add(fault(ProblemIds.LEAF_SINGLE_LINK, () -> withLinks(b -> b
        .interconnect("spine1", 1, "spine2", 1)
        .trunk("vh", "eth0", "spine1", 2).trunk("vh", "eth1", "spine1", 3)),
        List.of(v("leaf.single-link", "links[0]", "Interconnect 'spine1:1-spine2:1' (links[0])"
            + " is the only way from host 'vh' to spine 'spine2': if it fails, leaves 'leaf1' and"
            + " 'leaf2' are cut off; wire a trunk of 'vh' to 'spine2' as well so no single link"
            + " failure cuts a leaf off"))));
    all.add(fault(ProblemIds.LEAF_RESERVED_NAME, () -> withHost(h -> host("vh")
        .nic("eth0", "3c:ec:ef:6a:10:00").nic("eth1", "3c:ec:ef:6a:10:01")
        .leaf("leaf1", "lan").leaf("uplink", "dmz")
        .address("lan", "192.168.1.100").router().nameserver()),
        List.of(v("leaf.reserved-name", "hosts[vh].leaves[uplink]", "Host 'vh': leaf name"
            + " 'uplink' is reserved for the bridge that joins the host's trunks: choose another"
            + " name"))));
    all.add(fault(ProblemIds.LEAF_SUBNET_TWICE,
        () -> withHost(h -> h.leaf("leaf3", "lan")),
        List.of(v("leaf.subnet-twice", "hosts[vh].leaves[leaf3].subnets[lan]", "Host 'vh':"
            + " subnet 'lan' is carried by leaf 'leaf1' and again by leaf 'leaf3': a subnet sits"
            + " on one leaf per host"))));
    // Placement.
    all.add(fault(ProblemIds.CONTAINER_SUBNET_NOT_CARRIED,
        () -> baseBuilder().container(lxc("probe").on("vh").attach("ilo")).build(),
        List.of(v("container.subnet-not-carried", "containers[probe].attachments[ilo]",
            "Container 'probe': subnet 'ilo' is reserved, so no leaf carries it yet: attach to a"
                + " carried subnet, or drop reserved() from 'ilo'"))));
    all.add(fault(ProblemIds.CONTAINER_SUBNET_NOT_CARRIED, () -> baseBuilder()
        .host(host("vh2").leaf("leaf1", "lan").address("lan").nic("eth0", "3c:ec:ef:6a:20:00")
            .nic("eth1", "3c:ec:ef:6a:20:01"))
        .trunk("vh2", "eth0", "spine1", 3).trunk("vh2", "eth1", "spine2", 3)
        .container(lxc("probe").on("vh2").attach("dmz")).build(),
        List.of(v("container.subnet-not-carried", "containers[probe].attachments[dmz]",
            "Container 'probe': subnet 'dmz' is carried by no leaf of its host 'vh2': add 'dmz'"
                + " to a leaf of 'vh2', or place the container on a host that carries it"))));
    all.add(fault(ProblemIds.HOST_ADDRESS_NOT_CARRIED,
        () -> withHost(h -> h.address("ilo", "192.168.0.100")),
        List.of(v("host.address-not-carried", "hosts[vh].addresses[ilo]", "Host 'vh': has an"
            + " address in subnet 'ilo', which is reserved, so no leaf carries it yet: drop the"
            + " address, or drop reserved() from 'ilo'"))));
    all.add(fault(ProblemIds.HOST_ADDRESS_NOT_CARRIED, () -> baseBuilder()
        .subnet(subnet("spare", "192.168.5.0/24"))
        .replaceHost(vh().leaf("leaf3", "spare").build())
        .host(host("vh2").leaf("leaf1", "lan").address("lan").address("spare")
            .nic("eth0", "3c:ec:ef:6a:20:00").nic("eth1", "3c:ec:ef:6a:20:01"))
        .trunk("vh2", "eth0", "spine1", 3).trunk("vh2", "eth1", "spine2", 3).build(),
        List.of(v("host.address-not-carried", "hosts[vh2].addresses[spare]", "Host 'vh2': has"
            + " an address in subnet 'spare', but none of its leaves carries 'spare': add"
            + " 'spare' to a leaf of 'vh2'"))));
    all.add(fault(ProblemIds.HOST_PLACEMENT_NOT_CARRIED,
        () -> withHost(host("vh").nic("eth0", "3c:ec:ef:6a:10:00").nic("eth1", "3c:ec:ef:6a:10:01")
            .leaf("leaf1", "lan").leaf("leaf2", "dmz").address("lan", "192.168.1.100")
            .router("lan", "dmz", "ilo").nameserver().build()),
        List.of(v("host.placement-not-carried", "hosts[vh].router[2]", "Host 'vh': router names"
            + " subnet 'ilo', but 'ilo' is reserved, so no leaf carries it yet: add 'ilo' to a"
            + " leaf of 'vh', or drop it from router(..)"))));
    all.add(fault(ProblemIds.SUBNET_UNROUTED,
        () -> withHost(host("vh").nic("eth0", "3c:ec:ef:6a:10:00").nic("eth1", "3c:ec:ef:6a:10:01")
            .leaf("leaf1", "lan").leaf("leaf2", "dmz").address("lan", "192.168.1.100")
            .router("lan").nameserver().build()),
        List.of(v("subnet.unrouted", "subnets[dmz]", "Subnet 'dmz': no host routes it, so its"
            + " containers ('web1') have no gateway and reach nothing outside 'dmz': mark one of"
            + " the hosts that carry it ('vh') router('dmz')"))));
    all.add(fault(ProblemIds.HOST_UNREACHABLE, () -> baseBuilder()
        .host(host("vh2").leaf("leaf1", "lan").nic("eth0", "3c:ec:ef:6a:20:00")
            .nic("eth1", "3c:ec:ef:6a:20:01"))
        .trunk("vh2", "eth0", "spine1", 3).trunk("vh2", "eth1", "spine2", 3).build(),
        List.of(v("host.unreachable", "hosts[vh2]", "Host 'vh2': no address (it carries no"
            + " subnet of zone 'management' to get one from), so after a deploy it is reachable"
            + " only from a console: give it address(\"<subnet>\") in a subnet some host routes"
            + " and serves, or mark it router"))));
    all.add(fault(ProblemIds.ROUTER_FOREIGN_NAMESERVER, () -> baseBuilder()
        .replaceHost(host("vh").nic("eth0", "3c:ec:ef:6a:10:00").nic("eth1", "3c:ec:ef:6a:10:01")
            .leaf("leaf1", "lan").leaf("leaf2", "dmz").address("lan", "192.168.1.100")
            .router("lan").nameserver().build())
        .host(host("vh2").leaf("leaf1", "lan", "dmz").address("lan").router("dmz")
            .nic("eth0", "3c:ec:ef:6a:20:00").nic("eth1", "3c:ec:ef:6a:20:01"))
        .trunk("vh2", "eth0", "spine1", 3).trunk("vh2", "eth1", "spine2", 3).build(),
        List.of(v("router.foreign-nameserver", "hosts[vh].nameserver", "Host 'vh': routes 'lan'"
            + " and serves DNS for subnet 'dmz', which 'vh2' routes: on 'dmz' it would forward"
            + " around 'vh2', whose replies come back the other way, so neither firewall sees"
            + " whole connections: serve 'dmz' from 'vh2' or from a host that routes nothing"))));
    all.add(fault(ProblemIds.PUBLISH_NO_RULE, () -> baseBuilder().replaceContainer(lxc("files")
        .on("vh").attach("lan").publish("tcp/22").build()).build(),
        List.of(v("publish.no-rule", "containers[files].publishes[tcp/22]", "Container 'files':"
            + " publishes 'tcp/22', but no rule lets the internet reach it: add"
            + " can_connect(internet, container:files, tcp/22), or such a rule to its subnet or"
            + " zone"))));
    all.add(fault(ProblemIds.PUBLISH_CONFLICT, () -> baseBuilder().replaceContainer(lxc("files")
        .on("vh").attach("lan").publish("tcp/400-500").build())
        .canConnect("internet", "container:files", "tcp/400-500").build(),
        List.of(v("publish.conflict", "containers[files].publishes[tcp/400-500]", "Container"
            + " 'files': publishes 'tcp/400-500', but container 'web1' already publishes"
            + " 'tcp/443' on the public address: a public port forwards to one container"))));
    // References.
    all.add(fault(ProblemIds.REF_HOST,
        () -> baseBuilder().container(lxc("probe").on("ghost").attach("lan")).build(),
        List.of(v("ref.host", "containers[probe].host", "Container 'probe': host 'ghost' is not"
            + " declared"))));
    all.add(fault(ProblemIds.REF_HOST, () -> baseBuilder().trunk("ghost", "eth0", "spine1", 5)
        .build(),
        List.of(v("ref.host", "links[3].host", "Trunk 'ghost.eth0' (links[3]): host 'ghost' is"
            + " not declared"))));
    all.add(fault(ProblemIds.REF_SUBNET,
        () -> baseBuilder().container(lxc("probe").on("vh").attach("nowhere")).build(),
        List.of(v("ref.subnet", "containers[probe].attachments[nowhere]", "Container 'probe':"
            + " subnet 'nowhere' is not declared"))));
    all.add(fault(ProblemIds.REF_SUBNET, () -> withHost(h -> h.leaf("leaf3", "nowhere")),
        List.of(v("ref.subnet", "hosts[vh].leaves[leaf3].subnets[nowhere]", "Host 'vh': leaf"
            + " 'leaf3' carries subnet 'nowhere', which is not declared"))));
    all.add(fault(ProblemIds.REF_SUBNET, () -> withHost(h -> h.address("nowhere", "10.1.1.1")),
        List.of(v("ref.subnet", "hosts[vh].addresses[nowhere]", "Host 'vh': has an address in"
            + " subnet 'nowhere', which is not declared"))));
    all.add(fault(ProblemIds.REF_SUBNET, () -> withLinks(b -> b
        .interconnect("spine1", 1, "spine2", 1)
        .trunk("vh", "eth0", "spine1", 2).trunk("vh", "eth1", "spine2", 2)
        .trunk("vh", "eth2", "spine2", 3, "lan", "dmz", "nowhere")).toBuilder()
        .replaceHost(vh().nic("eth2", "3c:ec:ef:6a:10:02").build()).build(),
        List.of(v("ref.subnet", "links[3].carries[nowhere]", "Trunk 'vh.eth2' (links[3]):"
            + " carries subnet 'nowhere', which is not declared"))));
    all.add(fault(ProblemIds.REF_SUBNET, () -> baseBuilder().canConnect("lan", "nowhere").build(),
        List.of(v("ref.subnet", "rules[2].to", "Rule can_connect(lan, nowhere): subnet"
            + " 'nowhere' is not declared"))));
    all.add(fault(ProblemIds.REF_SUBNET, () -> parts()
        .internet("203.0.113.10/24", "203.0.113.1", "nowhere")
        .canConnect("internet", "dmz", "tcp/443").build(),
        List.of(v("ref.subnet", "internet.via", "Internet: via subnet 'nowhere' is not"
            + " declared"))));
    all.add(fault(ProblemIds.REF_SPINE, () -> baseBuilder().trunk("vh", "eth2", "spine9", 1)
        .replaceHost(vh().nic("eth2", "3c:ec:ef:6a:10:02").build()).build(),
        List.of(v("ref.spine", "links[3].spine", "Trunk 'vh.eth2' (links[3]): spine 'spine9' is"
            + " not declared"))));
    all.add(fault(ProblemIds.REF_NIC, () -> baseBuilder().trunk("vh", "eth7", "spine2", 5)
        .build(),
        List.of(v("ref.nic", "links[3].nic", "Trunk 'vh.eth7' (links[3]): host 'vh' has no NIC"
            + " 'eth7': declare it on the host"))));
    all.add(fault(ProblemIds.REF_ZONE,
        () -> baseBuilder().canConnect("zone:nowhere", "dmz").build(),
        List.of(v("ref.zone", "rules[2].from", "Rule can_connect(zone:nowhere, dmz): no subnet"
            + " is in zone 'nowhere': declare one there, or name a zone that has subnets"))));
    all.add(fault(ProblemIds.ENDPOINT_HOST_SOURCE,
        () -> baseBuilder().canConnect("host:vh", "lan").build(),
        List.of(v("endpoint.host-source", "rules[2].from", "Rule can_connect(host:vh, lan):"
            + " opens from 'host:vh', but a host's own connections leave unfiltered, so no rule"
            + " or assertion can speak for them: use host:NAME only as a destination (a service"
            + " of the host)"))));
    all.add(fault(ProblemIds.REF_HOST,
        () -> baseBuilder().canConnect("lan", "host:ghost", "tcp/22").build(),
        List.of(v("ref.host", "rules[2].to", "Rule can_connect(lan, host:ghost, tcp/22): host"
            + " 'ghost' is not declared"))));
    all.add(fault(ProblemIds.REF_CONTAINER,
        () -> baseBuilder().never("container:ghost", "lan").build(),
        List.of(v("ref.container", "assertions[1].from", "Assertion never(container:ghost, lan):"
            + " container 'ghost' is not declared"))));
    // Open vSwitch's port limits: one container more than a leaf's OpenFlow numbers.
    all.add(fault(ProblemIds.HOST_PORTS, InvariantsTest::crowdedLeaf,
        List.of(v("host.ports", "hosts[vh].leaves[crowd]", "Host 'vh': leaf 'crowd' has 60001"
            + " container ports: at most 60000 fit in the OpenFlow port numbers cimnet pins them"
            + " to (Open vSwitch numbers ports 1 to 65279): spread the containers over more"
            + " leaves or hosts"))));
    // IPAM.
    all.add(fault(ProblemIds.IPAM_SUBNET_FULL, () -> baseBuilder()
        .subnet(subnet("p2p", "192.168.5.0/30"))
        .replaceHost(vh().leaf("leaf3", "p2p").build())
        .container(lxc("probe").on("vh").attach("p2p")).build(),
        List.of(v("ipam.subnet-full", "subnets[p2p]", "Subnet 'p2p' (192.168.5.0/30) has no"
            + " address to hand out: its 4 addresses are the network, gateway, nameserver,"
            + " broadcast addresses; cannot place container 'probe': widen the subnet or move it"))));
    all.add(fault(ProblemIds.IPAM_VLANS_EXHAUSTED, InvariantsTest::allVlansTaken,
        List.of(v("ipam.vlans-exhausted", "subnets[s4093].vlan", "Subnet 's4093': no VLAN id is"
            + " free: all of 2 to 4094 are taken"))));
    return all.stream();
  }
  /**
   * One case: the network is built only when its case runs, since a runner that picks one case
   * by its id (as mutation testing does, once per mutant) still asks for every case.
   */
  static Arguments fault(String rule, Supplier<Network> network, Object expected) {
    return Arguments.of(rule, network, expected);
  }

  /** A leaf with one container more than its OpenFlow port numbers hold. */
  static Network crowdedLeaf() {
    Network.Builder crowd = network("t").supernet("10.0.0.0/8")
        .subnet(subnet("big", "10.1.0.0/16"))
        .spine("spine1", 8).spine("spine2", 8).interconnect("spine1", 1, "spine2", 1)
        .host(host("vh").nic("eth0", "3c:ec:ef:6a:10:00").nic("eth1", "3c:ec:ef:6a:10:01")
            .leaf("crowd", "big").address("big", "10.1.0.100"))
        .trunk("vh", "eth0", "spine1", 2).trunk("vh", "eth1", "spine2", 2);
    for (int i = 0; i <= 60_000; i++) {
      crowd.container(lxc("c" + i).on("vh").attach("big"));
    }
    return crowd.build();
  }

  /** 4,094 subnets, one more than there are VLAN ids to hand out after the management one. */
  static Network allVlansTaken() {
    Network.Builder many = network("t").supernet("10.0.0.0/16");
    int index = 0;
    for (Prefix p : Prefix.parse("10.0.0.0/16").subnets(30)) {
      if (index == 4094) {
        break;
      }
      many.subnet(subnet("s" + index++, p.toString()).reserved());
    }
    return many.build();
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultIsReportedExactly(String rule, Supplier<Network> network,
      List<Problem> expected) {
    COVERED.add(rule);
    assertEquals(expected, Checker.check(network.get()).problems());
  }

  @Test
  void spineOverCapacityNamesTheSpine() {
    // Two ports, three cables: more links than ports always means a port used twice or out of
    // range too (pigeonhole), and both are said.
    Network network = withLinks(b -> b
        .interconnect("spine1", 1, "spine2", 1)
        .trunk("vh", "eth0", "spine1", 2).trunk("vh", "eth1", "spine2", 2)
        .trunk("vh", "eth2", "spine1", 2));
    Network.Builder b = network("t").supernet("192.168.0.0/21").spine("spine1", 2)
        .spine("spine2", 8).host(vh().nic("eth2", "3c:ec:ef:6a:10:02"));
    network.subnets().forEach(b::subnet);
    network.links().forEach(b::link);
    network.containers().forEach(b::container);
    COVERED.add(ProblemIds.SPINE_CAPACITY);
    assertEquals(List.of(
        v("link.port-reuse", "links[3].port", "Trunk 'vh.eth2' (links[3]): port '2' of spine"
            + " 'spine1' is already used by trunk 'vh.eth0' (links[1]): a port takes one cable"),
        v("spine.capacity", "spines[spine1]", "Spine 'spine1': 3 links but only 2 ports: move"
            + " links to another spine or declare more ports")),
        Checker.check(withWayOut(b).build()).problems());
  }

  /** Generated MACs cannot be made global through IPAM, so the check gets a doctored result. */
  @Test
  void generatedMacsMustBeLocallyAdministered() {
    Network declared = base();
    Network assigned = Ipam.assign(declared).network();
    Container files = assigned.container("files").orElseThrow();
    Attachment a = files.attachments().get(0);
    Network doctored = assigned.toBuilder().replaceContainer(files.withAttachments(List.of(
        new Attachment(a.subnet(), a.address(), Optional.of(MacAddress.parse(
            "3c:ec:ef:00:00:99")))))).build();
    List<Problem> problems = new ArrayList<>();
    Invariants.check(declared, doctored, problems, new ArrayList<>());
    COVERED.add(ProblemIds.MAC_GENERATED_NOT_LOCAL);
    assertEquals(List.of(v("mac.generated-not-local", "containers[files].attachments[lan].mac",
        "Container 'files': the interface in subnet 'lan' has the generated MAC"
            + " '3c:ec:ef:00:00:99', which is not locally administered: generated MACs must be"
            + " locally administered (the second-lowest bit of the first octet set), so they"
            + " never clash with a vendor's")), problems);
    // The same MAC given by a person is theirs to choose.
    Network given = baseBuilder().replaceContainer(lxc("files").on("vh")
        .attach("lan", a.address().orElseThrow().toString(), "3c:ec:ef:00:00:99").build()).build();
    assertEquals(List.of(), Checker.check(given).problems());
  }

  /**
   * DNS name limits at their edges: a 63-character container name in a domain of 63-character
   * labels makes a name of exactly 253 characters, which is fine; one character more is not. No
   * label can pass 63: the model refuses longer names and domain labels when they are declared.
   */
  @Test
  void aNameOf253CharactersPassesAndOneOf254IsReported() {
    String name = "x".repeat(63);
    String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(57);
    assertEquals(List.of(), Checker.check(withWayOut(parts().domain(domain)
        .container(lxc(name).on("vh").attach("lan"))).build()).problems());
    String longer = domain + "c";
    String fqdn = name + ".lan." + longer;
    assertEquals(254, fqdn.length());
    assertEquals(List.of(v("name.fqdn-length", "containers[" + name + "].attachments[lan]",
        "Name '" + fqdn + "' of container '" + name + "' in subnet 'lan' is 254 characters: DNS"
            + " names are at most 253; shorten the domain, the subnet's name or the element's"
            + " name")), Checker.check(withWayOut(parts().domain(longer)
        .container(lxc(name).on("vh").attach("lan"))).build()).problems());
    assertThrows(IllegalArgumentException.class,
        () -> lxc("x".repeat(64)).on("vh").attach("lan").build());
    assertThrows(IllegalArgumentException.class,
        () -> network("t").domain("a".repeat(64) + ".internal"));
  }

  /**
   * An assertion on something that does not resolve is the prover's warning; the checker
   * refuses the dangling reference first, so the warning is never the only word on it.
   */
  @Test
  void anUnresolvedAssertionIsAWarningOfTheProver() {
    Network n = baseBuilder().never("zone:nowhere", "dmz").build();
    COVERED.add(ProblemIds.WARN_POLICY_UNRESOLVED);
    assertEquals(List.of(v("policy.unresolved", "assertions[1]", "Assertion 'never(zone:nowhere,"
        + " dmz)': cannot be proven: zone 'nowhere' has no subnet")),
        Prover.warnings(Prover.prove(Ipam.assign(n).network())));
    Report report = Checker.check(n);
    assertEquals(List.of("ref.zone"), report.problems().stream().map(Problem::id).toList());
    assertEquals(List.of(), report.warnings());
  }

  /** Every id the catalogue declares is listed once, as a problem or as a warning. */
  @Test
  void theCatalogueListsEveryIdOnce() throws IllegalAccessException {
    List<String> declared = new ArrayList<>();
    for (java.lang.reflect.Field f : ProblemIds.class.getFields()) {
      if (f.getType() == String.class) {
        declared.add((String) f.get(null));
      }
    }
    List<String> listed = new ArrayList<>(ProblemIds.PROBLEMS);
    listed.addAll(ProblemIds.WARNINGS);
    assertEquals(new TreeSet<>(declared), new TreeSet<>(listed));
    assertEquals(listed.size(), new TreeSet<>(listed).size(), "an id listed twice: " + listed);
    assertEquals(declared.size(), new TreeSet<>(declared).size(), "two names, one id");
    for (String id : listed) {
      assertTrue(id.matches("[a-z]+\\.[a-z]+(-[a-z]+)*"), "id " + id);
    }
  }

  @Test
  void publicSupernetIsAllowedWhenDeclared() {
    Network n = network("t").supernet("192.168.0.0/15").publicSupernet()
        .subnet(subnet("ilo", "192.168.0.0/24").reserved()).build();
    assertEquals(List.of(), Checker.check(n).problems());
  }

  static Stream<Arguments> warnings() {
    return Stream.of(
        fault(ProblemIds.WARN_NIC_NO_MAC, () -> withHost(h -> host("vh")
            .nic("eth0", "3c:ec:ef:6a:10:00").nic("eth1").leaf("leaf1", "lan")
            .leaf("leaf2", "dmz").address("lan", "192.168.1.100").router().nameserver()),
            v("nic.no-mac", "hosts[vh].nics[eth1].mac", "Host 'vh': NIC 'eth1' has no MAC yet:"
                + " add it from the inventory (parts.yaml) or let discovery fill it in")),
        fault(ProblemIds.WARN_RULE_RESERVED_SUBNET,
            () -> baseBuilder().canConnect("lan", "ilo").build(),
            v("rule.reserved-subnet", "rules[2].to", "Rule can_connect(lan, ilo): subnet 'ilo'"
                + " is reserved, so no leaf carries it yet: the rule takes effect once it is")),
        fault(ProblemIds.WARN_SUBNET_UNCARRIED,
            () -> baseBuilder().subnet(subnet("spare", "192.168.5.0/24")).build(),
            v("subnet.uncarried", "subnets[spare]", "Subnet 'spare' is carried by no leaf: add"
                + " it to a leaf, or mark it reserved()")),
        fault(ProblemIds.WARN_HOST_NO_SSH, () -> withWayOut(partsNoDeploy()).build(),
            v("host.no-ssh", "hosts[vh]", "Host 'vh': no subnet may open ssh (tcp/22) to it, so"
                + " the first switch over ssh cuts the session: name the subnet you deploy from"
                + " (deploy_from), put a subnet in zone 'management', or add can_connect(SUBNET,"
                + " host:vh, tcp/22)")),
        fault(ProblemIds.WARN_ROUTER_UNLINKED, () -> baseBuilder()
            .subnet(subnet("spare", "192.168.5.0/24"))
            .host(host("vh2").leaf("leaf1", "spare").router().nameserver()
                .nic("eth0", "3c:ec:ef:6a:20:00").nic("eth1", "3c:ec:ef:6a:20:01"))
            .trunk("vh2", "eth0", "spine1", 3).trunk("vh2", "eth1", "spine2", 3).build(),
            v("router.unlinked", "hosts[vh2]", "Host 'vh2' routes 'spare' but holds no address"
                + " of its own in a subnet that a router linked to 'vh' routes, so no traffic"
                + " flows between its subnets and 'lan' and 'dmz' (the prover agrees): give it"
                + " address(\"<subnet>\") in a subnet such as 'lan' that it carries")),
        fault(ProblemIds.WARN_INTERNET_NO_FORWARDERS, () -> parts()
            .internet("203.0.113.10/24", "203.0.113.1", "lan")
            .canConnect("internet", "dmz", "tcp/443").canConnect("lan", "internet")
            .never("zone:dmz", "zone:private").build(),
            v("internet.no-forwarders", "internet.forwarders", "Internet: no forwarders are"
                + " declared, so every nameserver refuses the names outside 'cim.internal' and"
                + " the supernet's reverse zones: the hosts themselves (binary cache, NTP,"
                + " updates) and every container resolve nothing on the internet; declare the"
                + " upstream resolvers in the internet, such as forwarders: [9.9.9.9,"
                + " 149.112.112.112]")),
        fault(ProblemIds.WARN_IFNAME_KERNEL_SPACE, () -> withHost(h -> h.ifname("eth1", "eth1")),
            v("ifname.kernel-space", "hosts[vh].nics[eth1].ifname", "Host 'vh': NIC 'eth1':"
                + " ifname 'eth1' is a name the kernel gives devices itself, so renaming the card"
                + " to it races with the kernel naming another card so at boot (systemd warns):"
                + " leave ifname out for the derived 'nic_eth1', or choose a name outside"
                + " eth<N>, wlan<N>, wwan<N>, usb<N> and ib<N>")),
        fault(ProblemIds.WARN_LEAF_RESERVED_SUBNET, () -> withHost(h -> h.leaf("leaf3", "ilo")),
            v("leaf.reserved-subnet", "hosts[vh].leaves[leaf3].subnets[ilo]", "Host 'vh': leaf"
                + " 'leaf3' lists subnet 'ilo', which is reserved: the plan leaves it out until"
                + " it is no longer reserved")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warnings")
  void eachWarningIsReportedAndIsNoProblem(String rule, Supplier<Network> network,
      Problem expected) {
    COVERED.add(rule);
    Report report = Checker.check(network.get());
    assertEquals(List.of(), report.problems());
    assertEquals(List.of(expected), report.warnings());
  }

  @Test
  void everyFaultIsReportedAtOnce() {
    Network n = baseBuilder()
        .replaceContainer(lxc("files").on("vh").attach("lan", "192.168.1.100").build())
        .replaceSubnet(base().subnet("lan").orElseThrow().withVlan(9))
        .replaceSubnet(base().subnet("dmz").orElseThrow().withVlan(9))
        .container(lxc("probe").on("ghost").attach("nowhere"))
        .subnet(subnet("half", "192.168.4.128/25").reserved())
        .canConnect("zone:nowhere", "dmz")
        .build();
    Set<String> rules = Checker.check(n).problems().stream().map(Problem::id)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of("address.duplicate", "vlan.duplicate", "ref.host",
        "ref.subnet", "subnet.overlap", "ref.zone")), rules);
  }

  @AfterAll
  static void everyProblemIdHasACase() {
    Set<String> all = new TreeSet<>(ProblemIds.PROBLEMS);
    all.addAll(ProblemIds.WARNINGS);
    all.removeAll(COVERED);
    // Runs only when the whole class ran; a filtered run covers less on purpose.
    assertTrue(COVERED.size() < 10 || all.isEmpty(), "problem ids without a case: " + all);
  }

  /** A stated interface name is honoured as given, and must not clash with another name. */
  @Test
  void statedInterfaceNamesAreHonouredAndUnique() {
    Network stated = withHost(h -> h.ifname("eth0", "enp3s0f0"));
    assertEquals(List.of(), Checker.check(stated).problems());
    assertEquals(List.of("enp3s0f0", "nic_eth1"), Checker.validate(stated).plans().get("vh")
        .nics().stream().map(n -> n.ifname()).toList());
    assertEquals(List.of(v("ifname.duplicate", "hosts[vh].interfaces[lan]", "Host 'vh':"
        + " interface name 'lan' of the internal port of subnet 'lan' is already the name of NIC"
        + " 'eth1': kernel interface names must be unique on a host; rename one of them")),
        Checker.check(withHost(h -> h.ifname("eth1", "lan"))).problems());
    assertEquals(List.of(v("ifname.duplicate", "hosts[vh].nics[eth1]", "Host 'vh': interface"
        + " name 'nic_eth0' of NIC 'eth1' is already the name of NIC 'eth0': kernel interface"
        + " names must be unique on a host; rename one of them")),
        Checker.check(withHost(h -> h.ifname("eth1", "nic_eth0"))).problems());
  }
}
