package org.cimnet.render.nix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.Service;
import org.cimnet.core.plan.FirewallPlan;
import org.cimnet.core.plan.FirewallPlan.Allow;
import org.cimnet.core.plan.FirewallPlan.AllowRule;
import org.cimnet.core.plan.FirewallPlan.AllowSet;
import org.cimnet.core.plan.FirewallPlan.Direction;
import org.cimnet.core.plan.FirewallPlan.Publish;
import org.cimnet.core.plan.FirewallPlan.Side;
import org.cimnet.core.plan.FirewallPlan.SubnetPort;
import org.cimnet.core.plan.FirewallPlan.ZoneSet;

/**
 * The one function that writes a {@link FirewallPlan} as nftables text: the bodies of the
 * tables (what NixOS's {@code networking.nftables.tables.<name>.content} takes, without the
 * {@code table} header), and the whole {@code nft -f} file wrapping them in the idempotent
 * {@code table / delete table / table { }} idiom. Interfaces are matched by name only
 * ({@code iifname}/{@code oifname}), never {@code iif}/{@code oif}, which resolve at load time
 * and fail in the NixOS build sandbox.
 */
final class NftRuleset {
  private static final String INDENT = "  ";
  private static final String CT_STATE =
      "ct state vmap { established : accept, related : accept, invalid : drop }";
  private static final String SUBNET_SOURCES = "subnet_sources";
  private static final String SUBNET_IFACES = "subnet_ifaces";
  private static final String PRIVATE_SPACES = "private_spaces";
  private static final String NAMESERVERS = "nameservers";
  private static final String DNS_PEERS = "dns_peers";
  private static final String DNS_ASKERS = "dns_askers";
  private static final String DNS_ASKED = "dns_asked";
  private static final String NAT_SOURCES = "nat_sources";
  private static final String PUBLISHED = "published";
  /** The set of every source a host service opens to: where NixOS's own openings go. */
  static final String HOST_SERVICE_SOURCES = "host_service_sources";
  /**
   * Stands, in the body {@link #tables(FirewallPlan, boolean)} writes for NixOS, for the line
   * where NixOS's own openings go; {@link FirewallModule} replaces it with an interpolation.
   */
  static final String NIXOS_OPENINGS = "\0nixos-openings";

  /** One table: its family, its name, and its body lines (indented relative to the table). */
  record Table(String family, String name, List<String> body) {}

  private NftRuleset() {}

  /** The tables of the plan: the filter, and the NAT table when the host translates. */
  static List<Table> tables(FirewallPlan plan) {
    return tables(plan, false);
  }

  /**
   * The tables; with {@code nixos}, the chain {@value FirewallPlan#HOST_SERVICES_CHAIN} ends in
   * the line {@link #NIXOS_OPENINGS} when some host service opens to a subnet.
   */
  static List<Table> tables(FirewallPlan plan, boolean nixos) {
    List<Table> tables = new ArrayList<>();
    tables.add(new Table("inet", FirewallPlan.FILTER_TABLE, filter(plan, nixos)));
    if (plan.translates()) {
      tables.add(new Table("ip", FirewallPlan.NAT_TABLE, nat(plan)));
    }
    return tables;
  }

  /** The whole ruleset as a file for {@code nft -f}: replaces cimnet's tables atomically. */
  static String file(FirewallPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("#!/usr/sbin/nft -f\n");
    out.append(NftStrings.comment("cimnet: the packet filter of host " + plan.host()
        + " (generated; do not edit).")).append('\n');
    out.append(NftStrings.comment("Each table is declared, deleted and declared again, so"
        + " loading this file replaces cimnet's tables")).append('\n');
    out.append(NftStrings.comment("atomically and leaves every other table alone."))
        .append('\n');
    List<Table> tables = tables(plan);
    for (Table t : tables) {
      String head = "table " + t.family() + " " + NftStrings.identifier(t.name());
      out.append('\n').append(head).append('\n').append("delete ").append(head).append('\n');
      out.append(head).append(" {\n");
      for (String line : t.body()) {
        out.append(line.isEmpty() ? "" : INDENT + line).append('\n');
      }
      out.append("}\n");
    }
    if (!plan.translates()) {
      String head = "table ip " + NftStrings.identifier(FirewallPlan.NAT_TABLE);
      out.append('\n').append(NftStrings.comment("Nothing to translate on this host: remove"
          + " the table if an earlier ruleset made it.")).append('\n');
      out.append(head).append('\n').append("delete ").append(head).append('\n');
    }
    return out.toString();
  }

  private static List<String> filter(FirewallPlan plan, boolean nixos) {
    List<String> b = new ArrayList<>();
    String uplink = plan.uplink().map(u -> NftStrings.ifname(u.ifname())).orElse(null);
    String internet = plan.internetIfname().map(NftStrings::ifname).orElse(null);
    if (!plan.subnets().isEmpty()) {
      b.add(NftStrings.comment("Anti-spoofing: what arrives on the interface of a subnet"
          + " comes from that subnet" + (plan.behind().isEmpty() ? "."
              : ", or from a subnet routed below it through that interface.")));
      List<String> sources = new ArrayList<>();
      plan.subnets().forEach(p -> sources.add(NftStrings.ifname(p.ifname()) + " . " + p.cidr()));
      plan.behind().forEach(p -> sources.add(NftStrings.ifname(p.ifname()) + " . " + p.cidr()));
      set(b, SUBNET_SOURCES, "ifname . ipv4_addr", "interval", sources, e -> e);
      set(b, SUBNET_IFACES, "ifname", null, plan.subnets(), p -> NftStrings.ifname(p.ifname()));
    }
    if (internet != null) {
      b.add(NftStrings.comment("Never the internet: private and link-local spaces and the"
          + " supernet."));
      set(b, PRIVATE_SPACES, "ipv4_addr", "interval", plan.privateSpaces(), Prefix::toString);
    }
    List<SubnetPort> served = plan.subnets().stream().filter(p -> p.nameserver().isPresent())
        .toList();
    if (!served.isEmpty()) {
      b.add(NftStrings.comment("The nameserver address the host holds in each subnet."));
      set(b, NAMESERVERS, "ifname . ipv4_addr", null, served,
          p -> NftStrings.ifname(p.ifname()) + " . " + p.nameserver().get());
    }
    if (!plan.dnsPeers().isEmpty()) {
      b.add(NftStrings.comment("The other nameserver hosts' nameserver addresses."));
      set(b, DNS_PEERS, "ipv4_addr", null, plan.dnsPeers(), Object::toString);
    }
    if (!plan.dnsQueries().isEmpty()) {
      b.add(NftStrings.comment("The nameservers whose queries to other nameservers this router"
          + " forwards, and the addresses it forwards them to."));
      set(b, DNS_ASKERS, "ipv4_addr", null, plan.dnsQueries().askers(), Object::toString);
      set(b, DNS_ASKED, "ipv4_addr", null, plan.dnsQueries().asked(), Object::toString);
    }
    if (!plan.hostServiceSources().isEmpty()) {
      b.add(NftStrings.comment("Every subnet and container a service of the host opens to."));
      set(b, HOST_SERVICE_SOURCES, "ipv4_addr", "interval", plan.hostServiceSources(),
          Prefix::toString);
    }
    for (ZoneSet z : plan.zones()) {
      b.add(NftStrings.comment("Zone " + z.zone() + ": the subnets of this host in it."));
      set(b, z.name(), "ipv4_addr", "interval", z.cidrs(), Prefix::toString);
    }
    for (AllowSet s : plan.allowSets()) {
      b.add(NftStrings.comment(describe(s)));
      set(b, s.name(), type(s), "interval", s.elements(), NftRuleset::element);
    }
    if (!plan.subnets().isEmpty()) {
      chain(b, "prerouting", "type filter hook prerouting priority raw; policy accept;");
      b.add(INDENT + "iifname . ip saddr @" + SUBNET_SOURCES + " accept");
      if (uplink != null) {
        b.add(INDENT + NftStrings.comment("The internet arrives through the uplink."));
        b.add(INDENT + "iifname " + uplink + " ip saddr != @" + PRIVATE_SPACES + " accept");
      }
      if (!plan.dnsPeers().isEmpty()) {
        b.add(INDENT + NftStrings.comment("Nameservers ask each other and answer from whichever"
            + " address was asked."));
        b.add(INDENT + "ip saddr @" + DNS_PEERS + " meta l4proto { tcp, udp } th dport 53 accept");
        b.add(INDENT + "ip saddr @" + DNS_PEERS + " meta l4proto { tcp, udp } th sport 53 accept");
      }
      plan.parent().ifPresent(p -> {
        b.add(INDENT + NftStrings.comment("Everything but this router's own subtree arrives"
            + " from its parent router."));
        b.add(INDENT + "iifname " + NftStrings.ifname(p.ifname()) + " ip saddr != { "
            + p.below().stream().map(Prefix::toString).collect(Collectors.joining(", "))
            + " } accept");
      });
      b.add(INDENT + NftStrings.comment("Spoofed (or IPv6, which nothing plans yet)."));
      b.add(INDENT + "iifname @" + SUBNET_IFACES + " drop");
      b.add("}");
    }
    input(b, plan, served, uplink, nixos);
    forward(b, plan, internet);
    return b;
  }

  private static void input(List<String> b, FirewallPlan plan, List<SubnetPort> served,
      String uplink, boolean nixos) {
    chain(b, "input", "type filter hook input priority filter; policy drop;");
    b.add(INDENT + "iifname \"lo\" accept");
    b.add(INDENT + CT_STATE);
    if (!served.isEmpty()) {
      b.add(INDENT + NftStrings.comment("DNS from each subnet to its nameserver address."));
      b.add(INDENT + "iifname . ip daddr @" + NAMESERVERS
          + " meta l4proto { tcp, udp } th dport 53 accept");
    }
    if (!served.isEmpty() && !plan.dnsPeers().isEmpty()) {
      b.add(INDENT + NftStrings.comment("DNS from the other nameservers, whichever way it came."));
      b.add(INDENT + "ip saddr @" + DNS_PEERS + " meta l4proto { tcp, udp } th dport 53 accept");
    }
    if (!plan.subnets().isEmpty()) {
      b.add(INDENT + "iifname . ip saddr @" + SUBNET_SOURCES + " icmp type echo-request accept");
    }
    b.add(INDENT + "jump " + NftStrings.identifier(FirewallPlan.HOST_SERVICES_CHAIN));
    b.add("}");
    b.add(NftStrings.comment("The services of the host itself: the rules to host:"
        + plan.host() + "."));
    b.add("chain " + NftStrings.identifier(FirewallPlan.HOST_SERVICES_CHAIN) + " {");
    for (FirewallPlan.HostService h : plan.hostServices()) {
      b.add(INDENT + NftStrings.comment(h.rule() + ": " + h.service()));
      b.add(INDENT + side(h.from(), "iifname", "saddr", uplink) + service(h.service())
          + " accept");
    }
    if (nixos && !plan.hostServiceSources().isEmpty()) {
      b.add(NIXOS_OPENINGS);
    }
    b.add("}");
  }

  private static void forward(List<String> b, FirewallPlan plan, String uplink) {
    chain(b, "forward", "type filter hook forward priority filter; policy drop;");
    b.add(INDENT + CT_STATE);
    if (!plan.dnsPeers().isEmpty()) {
      b.add(INDENT + NftStrings.comment("A nameserver's answer to another may come back another"
          + " way than the question went."));
      b.add(INDENT + "ip saddr @" + DNS_PEERS + " ip daddr @" + DNS_PEERS
          + " meta l4proto { tcp, udp } th sport 53 accept");
    }
    if (!plan.dnsQueries().isEmpty()) {
      b.add(INDENT + "ip saddr @" + DNS_ASKERS + " ip daddr @" + DNS_ASKED
          + " meta l4proto { tcp, udp } th dport 53 accept");
    }
    for (AllowSet s : plan.allowSets()) {
      String keys = switch (s.direction()) {
        case FORWARD -> "ip saddr . ip daddr";
        case OUTBOUND -> "oifname " + uplink + " ip daddr != @" + PRIVATE_SPACES + " ip saddr";
        case INBOUND -> "iifname " + uplink + " ip saddr != @" + PRIVATE_SPACES + " ip daddr";
      };
      String rest = switch (s.match()) {
        case ANY -> "";
        case PROTOCOL -> " . meta l4proto";
        case PORTS -> " . meta l4proto . th dport";
      };
      b.add(INDENT + keys + rest + " @" + NftStrings.identifier(s.name()) + " accept");
    }
    for (AllowRule r : plan.allowRules()) {
      b.add(INDENT + NftStrings.comment(r.rule() + ": " + r.service()));
      b.add(INDENT + side(r.from(), "iifname", "saddr", uplink) + " "
          + side(r.to(), "oifname", "daddr", uplink) + service(r.service()) + " accept");
    }
    b.add("}");
  }

  private static List<String> nat(FirewallPlan plan) {
    List<String> b = new ArrayList<>();
    String uplink = NftStrings.ifname(plan.uplink().orElseThrow().ifname());
    String publicAddress = plan.uplink().orElseThrow().publicAddress().toString();
    set(b, PRIVATE_SPACES, "ipv4_addr", "interval", plan.privateSpaces(), Prefix::toString);
    if (!plan.natSources().isEmpty()) {
      b.add(NftStrings.comment("Sources a rule lets open connections to the internet."));
      set(b, NAT_SOURCES, "ipv4_addr", "interval", plan.natSources(), Prefix::toString);
    }
    List<Publish> mapped = plan.publishes().stream()
        .filter(p -> p.service().protocol().hasPorts()).toList();
    if (!mapped.isEmpty()) {
      b.add(NftStrings.comment("Services of the public address and the container they go"
          + " to (ports unchanged)."));
      b.add("map " + PUBLISHED + " {");
      b.add(INDENT + "type inet_proto . inet_service : ipv4_addr");
      b.add(INDENT + "flags interval");
      elements(b, mapped, p -> p.service().protocol().key() + " . " + ports(p.service()) + " : "
          + p.to());
      b.add("}");
    }
    chain(b, "prerouting", "type nat hook prerouting priority dstnat; policy accept;");
    String fromInternet = "iifname " + uplink + " ip saddr != @" + PRIVATE_SPACES + " ip daddr "
        + publicAddress;
    if (!mapped.isEmpty()) {
      b.add(INDENT + fromInternet + " dnat ip to meta l4proto . th dport map @" + PUBLISHED);
    }
    for (Publish p : plan.publishes()) {
      if (!p.service().protocol().hasPorts()) {
        b.add(INDENT + NftStrings.comment(p.container() + " publishes " + p.service()));
        b.add(INDENT + fromInternet + service(p.service()) + " dnat ip to " + p.to());
      }
    }
    b.add("}");
    chain(b, "postrouting", "type nat hook postrouting priority srcnat; policy accept;");
    if (!plan.natSources().isEmpty()) {
      b.add(INDENT + "oifname " + uplink + " ip saddr @" + NAT_SOURCES + " ip daddr != @"
          + PRIVATE_SPACES + " snat ip to " + publicAddress);
    }
    b.add("}");
    return b;
  }

  private static void chain(List<String> b, String name, String base) {
    b.add("chain " + NftStrings.identifier(name) + " {");
    b.add(INDENT + base);
  }

  private static <T> void set(List<String> b, String name, String type, String flags,
      List<T> items, Function<T, String> element) {
    b.add("set " + NftStrings.identifier(name) + " {");
    b.add(INDENT + "type " + type);
    if (flags != null) {
      b.add(INDENT + "flags " + flags);
      if (!type.contains(".")) {
        // Subnets, container addresses and private spaces may nest: merge them.
        b.add(INDENT + "auto-merge");
      }
    }
    elements(b, items, element);
    b.add("}");
  }

  private static <T> void elements(List<String> b, List<T> items, Function<T, String> element) {
    b.add(INDENT + "elements = {");
    for (int i = 0; i < items.size(); i++) {
      b.add(INDENT + INDENT + element.apply(items.get(i)) + (i + 1 < items.size() ? "," : ""));
    }
    b.add(INDENT + "}");
  }

  private static String describe(AllowSet s) {
    String what = switch (s.match()) {
      case ANY -> "every protocol";
      case PROTOCOL -> "one protocol";
      case PORTS -> "one protocol and destination ports";
    };
    return switch (s.direction()) {
      case FORWARD -> "New connections allowed between /" + s.fromLength() + " and /"
          + s.toLength() + " prefixes: " + what + ".";
      case OUTBOUND -> "New connections allowed from /" + s.fromLength() + " prefixes to the"
          + " internet: " + what + ".";
      case INBOUND -> "New connections allowed from the internet to /" + s.toLength()
          + " prefixes: " + what + ".";
    };
  }

  private static String type(AllowSet s) {
    String addresses = s.direction() == Direction.FORWARD ? "ipv4_addr . ipv4_addr"
        : "ipv4_addr";
    return addresses + switch (s.match()) {
      case ANY -> "";
      case PROTOCOL -> " . inet_proto";
      case PORTS -> " . inet_proto . inet_service";
    };
  }

  private static String element(Allow a) {
    StringBuilder e = new StringBuilder();
    a.from().ifPresent(p -> e.append(p));
    a.to().ifPresent(p -> e.append(e.length() > 0 ? " . " : "").append(p));
    a.protocol().ifPresent(p -> e.append(" . ").append(p.key()));
    if (a.protocol().isPresent() && a.protocol().get().hasPorts() && a.fromPort() > 0) {
      e.append(" . ").append(a.fromPort() == a.toPort() ? "" + a.fromPort()
          : a.fromPort() + "-" + a.toPort());
    }
    return e.toString();
  }

  private static String side(Side side, String ifKey, String addrKey, String uplink) {
    if (side instanceof Side.Zone z) {
      return "ip " + addrKey + " @" + NftStrings.identifier(z.set());
    }
    if (side instanceof Side.Cidrs c) {
      List<String> cidrs = c.cidrs().stream().map(Prefix::toString).toList();
      return "ip " + addrKey + " " + (cidrs.size() == 1 ? cidrs.get(0)
          : "{ " + String.join(", ", cidrs) + " }");
    }
    return ifKey + " " + uplink + " ip " + addrKey + " != @" + PRIVATE_SPACES;
  }

  private static String service(Service s) {
    return switch (s.protocol()) {
      case ANY -> "";
      case ICMP -> " meta l4proto icmp";
      case TCP, UDP -> s.allPorts() ? " meta l4proto " + s.protocol().key()
          : " " + s.protocol().key() + " dport " + ports(s);
    };
  }

  private static String ports(Service s) {
    return s.fromPort() == s.toPort() ? "" + s.fromPort() : s.fromPort() + "-" + s.toPort();
  }

}
