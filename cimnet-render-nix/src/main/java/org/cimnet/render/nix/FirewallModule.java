package org.cimnet.render.nix;

import static org.cimnet.core.format.NixStrings.attr;
import static org.cimnet.core.format.NixStrings.string;

import org.cimnet.core.plan.FirewallPlan;

/** {@code firewall.nix}: cimnet's nftables tables, from the same text as {@code nftables.nft}. */
final class FirewallModule {
  private FirewallModule() {}

  static String render(FirewallPlan plan) {
    NixWriter w = new NixWriter();
    w.comment("cimnet: the packet filter of host " + plan.host() + " (generated; do not edit).");
    w.comment("The same ruleset as ../nftables.nft, as NixOS tables: NixOS wraps each content in");
    w.comment("'table <family> <name> { ... }' and deletes and re-creates the table atomically");
    w.comment("on every (re)load, leaving other tables alone.");
    w.line("{ config, lib, pkgs, ... }:");
    w.open("{");
    w.comment("cimnet owns the whole filter: NixOS's firewall (table nixos-fw) has an input chain");
    w.comment("with policy drop, and a drop in any base chain wins over an accept in another, so");
    w.comment("it would drop the DNS and everything else cimnet's input chain accepts. NAT is in");
    w.comment("cimnet's own table too, so networking.nat stays off. To open a service of the host");
    w.comment("itself, add rules to chain " + FirewallPlan.HOST_SERVICES_CHAIN
        + " of table " + FirewallPlan.FILTER_TABLE + " from another module:");
    w.comment("  networking.nftables.tables." + FirewallPlan.FILTER_TABLE
        + ".content = lib.mkAfter ''");
    w.comment("    chain " + FirewallPlan.HOST_SERVICES_CHAIN
        + " { iifname \"mgmt\" tcp dport 22 accept; }");
    w.comment("  '';");
    w.line("networking.firewall.enable = false;");
    w.line("networking.nftables.enable = true;");
    for (NftRuleset.Table t : NftRuleset.tables(plan)) {
      w.line("");
      w.open("networking.nftables.tables." + attr(t.name()) + " = {");
      w.line("family = " + string(t.family()) + ";");
      w.indented("content =", t.body());
      w.close("};");
    }
    w.close("}");
    return w.toString();
  }
}
