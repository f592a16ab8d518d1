package org.cimnet.render.unbound;

import java.util.List;
import org.cimnet.core.format.NixStrings;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.render.unbound.UnboundOptions.Option;

/**
 * Writes {@code unbound.nix}: a NixOS module setting {@code services.unbound}. The module prints
 * {@code settings} strings verbatim into its {@code unbound.conf}, so every value is the Unbound
 * argument text (quotes included) inside a Nix string; booleans become {@code yes}/{@code no} and
 * a list repeats its key. Paths, user and pid file are left to the NixOS module.
 */
final class UnboundNix {
  private static final String SERVER_INDENT = "        ";

  private UnboundNix() {}

  /** The whole module; {@code data} is {@link #options} of {@link UnboundOptions#data}. */
  static String render(DnsPlan plan, UnboundSettings settings, String data) {
    StringBuilder out = new StringBuilder(data.length() + 2048);
    out.append("# cimnet: Unbound for host ").append(plan.host()).append(", domain ")
        .append(plan.domain()).append(". Generated; do not edit.\n");
    out.append("{ ... }:\n\n{\n  services.unbound = {\n    enable = true;\n");
    out.append("    # nixpkgs leaves the build-time unbound-checkconf off unless asked.\n");
    out.append("    checkconf = true;\n");
    out.append("    settings = {\n      server = {\n");
    out.append(options(UnboundOptions.listening(plan, settings)));
    out.append(data);
    out.append("      };\n");
    List<String> forwarders = UnboundOptions.forwarders(plan);
    if (!forwarders.isEmpty()) {
      out.append("      forward-zone = [\n        {\n");
      out.append("          name = ").append(NixStrings.string(UnboundOptions.forwardZoneName()))
          .append(";\n");
      out.append("          forward-addr = [\n");
      forwarders.forEach(f -> out.append("            ").append(NixStrings.string(f))
          .append('\n'));
      out.append("          ];\n        }\n      ];\n");
    }
    out.append("    };\n  };\n}\n");
    return out.toString();
  }

  /** One attribute per option: a single value as it is, several (or a repeatable key) as a list. */
  static String options(List<Option> options) {
    StringBuilder out = new StringBuilder();
    for (Option o : options) {
      out.append(SERVER_INDENT).append(NixStrings.attr(o.key())).append(" = ");
      if (o.kind() != UnboundOptions.Kind.TEXT) {
        out.append(value(o.kind(), o.values().get(0))).append(";\n");
        continue;
      }
      if (o.values().isEmpty()) {
        out.append("[ ];\n");
        continue;
      }
      out.append("[\n");
      for (String v : o.values()) {
        out.append(SERVER_INDENT).append("  ").append(value(o.kind(), v)).append('\n');
      }
      out.append(SERVER_INDENT).append("];\n");
    }
    return out.toString();
  }

  private static String value(UnboundOptions.Kind kind, String text) {
    return switch (kind) {
      case TEXT -> NixStrings.string(text);
      case FLAG -> text.equals("yes") ? "true" : "false";
      case NUMBER -> text;
    };
  }
}
