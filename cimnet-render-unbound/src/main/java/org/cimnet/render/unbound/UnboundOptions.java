package org.cimnet.render.unbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.core.plan.DnsPlans;

/**
 * The Unbound options a {@link DnsPlan} implies, as argument text already escaped for Unbound.
 * {@code unbound.conf} prints them as they are and {@code unbound.nix} wraps each in a Nix
 * string (the NixOS module prints strings verbatim), so both files carry the same bytes.
 */
final class UnboundOptions {
  private UnboundOptions() {}

  /** How a value is typed in Nix: a string, a boolean ({@code yes}/{@code no}), an integer. */
  enum Kind { TEXT, FLAG, NUMBER }

  /** One option of the {@code server:} clause, repeated once per value. */
  record Option(String key, Kind kind, List<String> values) {
    Option {
      if (!key.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException("Unbound option '" + key + "' is not a keyword");
      }
      values = List.copyOf(values);
    }

    static Option text(String key, List<String> values) {
      return new Option(key, Kind.TEXT, values);
    }

    static Option flag(String key, boolean on) {
      return new Option(key, Kind.FLAG, List.of(on ? "yes" : "no"));
    }
  }

  /**
   * The per-host options: where to listen and send from, hardening, who may ask, where not to
   * validate.
   */
  static List<Option> listening(DnsPlan plan, UnboundSettings settings, Addresses addresses) {
    List<Option> options = new ArrayList<>();
    List<String> interfaces = addresses.listen(plan).stream()
        .map(a -> UnboundStrings.quote(a.toString())).toList();
    options.add(Option.text("interface", interfaces));
    options.add(new Option("port", Kind.NUMBER, List.of(String.valueOf(settings.port()))));
    // cimnet plans IPv4 only; without this Unbound would also try upstreams over IPv6.
    options.add(Option.flag("do-ip6", false));
    if (plan.forwardsToLoopback() || addresses.delegatesToLoopback(plan)) {
      options.add(Option.flag("do-not-query-localhost", false));
    }
    // Peers allow this host by the address it sends from, so it is fixed, not left to routing.
    plan.outgoing().map(addresses::map).ifPresent(a -> options.add(
        Option.text("outgoing-interface", List.of(UnboundStrings.quote(a.toString())))));
    options.add(Option.flag("hide-identity", true));
    options.add(Option.flag("hide-version", true));
    List<String> access = new ArrayList<>();
    plan.access().stream().filter(a -> a.action() == DnsPlan.Action.ALLOW)
        .forEach(a -> access.add(access(a.netblock().toString(), a.action())));
    // A peer forwards its clients' questions (a hub on behalf of the other nameservers), so
    // it may recurse like a client.
    plan.peers().forEach(p -> access.add(access(addresses.map(p) + "/32",
        DnsPlan.Action.ALLOW)));
    plan.access().stream().filter(a -> a.action() != DnsPlan.Action.ALLOW)
        .forEach(a -> access.add(access(a.netblock().toString(), a.action())));
    options.add(Option.text("access-control", access));
    if (!plan.insecure().isEmpty()) {
      options.add(Option.text("domain-insecure", plan.insecure().stream()
          .map(n -> UnboundStrings.quoted(UnboundStrings.name(n))).toList()));
    }
    return options;
  }

  private static String access(String netblock, DnsPlan.Action action) {
    return UnboundStrings.quote(netblock) + " " + action.name().toLowerCase(Locale.ROOT);
  }

  /** The {@code local-zone} argument of a zone: {@code "name." type}. */
  static String zone(DnsPlan.Zone zone) {
    return UnboundStrings.quoted(UnboundStrings.name(zone.name())) + " "
        + zone.type().name().toLowerCase(Locale.ROOT);
  }

  /** The {@code local-data} argument of a record; {@code name} is its escaped name. */
  static String a(DnsPlan.Record r, String name, int ttl) {
    return UnboundStrings.quoted(name + " " + ttl + " IN A " + r.address());
  }

  /** The {@code local-data-ptr} argument of a record; {@code name} is its escaped name. */
  static String ptr(DnsPlan.Record r, String name, int ttl) {
    return UnboundStrings.quoted(r.address() + " " + ttl + " " + name);
  }

  /** The {@code name} argument of a forward zone. */
  static String zoneName(String zone) {
    return UnboundStrings.quoted(UnboundStrings.name(zone));
  }

  /** A {@code forward-addr} argument: the address, with the port when it is not 53. */
  static String forwardAddr(Ipv4Address address, int port) {
    return UnboundStrings.quote(port == 53 ? address.toString() : address + "@" + port);
  }

  /** The {@code forward-addr} values of the root forward zone; empty when not forwarding. */
  static List<String> forwarders(DnsPlan plan) {
    return plan.forwarders().stream().map(Ipv4Address::toString).map(UnboundStrings::quote)
        .toList();
  }

  /** The name of the forward zone: the root. */
  static String forwardZoneName() {
    return UnboundStrings.quoted(UnboundStrings.name(""));
  }

  /**
   * Where each nameserver listens and is reached: its planned addresses, or, with the
   * {@code unbound.lab-addresses} setting, one stand-in address per host for every address it
   * holds (several servers on one machine).
   */
  record Addresses(Map<String, Ipv4Address> hosts, Map<Ipv4Address, Ipv4Address> lab,
      boolean loopbackOnly) {
    Addresses {
      hosts = Map.copyOf(hosts);
      lab = Map.copyOf(lab);
    }

    Ipv4Address map(Ipv4Address planned) {
      return lab.isEmpty() ? planned : lab.getOrDefault(planned, planned);
    }

    /**
     * 127.0.0.1 and the nameserver addresses (127.0.0.1 only when loopback-only); in a lab
     * only the host's stand-in, because the servers cannot share 127.0.0.1.
     */
    List<Ipv4Address> listen(DnsPlan plan) {
      Ipv4Address standIn = hosts.get(plan.host());
      if (standIn != null) {
        return List.of(standIn);
      }
      return plan.interfaces().stream()
          .filter(a -> !loopbackOnly || DnsPlans.LOOPBACK.contains(a)).toList();
    }

    boolean delegatesToLoopback(DnsPlan plan) {
      if (lab.isEmpty()) {
        return false;
      }
      for (DnsPlan.Delegation d : plan.delegations()) {
        for (Ipv4Address a : d.nameservers()) {
          if (DnsPlans.LOOPBACK.contains(map(a))) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
