package org.cimnet.render.unbound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.plan.DnsPlan;
import org.cimnet.core.plan.DnsPlans;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;

/**
 * Unbound DNS for every nameserver host, formatted from its {@link DnsPlan}: the records of the
 * subnets it serves (A and PTR, static zones), a forward zone to the nameserver of every other
 * subnet and reverse block, and access for the served subnets and peer nameservers. Two files
 * per nameserver host:
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
 *       {@code 9.9.9.9,149.112.112.112}; given, they replace the forwarders the model declares
 *       with its internet ({@code internet.forwarders}), and an empty value declares none.
 *       Default: the model's forwarders. Without any, names outside the domain and the reverse
 *       zones are refused. Names inside the domain that the model does not hold always answer
 *       NXDOMAIN and never go upstream.
 *   <li>{@code unbound.port}: the port to listen on, default {@code 53} (both files). Every
 *       nameserver listens on it, so forward zones to peers name it when it is not 53.
 *   <li>{@code unbound.interfaces}: {@code all} (default: 127.0.0.1 and every nameserver
 *       address of the host) or {@code loopback-only} (127.0.0.1 only, for tests and labs that
 *       run Unbound where the host's addresses do not exist); both files.
 *   <li>{@code unbound.lab-addresses}: for labs and tests running several nameservers on one
 *       machine, {@code host=address} pairs, comma-separated, one for every nameserver host,
 *       such as {@code a=127.0.0.2,b=127.0.0.3}. Every nameserver address a host holds is
 *       replaced by its stand-in: the host listens on it alone (not on 127.0.0.1, which the
 *       servers cannot share), sends from it, and its peers forward to it and allow it. Default
 *       none; both files.
 *   <li>{@code unbound.directory}: the working directory, default {@code /var/lib/unbound}
 *       (unbound.conf only; NixOS sets its own).
 *   <li>{@code unbound.pidfile}: the pid file, default empty (none, as under a service
 *       manager); unbound.conf only.
 *   <li>{@code unbound.username}: the user Unbound drops to, default {@code unbound}; empty
 *       keeps the starting user (tests run it unprivileged in a temporary folder);
 *       unbound.conf only.
 * </ul>
 *
 * <p>{@link #render} throws IllegalArgumentException if a setting is malformed, naming it.
 */
public final class UnboundRenderer implements Renderer {
  /** The renderer id. */
  public static final String ID = "unbound";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<String> settings() {
    return UnboundSettings.KEYS;
  }

  @Override
  public List<RenderedFile> render(ValidatedNetwork network, RenderContext context) {
    return Renderer.collect(this, network, context);
  }

  /** {@inheritDoc} Each nameserver's two files are handed out as they are made. */
  @Override
  public void render(ValidatedNetwork network, RenderContext context,
      Consumer<RenderedFile> sink) {
    UnboundSettings settings = UnboundSettings.of(context);
    Map<String, DnsPlan> plans = settings.forwarders().map(f -> network.dnsPlans(f))
        .orElseGet(() -> network.dnsPlans());
    UnboundOptions.Addresses addresses = addresses(settings, plans);
    SharedText shared = new SharedText(settings, addresses);
    for (DnsPlan plan : plans.values()) {
      List<UnboundOptions.Option> listening = UnboundOptions.listening(plan, settings, addresses);
      int size = estimate(plan);
      StringBuilder conf = new StringBuilder(size);
      StringBuilder nix = new StringBuilder(size + size / 4);
      UnboundConf.head(conf, plan, settings, listening);
      UnboundNix.head(nix, plan, listening);
      data(plan, shared, conf, nix);
      UnboundConf.tail(conf, plan, shared);
      UnboundNix.tail(nix, plan, shared);
      String folder = "hosts/" + plan.host() + "/";
      sink.accept(new RenderedFile(folder + "unbound/unbound.conf", conf.toString()));
      sink.accept(new RenderedFile(folder + "nix/unbound.nix", nix.toString()));
    }
  }


  /**
   * The zones and records, into both files at once: each argument is escaped for Unbound once
   * and then written as it is (conf) and as a Nix string (nix).
   */
  private static void data(DnsPlan plan, SharedText shared, StringBuilder conf,
      StringBuilder nix) {
    UnboundNix.open(nix, "local-zone", plan.zones().isEmpty());
    for (DnsPlan.Zone z : plan.zones()) {
      String arg = shared.zone(z);
      UnboundConf.line(conf, "local-zone", arg);
      UnboundNix.item(nix, arg);
    }
    if (!plan.zones().isEmpty()) {
      UnboundNix.close(nix);
    }
    UnboundNix.open(nix, "local-data", plan.records().isEmpty());
    for (DnsPlan.Record r : plan.records()) {
      String arg = UnboundOptions.a(r, UnboundStrings.name(r.name()), plan.ttl());
      UnboundConf.line(conf, "local-data", arg);
      UnboundNix.item(nix, arg);
    }
    if (!plan.records().isEmpty()) {
      UnboundNix.close(nix);
    }
    UnboundNix.open(nix, "local-data-ptr", plan.pointers().isEmpty());
    for (DnsPlan.Record r : plan.pointers()) {
      String arg = UnboundOptions.ptr(r, UnboundStrings.name(r.name()), plan.ttl());
      UnboundConf.line(conf, "local-data-ptr", arg);
      UnboundNix.item(nix, arg);
    }
    if (!plan.pointers().isEmpty()) {
      UnboundNix.close(nix);
    }
  }

  /** A generous size for the conf, so its builder grows at most once. */
  private static int estimate(DnsPlan plan) {
    long size = 4096L + 64L * plan.access().size() + 64L * plan.peers().size()
        + 64L * plan.zones().size() + 96L * plan.records().size()
        + 96L * plan.pointers().size() + 96L * plan.delegations().size();
    return (int) Math.min(size, Integer.MAX_VALUE - 16);
  }

  /** The lab stand-ins of every nameserver address, checked against the plans. */
  private static UnboundOptions.Addresses addresses(UnboundSettings settings,
      Map<String, DnsPlan> plans) {
    Map<String, Ipv4Address> hosts = settings.labAddresses();
    Map<Ipv4Address, Ipv4Address> lab = new HashMap<>();
    if (hosts.isEmpty()) {
      return new UnboundOptions.Addresses(hosts, lab, settings.loopbackOnly());
    }
    for (String host : hosts.keySet()) {
      if (!plans.containsKey(host)) {
        throw new IllegalArgumentException("Setting '" + UnboundSettings.LAB_ADDRESSES
            + "': '" + host + "' is not a nameserver host; nameserver hosts: " + plans.keySet());
      }
    }
    for (DnsPlan plan : plans.values()) {
      Ipv4Address standIn = hosts.get(plan.host());
      if (standIn == null) {
        throw new IllegalArgumentException("Setting '" + UnboundSettings.LAB_ADDRESSES
            + "': nameserver host '" + plan.host() + "' has no stand-in address: give one"
            + " for every nameserver host " + plans.keySet());
      }
      plan.interfaces().stream().filter(a -> !a.equals(DnsPlans.LOCALHOST))
          .forEach(a -> lab.put(a, standIn));
    }
    return new UnboundOptions.Addresses(hosts, lab, settings.loopbackOnly());
  }
}
