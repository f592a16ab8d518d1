package org.cimnet.render.nix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Watch;
import org.cimnet.core.plan.FirewallPlan;
import org.cimnet.core.plan.Firewalls;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.spi.InOrder;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;

/**
 * Renders NixOS modules for every host, id {@code nix}:
 * <ul>
 *   <li>{@code hosts/<host>/nix/physical_network.nix}: host name and domain, NICs named by MAC,
 *       no DHCP, forwarding for routers, the host's addresses on its Open vSwitch internal
 *       ports, the default route and the resolvers;
 *   <li>{@code hosts/<host>/nix/virtual_network.nix}: every bridge as
 *       {@code networking.vswitches}, the uplink bond, patch ports, tags, MACs, OpenFlow port
 *       numbers and flows, the containers' ports, and nixos-containers in full;
 *   <li>{@code hosts/<host>/nix/firewall.nix}: cimnet's nftables tables (NixOS's firewall off,
 *       its {@code allowedTCPPorts} and the like opened to the host services' sources, never
 *       {@code flush ruleset});
 *   <li>{@code hosts/<host>/nix/default.nix}: imports the three, and {@code ./unbound.nix}
 *       (written by the Unbound renderer) when the host is a nameserver, and {@code ./watch.nix}
 *       when the model runs the watcher;
 *   <li>{@code hosts/<host>/nix/watch.nix}: when the model declares {@code watch}, the
 *       {@code cimnet-watch} systemd service ({@link WatchModule});
 *   <li>{@code hosts/<host>/nftables.nft}: the same ruleset for {@code nft -f};
 *   <li>{@code flake.nix} at the root: {@code nixosModules.<host>} for every host.
 * </ul>
 * Each module is a function {@code { config, lib, pkgs, ... }: { ... }} usable in
 * {@code imports} as it is; a host's configuration imports {@code ./nix}.
 *
 * <p>Settings read from the {@link RenderContext}:
 * <ul>
 *   <li>{@code nix.stateVersion}: {@code system.stateVersion} of the nixos-containers, such as
 *       {@code 24.11} (the default).
 * </ul>
 *
 * @since 0.1.0
 */
public final class NixRenderer implements Renderer {
  /** The setting for the nixos-containers' {@code system.stateVersion}. */
  public static final String STATE_VERSION = "nix.stateVersion";
  /** The {@code system.stateVersion} used when {@link #STATE_VERSION} is not set. */
  public static final String DEFAULT_STATE_VERSION = "24.11";

  @Override
  public String id() {
    return "nix";
  }

  @Override
  public Set<String> settings() {
    return Set.of(STATE_VERSION);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code nix.stateVersion} is not a NixOS release such as
   *     {@code 24.11}
   */
  @Override
  public List<RenderedFile> render(ValidatedNetwork network, RenderContext context) {
    return Renderer.collect(this, network, context);
  }

  /**
   * {@inheritDoc} Hosts are made a few at a time (each host's firewall compiled when its files
   * are made), so the output of a network of any size is never held whole.
   *
   * @throws IllegalArgumentException if {@code nix.stateVersion} is not a NixOS release such as
   *     {@code 24.11}
   */
  @Override
  public void render(ValidatedNetwork network, RenderContext context,
      Consumer<RenderedFile> sink) {
    String stateVersion = context.setting(STATE_VERSION).orElse(DEFAULT_STATE_VERSION);
    if (!stateVersion.matches("\\d{2}\\.\\d{2}")) {
      throw new IllegalArgumentException("Setting '" + STATE_VERSION + "' = '" + stateVersion
          + "' is not a NixOS release: use YY.MM, such as '" + DEFAULT_STATE_VERSION + "'");
    }
    Map<String, HostPlan> plans = network.plans();
    Function<HostPlan, FirewallPlan> firewalls = Firewalls.compiler(network.network());
    Optional<Watch> watch = network.network().watch();
    InOrder.files(List.copyOf(plans.values()),
        plan -> host(plan, firewalls.apply(plan), stateVersion, watch), sink);
    sink.accept(new RenderedFile(FlakeFile.PATH, FlakeFile.render(network.network().name(),
        List.copyOf(plans.keySet()))));
  }

  private static List<RenderedFile> host(HostPlan plan, FirewallPlan firewall,
      String stateVersion, Optional<Watch> watch) {
    String dir = "hosts/" + plan.host() + "/";
    List<RenderedFile> files = new ArrayList<>();
    files.add(new RenderedFile(dir + "nftables.nft", NftRuleset.file(firewall)));
    files.add(new RenderedFile(dir + "nix/default.nix", defaultModule(plan,
        watch.isPresent())));
    files.add(new RenderedFile(dir + "nix/firewall.nix", FirewallModule.render(firewall)));
    files.add(new RenderedFile(dir + "nix/physical_network.nix", PhysicalModule.render(plan)));
    files.add(new RenderedFile(dir + "nix/virtual_network.nix",
        VirtualModule.render(plan, stateVersion)));
    watch.ifPresent(w -> files.add(new RenderedFile(dir + "nix/watch.nix",
        WatchModule.render(plan.host(), w))));
    return files;
  }

  static String defaultModule(HostPlan plan, boolean watch) {
    NixWriter w = new NixWriter();
    w.comment("cimnet: the network of host " + plan.host() + " (generated; do not edit).");
    w.comment("Import this folder from the host's configuration: imports = [ ./nix ];");
    w.line("{ config, lib, pkgs, ... }:");
    w.open("{");
    w.open("imports = [");
    w.line("./physical_network.nix");
    w.line("./virtual_network.nix");
    w.line("./firewall.nix");
    if (plan.nameserver()) {
      w.comment("The host serves DNS: written by cimnet's Unbound renderer.");
      w.line("./unbound.nix");
    }
    if (watch) {
      w.comment("The model runs the watcher: its systemd service.");
      w.line("./watch.nix");
    }
    w.close("];");
    w.close("}");
    return w.toString();
  }
}
