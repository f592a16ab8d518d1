/**
 * The NixOS renderer: per host, {@code physical_network.nix}, {@code virtual_network.nix},
 * {@code firewall.nix} and a {@code default.nix} importing them, plus {@code nftables.nft}, the
 * same ruleset as a plain file for {@code nft -f}. It formats the per-host plan and the firewall
 * plan of {@code org.cimnet.core.plan}; it computes nothing of its own. Nulls are never accepted or
 * returned.
 */
package org.cimnet.render.nix;
