package org.cimnet.render.unbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** The per-host options: where to listen, hardening, who may ask. */
  static List<Option> listening(DnsPlan plan, UnboundSettings settings) {
    List<Option> options = new ArrayList<>();
    List<String> interfaces = plan.interfaces().stream()
        .filter(a -> !settings.loopbackOnly() || DnsPlans.LOOPBACK.contains(a))
        .map(a -> UnboundStrings.quote(a.toString())).toList();
    options.add(Option.text("interface", interfaces));
    options.add(new Option("port", Kind.NUMBER, List.of(String.valueOf(settings.port()))));
    // cimnet plans IPv4 only; without this Unbound would also try upstreams over IPv6.
    options.add(Option.flag("do-ip6", false));
    if (plan.forwardsToLoopback()) {
      options.add(Option.flag("do-not-query-localhost", false));
    }
    options.add(Option.flag("hide-identity", true));
    options.add(Option.flag("hide-version", true));
    options.add(Option.text("access-control", plan.access().stream()
        .map(a -> UnboundStrings.quote(a.netblock().toString()) + " "
            + a.action().name().toLowerCase(Locale.ROOT)).toList()));
    return options;
  }

  /** The zones and records: the same for every nameserver of a network. */
  static List<Option> data(DnsPlan plan) {
    List<String> zones = plan.zones().stream()
        .map(z -> UnboundStrings.quoted(UnboundStrings.name(z.name())) + " "
            + z.type().name().toLowerCase(Locale.ROOT)).toList();
    List<String> a = new ArrayList<>(plan.records().size());
    List<String> ptr = new ArrayList<>(plan.records().size());
    for (DnsPlan.Record r : plan.records()) {
      String name = UnboundStrings.name(r.name());
      a.add(UnboundStrings.quoted(name + " " + plan.ttl() + " IN A " + r.address()));
      ptr.add(UnboundStrings.quoted(r.address() + " " + plan.ttl() + " " + name));
    }
    return List.of(Option.text("local-zone", zones), Option.text("local-data", a),
        Option.text("local-data-ptr", ptr));
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
}
