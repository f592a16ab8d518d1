package org.cimnet.render.unbound;

import java.util.List;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.render.unbound.UnboundOptions.Option;

/** Writes {@code unbound.conf}: a {@code server:} clause, and a root forward zone if forwarding. */
final class UnboundConf {
  private static final String INDENT = "  ";

  private UnboundConf() {}

  /** The whole file; {@code data} is {@link #options} of {@link UnboundOptions#data}. */
  static String render(DnsPlan plan, UnboundSettings settings, String data) {
    StringBuilder out = new StringBuilder(data.length() + 2048);
    out.append("# cimnet: Unbound for host ").append(plan.host()).append(", domain ")
        .append(plan.domain()).append(". Generated; do not edit.\n");
    out.append("server:\n");
    List<Option> listening = UnboundOptions.listening(plan, settings);
    out.append(options(listening.subList(0, 2)));
    out.append(options(List.of(
        Option.flag("ip-freebind", true),
        // The service manager, not Unbound, confines the daemon; paths stay as written.
        Option.text("chroot", List.of(UnboundStrings.quoted(""))),
        Option.text("username", List.of(UnboundStrings.quoted(settings.username()))),
        Option.text("directory", List.of(UnboundStrings.quoted(settings.directory()))),
        Option.text("pidfile", List.of(UnboundStrings.quoted(settings.pidfile()))))));
    out.append(options(listening.subList(2, listening.size())));
    out.append(data);
    List<String> forwarders = UnboundOptions.forwarders(plan);
    if (!forwarders.isEmpty()) {
      out.append("forward-zone:\n");
      out.append(INDENT).append("name: ").append(UnboundOptions.forwardZoneName()).append('\n');
      forwarders.forEach(f -> out.append(INDENT).append("forward-addr: ").append(f)
          .append('\n'));
    }
    return out.toString();
  }

  /** {@code key: value} lines, one per value. */
  static String options(List<Option> options) {
    StringBuilder out = new StringBuilder();
    for (Option o : options) {
      for (String v : o.values()) {
        out.append(INDENT).append(o.key()).append(": ").append(v).append('\n');
      }
    }
    return out.toString();
  }
}
