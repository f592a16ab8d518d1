package org.cimnet.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Internet;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.InterfacePlan;
import org.cimnet.core.spi.Renderers;

/**
 * Builds one run's fabric from the plans and the rendered files: the namespaces and links, each
 * host's private switch configured by its rendered script, its addresses, routes, firewall and
 * nameserver; then waits until every container answers its gateway and nameserver.
 */
final class FabricBuilder {
  private final Fabric fabric;
  private final Path rendered;
  private final Consumer<String> log;
  private final Built b;

  FabricBuilder(Fabric fabric, ValidatedNetwork validated, Path rendered, Consumer<String> log) {
    this.fabric = fabric;
    this.rendered = rendered;
    this.log = log;
    this.b = new Built(fabric, validated, validated.plans());
  }

  private Path renderedFile(String path) {
    Path file = rendered.resolve(path);
    if (!Files.isRegularFile(file)) {
      throw new LabException("The lab needs the rendered file " + path + ", which no renderer"
          + " wrote (renderers found: " + String.join(", ", Renderers.discover().ids()) + ")");
    }
    return file;
  }

  Built build() {
    b.spine = fabric.namespace("sw");
    b.internetNs = fabric.namespace("net");
    int h = 0;
    for (HostPlan plan : b.plans.values()) {
      b.routers.put(plan.host(), fabric.namespace("h" + h++));
    }
    int c = 0;
    for (HostPlan plan : b.plans.values()) {
      for (ContainerPlan cp : plan.containers()) {
        if (cp.nics().isEmpty()) {
          b.note("container " + cp.name() + " has no interface on a leaf: not probed");
          continue;
        }
        b.containers.put(cp.name(), fabric.namespace("c" + c++));
        b.containerPlans.put(cp.name(), cp);
      }
    }
    wire();
    for (HostPlan plan : b.plans.values()) {
      switchOn(plan);
    }
    for (HostPlan plan : b.plans.values()) {
      route(plan);
    }
    settle();
    return b;
  }

  /** Creates every link, then configures each namespace in one {@code ip -batch} each. */
  private void wire() {
    List<String> root = new ArrayList<>();
    Map<String, List<String>> inside = new LinkedHashMap<>();
    List<String> sw = inside.computeIfAbsent(b.spine, k -> new ArrayList<>());
    List<String> trunks = new ArrayList<>();
    int h = 0;
    for (HostPlan plan : b.plans.values()) {
      String ns = b.routers.get(plan.host());
      List<String> router = inside.computeIfAbsent(ns, k -> new ArrayList<>());
      boolean uplinked = false;
      int n = 0;
      for (HostPlan.NicPlan nic : plan.nics()) {
        String peer = "h" + h + "n" + n++;
        // The card under the name the host gives it (nic_eth0), which the bond names.
        root.add("link add name " + nic.ifname() + " netns " + ns + " type veth peer name "
            + peer + " netns " + b.spine);
        nic.mac().ifPresent(mac -> router.add("link set dev " + nic.ifname() + " address "
            + mac));
        router.add("link set dev " + nic.ifname() + " arp off");
        router.add("link set dev " + nic.ifname() + " up");
        // One trunk per host carries traffic; the others have no carrier (their peers stay
        // down), so the balance-slb bond sends everything through the connected one.
        if (nic.wired() && !uplinked) {
          uplinked = true;
          trunks.add(peer);
          sw.add("link set dev " + peer + " up");
        }
      }
      if (!uplinked && !plan.containers().isEmpty()) {
        b.note("host " + plan.host() + " has no trunk NIC: it reaches no other host");
      }
      h++;
    }
    for (ContainerPlan cp : b.containerPlans.values()) {
      String ns = b.containers.get(cp.name());
      List<String> inner = inside.computeIfAbsent(ns, k -> new ArrayList<>());
      String router = b.routers.get(b.hostOf(cp.name()));
      Optional<Ipv4Address> gateway = Optional.empty();
      for (int i = 0; i < cp.nics().size(); i++) {
        ContainerPlan.Nic nic = cp.nics().get(i);
        root.add("link add name " + nic.port() + " netns " + router + " type veth peer name eth" + i
            + " netns " + ns);
        // The userspace switch reads the port's frames, but the kernel sees them too; without
        // ARP (and with no address) the router's kernel ignores them, as it does when the
        // kernel datapath takes the frames first.
        inside.get(router).add("link set dev " + nic.port() + " arp off");
        inside.get(router).add("link set dev " + nic.port() + " up");
        inner.add("link set dev eth" + i + " address " + nic.mac());
        inner.add("addr add " + nic.address() + "/" + nic.prefixLength() + " dev eth" + i);
        inner.add("link set dev eth" + i + " up");
        if (gateway.isEmpty()) {
          gateway = nic.gateway();
        }
      }
      gateway.ifPresent(gw -> inner.add("route add default via " + gw));
      for (ContainerPlan.SourceRoute r : cp.sourceRoutes()) {
        String dev = "eth" + r.index();
        inner.add("route add " + r.subnet() + " dev " + dev + " table " + r.table());
        inner.add("route add default via " + r.nic().gateway().orElseThrow() + " dev " + dev
            + " table " + r.table());
        inner.add("rule add from " + r.nic().address() + " lookup " + r.table());
      }
    }
    List<String> net = inside.computeIfAbsent(b.internetNs, k -> new ArrayList<>());
    root.add("link add name up0 netns " + b.internetNs + " type veth peer name inet netns "
        + b.spine);
    sw.add("link set dev inet up");
    net.add("link set dev up0 up");
    int vlan = 0;
    if (b.internet.isPresent()) {
      Internet in = b.internet.get();
      vlan = b.network.subnet(in.via()).flatMap(s -> s.vlan().isPresent()
          ? Optional.of(s.vlan().getAsInt()) : Optional.empty()).orElseThrow(() ->
          new LabException("The internet's via subnet '" + in.via() + "' has no VLAN"));
      net.add("addr add " + in.gateway() + "/" + in.publicNetwork().length() + " dev up0");
      // A real provider would not route private addresses to us; the lab does, to prove the
      // firewall (not the provider) keeps the internet out of them.
      net.add("route add " + b.network.supernet() + " via " + in.publicAddress());
    } else {
      b.note("the network declares no internet: the internet namespace stays unconnected");
    }
    batch(null, root);
    inside.forEach(this::batch);
    for (Map.Entry<String, String> e : b.containers.entrySet()) {
      List<String> args = new ArrayList<>(List.of("python3", "txoff.py", "--client"));
      for (int i = 0; i < b.containerPlans.get(e.getKey()).nics().size(); i++) {
        args.add("eth" + i);
      }
      fabric.exec(e.getValue(), 20, args, Map.of()).orThrow();
    }
    fabric.exec(b.internetNs, 20, List.of("python3", "txoff.py", "up0"), Map.of()).orThrow();
    spine(trunks, vlan);
  }

  /**
   * The spines, which cimnet does not configure, as one plain learning switch of the lab's own
   * (this kernel may lack Linux bridges and VLAN devices, so a second private Open vSwitch):
   * every host's connected trunk NIC on a port carrying every VLAN, and the internet on an access
   * port of the {@code via} subnet's VLAN, untagged on the internet's side.
   */
  private void spine(List<String> trunks, int internetVlan) {
    PrivateOvs ovs = PrivateOvs.start(fabric, b.spine, "spine");
    List<String> args = new ArrayList<>(List.of("add-br", "spine", "--", "set", "Bridge",
        "spine", "datapath_type=netdev"));
    for (String trunk : trunks) {
      args.addAll(List.of("--", "add-port", "spine", trunk));
    }
    if (internetVlan > 0) {
      args.addAll(List.of("--", "add-port", "spine", "inet", "tag=" + internetVlan));
    }
    ovs.vsctl(args.toArray(String[]::new)).orThrow();
  }

  private void batch(String ns, List<String> commands) {
    if (commands.isEmpty()) {
      return;
    }
    Path file = fabric.work().resolve("ip-" + (ns == null ? "root" : ns) + ".batch");
    Tasks.write(file, String.join("\n", commands) + "\n");
    List<String> command = new ArrayList<>(List.of("ip"));
    if (ns != null) {
      command.addAll(List.of("-n", ns));
    }
    command.addAll(List.of("-batch", file.toString()));
    Sh.run(command, 120).orThrow();
  }

  /** Starts the host's private switch and runs its rendered script and flows. */
  private void switchOn(HostPlan plan) {
    String ns = b.routers.get(plan.host());
    PrivateOvs ovs = PrivateOvs.start(fabric, ns, plan.host());
    b.switches.put(plan.host(), ovs);
    String folder = "hosts/" + plan.host() + "/ovs/";
    Path setup = renderedFile(folder + "setup.sh");
    Sh.Result r = fabric.exec(ns, 120, List.of("bash", setup.toString()), ovs.env());
    if (!r.ok()) {
      throw new LabException("The rendered " + folder + "setup.sh failed in the lab:\n"
          + r.output().strip());
    }
    log.accept("host " + plan.host() + ": setup.sh ran (" + plan.bridges().size() + " bridges)");
  }

  /** The plan's L3 interfaces, default route and forwarding; the firewall; DNS. */
  private void route(HostPlan plan) {
    String ns = b.routers.get(plan.host());
    for (InterfacePlan i : plan.interfaces()) {
      waitForLink(ns, i.name());
    }
    List<String> l3 = new ArrayList<>();
    for (InterfacePlan i : plan.interfaces()) {
      for (InterfacePlan.InterfaceAddress a : i.addresses()) {
        l3.add("addr add " + a + " dev " + i.name());
      }
      l3.add("link set dev " + i.name() + " up");
    }
    // Routes between routers first: a router's default route goes through its parent's
    // gateway, which only its on-link route makes reachable.
    plan.routes().forEach(r -> l3.add("route add " + r.destination()
        + r.via().map(v -> " via " + v).orElse("") + " dev " + r.device()));
    plan.defaultRoute().ifPresent(r -> l3.add("route add default via " + r.gateway() + " dev "
        + r.device()));
    batch(ns, l3);
    if (plan.forwarding()) {
      fabric.exec(ns, 10, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1").orThrow();
      // As physical_network.nix sets it: a router sends no redirects around its firewall.
      fabric.exec(ns, 10, "sysctl", "-q", "-w", "net.ipv4.conf.all.send_redirects=0",
          "net.ipv4.conf.default.send_redirects=0").orThrow();
    }
    Path nft = renderedFile("hosts/" + plan.host() + "/nftables.nft");
    Sh.Result r = fabric.exec(ns, 30, "nft", "-f", nft.toString());
    if (!r.ok()) {
      throw new LabException("nft -f " + "hosts/" + plan.host() + "/nftables.nft failed in the"
          + " lab:\n" + r.output().strip());
    }
    if (plan.nameserver()) {
      Path conf = renderedFile("hosts/" + plan.host() + "/unbound/unbound.conf");
      fabric.spawn(ns, List.of("sh", "-c", "echo ready; exec unbound -d -c \"$0\"",
          conf.toString()), fabric.work().resolve("unbound-" + plan.host() + ".log"), 10);
    }
  }

  private void waitForLink(String ns, String name) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (fabric.exec(ns, 10, "ip", "link", "show", "dev", name).ok()) {
        return;
      }
      Tasks.sleep(200);
    }
    throw new LabException("Open vSwitch did not create the internal port " + name + " in 30s"
        + " (see " + b.switches.values().iterator().next().dir() + "/ovs-vswitchd.log)");
  }

  /**
   * Waits until each container answers its gateway (ARP and the switch's learning done) and
   * every nameserver answers, each bounded.
   */
  private void settle() {
    List<Runnable> checks = new ArrayList<>();
    for (ContainerPlan cp : b.containerPlans.values()) {
      for (int i = 0; i < cp.nics().size(); i++) {
        ContainerPlan.Nic nic = cp.nics().get(i);
        String ns = b.containers.get(cp.name());
        nic.gateway().ifPresent(gw -> checks.add(() -> Tasks.retry(10, () -> fabric.exec(ns, 5,
            "ping", "-c", "1", "-W", "1", gw.toString()).ok())));
        nic.nameserver().ifPresent(dns -> checks.add(() -> Tasks.retry(10, () -> fabric.exec(ns, 5,
            "dig", "+time=1", "+tries=1", "+short", "@" + dns, "localhost").ok())));
      }
    }
    Tasks.parallel(checks);
  }
}
