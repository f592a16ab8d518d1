package org.cimnet.render.nix;

import static org.cimnet.core.format.nix.NixStrings.attr;
import static org.cimnet.core.format.nix.NixStrings.string;

import java.util.ArrayList;
import java.util.List;
import org.cimnet.core.format.nix.NixStrings;
import org.cimnet.core.plan.FirewallPlan;

/** {@code firewall.nix}: cimnet's nftables tables, from the same text as {@code nftables.nft}. */
final class FirewallModule {
  /** The Nix variable holding NixOS's own openings as nftables lines. */
  private static final String OPENINGS = "nixosOpenings";

  private FirewallModule() {}

  static String render(FirewallPlan plan) {
    NixWriter w = new NixWriter();
    w.comment("cimnet: the packet filter of host " + plan.host() + " (generated; do not edit).");
    w.comment("The same ruleset as ../nftables.nft, as NixOS tables: NixOS wraps each content in");
    w.comment("'table <family> <name> { ... }' and deletes and re-creates the table atomically");
    w.comment("on every (re)load, leaving other tables alone.");
    w.line("{ config, lib, pkgs, ... }:");
    boolean openings = !plan.hostServiceSources().isEmpty();
    if (openings) {
      w.open("let");
      w.comment("NixOS's own openings: networking.firewall.allowedTCPPorts, allowedUDPPorts, their");
      w.comment("port ranges and the per-interface lists (where every service's openFirewall puts");
      w.comment("its ports), opened to the sources of the host's services (set "
          + NftRuleset.HOST_SERVICE_SOURCES + ") only.");
      w.line("fw = config.networking.firewall;");
      w.line("nftPorts = ports: ranges: lib.concatStringsSep \", \"");
      w.line("  (map toString (lib.unique ports) ++ map (r: \"${toString r.from}-${toString r.to}\")"
          + " ranges);");
      w.line("opening = iface: proto: set: lib.optionalString (set != \"\") (\"ip saddr @"
          + NftRuleset.HOST_SERVICE_SOURCES + " \"");
      w.line("  + lib.optionalString (iface != \"default\") \"iifname \\\"${iface}\\\" \"");
      w.line("  + \"${proto} dport { ${set} } accept\\n\");");
      w.line(OPENINGS + " = lib.concatStrings (lib.mapAttrsToList (iface: c:");
      w.line("  opening iface \"tcp\" (nftPorts c.allowedTCPPorts c.allowedTCPPortRanges)");
      w.line("  + opening iface \"udp\" (nftPorts c.allowedUDPPorts c.allowedUDPPortRanges))");
      w.line("  ({ default = fw; } // fw.interfaces));");
      w.close("in");
    }
    w.open("{");
    w.comment("cimnet owns the whole filter: NixOS's firewall (table nixos-fw) has an input chain");
    w.comment("with policy drop, and a drop in any base chain wins over an accept in another, so");
    w.comment("it would drop the DNS and everything else cimnet's input chain accepts. NAT is in");
    w.comment("cimnet's own table too, so networking.nat stays off. The services of the host");
    w.comment("itself are rules to host:" + plan.host() + " (ssh from the management zone and the");
    w.comment("deploy_from subnet by default), in chain " + FirewallPlan.HOST_SERVICES_CHAIN
        + (openings ? ", which also opens NixOS's own" : "."));
    if (openings) {
      w.comment("networking.firewall.allowedTCPPorts and the like to the same sources, so a");
      w.comment("service's openFirewall keeps working.");
    } else {
      w.comment("No host service opens to a subnet, so networking.firewall.allowedTCPPorts and");
      w.comment("the like open nothing here: add a rule to host:" + plan.host() + ".");
    }
    w.line("networking.firewall.enable = false;");
    w.line("networking.nftables.enable = true;");
    w.comment("Never 'flush ruleset' (the default below system.stateVersion 23.11): that would wipe");
    w.comment("every other table of the host (Docker's, Kubernetes', libvirt's) on each reload.");
    w.line("networking.nftables.flushRuleset = false;");
    for (NftRuleset.Table t : NftRuleset.tables(plan, true)) {
      w.line("");
      w.open("networking.nftables.tables." + attr(t.name()) + " = {");
      w.line("family = " + string(t.family()) + ";");
      List<String> lines = new ArrayList<>();
      for (String l : t.body()) {
        lines.add(l.equals(NftRuleset.NIXOS_OPENINGS) ? "  ${" + OPENINGS + "}"
            : NixStrings.indentedLine(l));
      }
      w.indentedRaw("content =", lines);
      w.close("};");
    }
    w.close("}");
    return w.toString();
  }
}
