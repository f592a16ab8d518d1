package org.cimnet.core.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.AddressConvention;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Subnet;

/** The supernet, the subnets carved from it, every declared address and the public address. */
final class AddressRules {
  /** The private spaces (RFC 1918) and link-local (RFC 3927). */
  static final List<Prefix> PRIVATE = List.of(Prefix.parse("10.0.0.0/8"),
      Prefix.parse("172.16.0.0/12"), Prefix.parse("192.168.0.0/16"),
      Prefix.parse("169.254.0.0/16"));
  private static final String PRIVATE_TEXT =
      "10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 169.254.0.0/16";

  private AddressRules() {}

  static void check(Facts f, Findings out) {
    supernet(f, out);
    overlaps(f, out);
    addresses(f, out);
    f.network.internet().ifPresent(i -> internet(f, i, out));
  }

  private static Optional<Prefix> privateBlockOf(Ipv4Address address) {
    return PRIVATE.stream().filter(p -> p.contains(address)).findFirst();
  }

  private static void supernet(Facts f, Findings out) {
    Prefix supernet = f.network.supernet();
    if (!f.network.publicSupernet() && PRIVATE.stream().noneMatch(p -> p.contains(supernet))) {
      out.error(ProblemIds.SUPERNET_NOT_PRIVATE, "supernet", "Network '" + f.network.name()
          + "': supernet '" + supernet + "' is not private: use a block inside " + PRIVATE_TEXT
          + ", or declare publicSupernet()");
    }
    AddressConvention convention = f.network.convention();
    for (Subnet s : f.subnets) {
      if (!supernet.contains(s.cidr())) {
        out.error(ProblemIds.SUBNET_OUTSIDE_SUPERNET, "subnets[" + s.name() + "].cidr",
            "Subnet '" + s.name() + "': cidr '" + s.cidr() + "' is outside the supernet '"
                + supernet + "'");
      }
      if (!rolesFit(convention, s.cidr())) {
        int needed = largestLengthFitting(convention);
        out.error(ProblemIds.SUBNET_TOO_SMALL, "subnets[" + s.name() + "].cidr",
            "Subnet '" + s.name() + "': cidr '" + s.cidr() + "' has " + s.cidr().size()
                + " address" + (s.cidr().size() == 1 ? "" : "es") + ", too few for the reserved"
                + " roles (network, gateway at offset " + convention.gateway()
                + ", nameserver at offset " + convention.nameserver() + ", broadcast) as"
                + " distinct addresses: "
                + (needed < 0 ? "no IPv4 block fits them: change the address convention"
                    : "use a /" + needed + " or larger"));
      }
    }
  }

  /** Whether every role lies in {@code cidr} at an address no other role takes. */
  static boolean rolesFit(AddressConvention convention, Prefix cidr) {
    Map<Role, Ipv4Address> roles = convention.roles(cidr);
    return roles.size() == Role.values().length
        && roles.values().stream().distinct().count() == roles.size();
  }

  /** The longest prefix length whose blocks fit the convention, or -1 if none does. */
  private static int largestLengthFitting(AddressConvention convention) {
    for (int length = 32; length >= 0; length--) {
      if (rolesFit(convention, new Prefix(Ipv4Address.of(0), length))) {
        return length;
      }
    }
    return -1;
  }

  /** Sorted by network address, a block overlaps an earlier one iff it starts before its end. */
  private static void overlaps(Facts f, Findings out) {
    List<Subnet> sorted = new ArrayList<>(f.subnets);
    sorted.sort(Comparator.comparing(Subnet::cidr));
    List<Subnet[]> found = new ArrayList<>();
    Subnet widest = null;
    long widestEnd = -1;
    for (Subnet s : sorted) {
      long start = s.cidr().first().toLong();
      if (widest != null && start <= widestEnd) {
        // Report on the one declared later, naming the one declared first.
        boolean later = f.subnetIndex.get(s.name()) > f.subnetIndex.get(widest.name());
        found.add(later ? new Subnet[] {s, widest} : new Subnet[] {widest, s});
      }
      long end = s.cidr().last().toLong();
      if (end > widestEnd) {
        widest = s;
        widestEnd = end;
      }
    }
    found.sort(Comparator.comparing((Subnet[] pair) -> f.subnetIndex.get(pair[0].name()))
        .thenComparing(pair -> f.subnetIndex.get(pair[1].name())));
    for (Subnet[] pair : found) {
      out.error(ProblemIds.SUBNET_OVERLAP, "subnets[" + pair[0].name() + "].cidr",
          "Subnet '" + pair[0].name() + "': cidr '" + pair[0].cidr() + "' overlaps subnet '"
              + pair[1].name() + "' (" + pair[1].cidr() + "): subnets must not share addresses");
    }
  }

  /** Who holds an address, described only when a message needs it. */
  private record Holder(String kind, String name, String subnet) {
    String text() {
      return kind + " '" + name + "' (subnet '" + subnet + "')";
    }

    String self() {
      return (kind.equals("host") ? "Host '" : "Container '") + name + "'";
    }

    String path() {
      return kind.equals("host") ? "hosts[" + name + "].addresses[" + subnet + "]"
          : "containers[" + name + "].attachments[" + subnet + "].address";
    }
  }

  private static void addresses(Facts f, Findings out) {
    AddressConvention convention = f.network.convention();
    Map<String, Map<Role, Ipv4Address>> roles = new HashMap<>();
    for (Subnet s : f.subnets) {
      roles.put(s.name(), convention.roles(s.cidr()));
    }
    List<Holder> holders = new ArrayList<>(f.containers.size() + f.hosts.size() * 4);
    FirstClaim taken = new FirstClaim(f.containers.size() + f.hosts.size() * 4);
    for (Host h : f.hosts) {
      for (HostAddress a : h.addresses()) {
        if (a.address().isPresent()) {
          address(f, roles, taken, holders, new Holder("host", h.name(), a.subnet()),
              a.address().get(), out);
        }
      }
    }
    for (Container c : f.containers) {
      for (Attachment a : c.attachments()) {
        if (a.address().isPresent()) {
          address(f, roles, taken, holders, new Holder("container", c.name(), a.subnet()),
              a.address().get(), out);
        }
      }
    }
    Optional<Internet> internet = f.network.internet();
    if (internet.isPresent() && privateBlockOf(internet.get().publicAddress()).isEmpty()) {
      int first = taken.claim(internet.get().publicAddress().toLong(), holders.size());
      if (first >= 0) {
        out.error(ProblemIds.ADDRESS_DUPLICATE, "internet.publicAddress", "Internet: public"
            + " address '" + internet.get().publicAddress() + "' is already taken by "
            + holders.get(first).text() + ": every address must be unique across the network");
      }
    }
  }

  private static void address(Facts f, Map<String, Map<Role, Ipv4Address>> roles,
      FirstClaim taken, List<Holder> holders, Holder holder, Ipv4Address ip, Findings out) {
    Subnet subnet = f.subnetByName.get(holder.subnet());
    if (subnet != null) {
      if (!subnet.cidr().contains(ip)) {
        out.error(ProblemIds.ADDRESS_OUTSIDE_SUBNET, holder.path(), holder.self() + ": address '" + ip
            + "' is outside subnet '" + subnet.name() + "' (" + subnet.cidr()
            + "): use an address inside it");
      } else {
        for (Map.Entry<Role, Ipv4Address> role : roles.get(subnet.name()).entrySet()) {
          if (role.getValue().equals(ip)) {
            out.error(ProblemIds.ADDRESS_RESERVED, holder.path(), holder.self() + ": address '" + ip
                + "' is the "
                + role.getKey().key() + " address of subnet '" + subnet.name() + "' ("
                + subnet.cidr() + "): the network, gateway, nameserver and broadcast addresses"
                + " are reserved");
            break;
          }
        }
      }
    }
    int first = taken.claim(ip.toLong(), holders.size());
    holders.add(holder);
    if (first >= 0) {
      out.error(ProblemIds.ADDRESS_DUPLICATE, holder.path(), holder.self() + ": address '" + ip
          + "' is already taken by " + holders.get(first).text()
          + ": every address must be unique across the network");
    }
  }

  private static void internet(Facts f, Internet internet, Findings out) {
    Ipv4Address pub = internet.publicAddress();
    Optional<Prefix> block = privateBlockOf(pub);
    if (block.isPresent()) {
      out.error(ProblemIds.INTERNET_PUBLIC_PRIVATE, "internet.publicAddress", "Internet: public"
          + " address '" + pub + "' is private (inside " + block.get() + "): the public address"
          + " must lie outside " + PRIVATE_TEXT.replace(" or ", " and "));
    } else if (f.network.supernet().contains(pub)) {
      out.error(ProblemIds.INTERNET_PUBLIC_IN_SUPERNET, "internet.publicAddress", "Internet: public"
          + " address '" + pub + "' lies inside the supernet '" + f.network.supernet()
          + "': the public address must lie outside the network's own block");
    }
    if (internet.gateway().equals(pub)) {
      out.error(ProblemIds.INTERNET_GATEWAY_IS_PUBLIC, "internet.gateway", "Internet: gateway '"
          + internet.gateway() + "' is the public address itself: use the provider's upstream"
          + " router");
    } else if (!internet.publicNetwork().contains(internet.gateway())) {
      out.error(ProblemIds.INTERNET_GATEWAY_OUTSIDE, "internet.gateway", "Internet: gateway '"
          + internet.gateway() + "' is outside the public network '" + internet.publicNetwork()
          + "': the upstream gateway must lie in the public address's network");
    }
    forwarders(f, internet, out);
  }

  /** Blocks no upstream resolver can sit in: this host, nowhere, one-to-many, reserved. */
  private static final List<Prefix> NOT_UPSTREAM = List.of(Prefix.parse("0.0.0.0/8"),
      Prefix.parse("127.0.0.0/8"), Prefix.parse("224.0.0.0/4"), Prefix.parse("240.0.0.0/4"));

  /**
   * Each forwarder is an upstream resolver the nameservers reach through the internet; none
   * declared means the hosts and containers resolve nothing outside the network.
   */
  private static void forwarders(Facts f, Internet internet, Findings out) {
    List<Ipv4Address> forwarders = internet.forwarders();
    if (forwarders.isEmpty()) {
      out.warn(ProblemIds.WARN_INTERNET_NO_FORWARDERS, "internet.forwarders", "Internet: no"
          + " forwarders are declared, so every nameserver refuses the names outside '"
          + f.network.domain() + "' and the supernet's reverse zones: the hosts themselves"
          + " (binary cache, NTP, updates) and every container resolve nothing on the internet;"
          + " declare the upstream resolvers in the internet, such as forwarders: [9.9.9.9,"
          + " 149.112.112.112]");
      return;
    }
    for (int i = 0; i < forwarders.size(); i++) {
      Ipv4Address a = forwarders.get(i);
      String why = f.network.supernet().contains(a) ? "lies inside the supernet '"
          + f.network.supernet() + "'" : a.equals(internet.publicAddress())
          ? "is the public address itself" : NOT_UPSTREAM.stream().filter(p -> p.contains(a))
              .findFirst().map(p -> "is not a unicast address of another machine (inside " + p
                  + ")").orElse(null);
      if (why != null) {
        out.error(ProblemIds.INTERNET_FORWARDER_NOT_UPSTREAM, "internet.forwarders[" + i + "]",
            "Internet: forwarder '" + a + "' " + why + ": a forwarder is an upstream resolver"
                + " reached through the internet, outside the supernet");
      }
    }
  }
}
