package org.cimnet.render.unbound;

import java.util.List;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.render.unbound.UnboundOptions.Option;

/**
 * Writes {@code unbound.conf}: a {@code server:} clause, a forward zone per delegated zone, and
 * a root forward zone if forwarding.
 */
final class UnboundConf {
  static final String INDENT = "  ";

  private UnboundConf() {}

  /** The header and the {@code server:} options up to (not including) the local zones. */
  static void head(StringBuilder out, DnsPlan plan, UnboundSettings settings,
      List<Option> listening) {
    out.append("# cimnet: Unbound for host ").append(plan.host()).append(", domain ")
        .append(plan.domain()).append(". Generated; do not edit.\n");
    out.append("server:\n");
    options(out, listening.subList(0, 2));
    options(out, List.of(
        Option.flag("ip-freebind", true),
        // The service manager, not Unbound, confines the daemon; paths stay as written.
        Option.text("chroot", List.of(UnboundStrings.quoted(""))),
        Option.text("username", List.of(UnboundStrings.quoted(settings.username()))),
        Option.text("directory", List.of(UnboundStrings.quoted(settings.directory()))),
        Option.text("pidfile", List.of(UnboundStrings.quoted(settings.pidfile())))));
    options(out, listening.subList(2, listening.size()));
  }

  /** One {@code key: value} line. */
  static void line(StringBuilder out, String key, String value) {
    out.append(INDENT).append(key).append(": ").append(value).append('\n');
  }

  /** The forward zones: one per delegation (formatted once, shared), then the root's. */
  static void tail(StringBuilder out, DnsPlan plan, SharedText shared) {
    for (DnsPlan.Delegation d : plan.delegations()) {
      out.append(shared.confForward(d));
    }
    List<String> forwarders = UnboundOptions.forwarders(plan);
    if (!forwarders.isEmpty()) {
      out.append("forward-zone:\n");
      line(out, "name", UnboundOptions.forwardZoneName());
      forwarders.forEach(f -> line(out, "forward-addr", f));
    }
  }

  /** A delegation's forward zone clause. */
  static String forward(DnsPlan.Delegation d, List<String> addresses) {
    StringBuilder out = new StringBuilder(64 + 32 * addresses.size());
    out.append("forward-zone:\n");
    line(out, "name", UnboundOptions.zoneName(d.zone()));
    addresses.forEach(a -> line(out, "forward-addr", a));
    return out.toString();
  }

  /** {@code key: value} lines, one per value. */
  static void options(StringBuilder out, List<Option> options) {
    for (Option o : options) {
      for (String v : o.values()) {
        line(out, o.key(), v);
      }
    }
  }
}
