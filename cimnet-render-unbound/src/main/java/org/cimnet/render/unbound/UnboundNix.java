package org.cimnet.render.unbound;

import java.util.List;
import org.cimnet.core.format.nix.NixStrings;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.render.unbound.UnboundOptions.Option;

/**
 * Writes {@code unbound.nix}: a NixOS module setting {@code services.unbound}. The module prints
 * {@code settings} strings verbatim into its {@code unbound.conf}, so every value is the Unbound
 * argument text (quotes included) inside a Nix string; booleans become {@code yes}/{@code no} and
 * a list repeats its key. Paths, user and pid file are left to the NixOS module.
 */
final class UnboundNix {
  static final String SERVER_INDENT = "        ";
  static final String ITEM_INDENT = SERVER_INDENT + "  ";

  private UnboundNix() {}

  /** The header and the {@code server} options up to (not including) the local zones. */
  static void head(StringBuilder out, DnsPlan plan, List<Option> listening) {
    out.append("# cimnet: Unbound for host ").append(plan.host()).append(", domain ")
        .append(plan.domain()).append(". Generated; do not edit.\n");
    out.append("{ ... }:\n\n{\n  services.unbound = {\n    enable = true;\n");
    out.append("    # nixpkgs leaves the build-time unbound-checkconf off unless asked.\n");
    out.append("    checkconf = true;\n");
    out.append("    settings = {\n      server = {\n");
    options(out, listening);
  }

  /** Opens a list attribute of {@code server}; {@code empty} writes {@code [ ];} whole. */
  static void open(StringBuilder out, String key, boolean empty) {
    out.append(SERVER_INDENT).append(NixStrings.attr(key)).append(empty ? " = [ ];\n" : " = [\n");
  }

  /** Closes a non-empty list attribute. */
  static void close(StringBuilder out) {
    out.append(SERVER_INDENT).append("];\n");
  }

  /** One list item: the Unbound argument text as a Nix string. */
  static void item(StringBuilder out, String value) {
    out.append(ITEM_INDENT).append(NixStrings.string(value)).append('\n');
  }

  /** The end of {@code server}, the forward zones (shared text per delegation), the end. */
  static void tail(StringBuilder out, DnsPlan plan, SharedText shared) {
    out.append("      };\n");
    List<String> forwarders = UnboundOptions.forwarders(plan);
    if (!plan.delegations().isEmpty() || !forwarders.isEmpty()) {
      out.append("      forward-zone = [\n");
      for (DnsPlan.Delegation d : plan.delegations()) {
        out.append(shared.nixForward(d));
      }
      if (!forwarders.isEmpty()) {
        out.append(forward(UnboundOptions.forwardZoneName(), forwarders));
      }
      out.append("      ];\n");
    }
    out.append("    };\n  };\n}\n");
  }

  /** One forward zone attribute set; {@code name} and {@code addresses} are Unbound text. */
  static String forward(String name, List<String> addresses) {
    StringBuilder out = new StringBuilder(96 + 32 * addresses.size());
    out.append("        {\n          name = ").append(NixStrings.string(name)).append(";\n");
    out.append("          forward-addr = [\n");
    addresses.forEach(f -> out.append("            ").append(NixStrings.string(f))
        .append('\n'));
    out.append("          ];\n        }\n");
    return out.toString();
  }

  /** One attribute per option: a single value as it is, several (or a repeatable key) as a list. */
  static void options(StringBuilder out, List<Option> options) {
    for (Option o : options) {
      if (o.kind() != UnboundOptions.Kind.TEXT) {
        out.append(SERVER_INDENT).append(NixStrings.attr(o.key())).append(" = ")
            .append(value(o.kind(), o.values().get(0))).append(";\n");
        continue;
      }
      open(out, o.key(), o.values().isEmpty());
      if (!o.values().isEmpty()) {
        o.values().forEach(v -> item(out, v));
        close(out);
      }
    }
  }

  private static String value(UnboundOptions.Kind kind, String text) {
    return switch (kind) {
      case TEXT -> NixStrings.string(text);
      case FLAG -> text.equals("yes") ? "true" : "false";
      case NUMBER -> text;
    };
  }
}
