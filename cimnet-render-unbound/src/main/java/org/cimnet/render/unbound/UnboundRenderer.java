package org.cimnet.render.unbound;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.core.plan.DnsPlans;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;

/**
 * Unbound DNS for every nameserver host, formatted from its {@link DnsPlan}: the forward zone of
 * the domain, one reverse zone per subnet block, an A and a PTR per named address, and access
 * for the served subnets only. Two files per nameserver host:
 * <ul>
 *   <li>{@code hosts/<host>/unbound/unbound.conf}: a complete configuration for
 *       {@code unbound -c} (and {@code unbound-checkconf});
 *   <li>{@code hosts/<host>/nix/unbound.nix}: a NixOS module setting {@code services.unbound}
 *       from the same plan, imported by the host's {@code default.nix}.
 * </ul>
 *
 * <p>Settings read from the {@link RenderContext}:
 * <ul>
 *   <li>{@code unbound.forward}: upstream resolvers, comma-separated IPv4 addresses, such as
 *       {@code 9.9.9.9,149.112.112.112}. Default none: names outside the domain and the reverse
 *       zones are then refused. Names inside the domain that the model does not hold always
 *       answer NXDOMAIN and never go upstream.
 *   <li>{@code unbound.port}: the port to listen on, default {@code 53} (both files).
 *   <li>{@code unbound.interfaces}: {@code all} (default: 127.0.0.1 and every nameserver
 *       address of the host) or {@code loopback-only} (127.0.0.1 only, for tests and labs that
 *       run Unbound where the host's addresses do not exist); both files.
 *   <li>{@code unbound.directory}: the working directory, default {@code /var/lib/unbound}
 *       (unbound.conf only; NixOS sets its own).
 *   <li>{@code unbound.pidfile}: the pid file, default empty (none, as under a service
 *       manager); unbound.conf only.
 *   <li>{@code unbound.username}: the user Unbound drops to, default {@code unbound}; empty
 *       keeps the starting user (tests run it unprivileged in a temporary folder);
 *       unbound.conf only.
 * </ul>
 *
 * @throws IllegalArgumentException from {@link #render} if a setting is malformed, naming it
 */
public final class UnboundRenderer implements Renderer {
  /** The renderer id. */
  public static final String ID = "unbound";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<RenderedFile> render(ValidatedNetwork network, RenderContext context) {
    UnboundSettings settings = UnboundSettings.of(context);
    Map<String, DnsPlan> plans = DnsPlans.of(network, settings.forwarders());
    // The zones and records are one shared list for every host: escape and print them once.
    Map<List<DnsPlan.Record>, String[]> data = new IdentityHashMap<>();
    List<RenderedFile> files = new ArrayList<>();
    for (DnsPlan plan : plans.values()) {
      String[] text = data.computeIfAbsent(plan.records(), r -> {
        List<UnboundOptions.Option> options = UnboundOptions.data(plan);
        return new String[] {UnboundConf.options(options), UnboundNix.options(options)};
      });
      String folder = "hosts/" + plan.host() + "/";
      files.add(new RenderedFile(folder + "unbound/unbound.conf",
          UnboundConf.render(plan, settings, text[0])));
      files.add(new RenderedFile(folder + "nix/unbound.nix",
          UnboundNix.render(plan, settings, text[1])));
    }
    return files;
  }
}
