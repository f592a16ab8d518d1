package org.cimnet.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.InterfacePlan;
import org.cimnet.core.plan.Plans;
import org.cimnet.core.spi.OutputWriter;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderers;
import org.cimnet.lab.LabReport.Kind;
import org.cimnet.lab.LabReport.Observation;

/** One lab run: builds the fabric in {@link Fabric}'s namespaces, probes, compares. */
final class LabRun {
  private static final List<String> SCRIPTS = List.of("listen.py", "connect.py", "spoof.py",
      "sniff.py", "txoff.py");

  private final ValidatedNetwork validated;
  private final Network network;
  private final Expectation expectation;
  private final Lab.Options options;
  private final Fabric fabric;
  private final Map<String, HostPlan> plans;
  private final Path rendered;
  private final Map<String, String> routers = new LinkedHashMap<>();
  private final Map<String, PrivateOvs> switches = new LinkedHashMap<>();
  private final Map<String, String> containers = new LinkedHashMap<>();
  private final Map<String, ContainerPlan> containerPlans = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private String spine;
  private String internetNs;
  private Optional<Internet> internet;

  LabRun(ValidatedNetwork validated, Expectation expectation, Lab.Options options,
      Fabric fabric) {
    this.validated = validated;
    this.network = validated.network();
    this.expectation = expectation;
    this.options = options;
    this.fabric = fabric;
    this.plans = Plans.of(validated);
    this.rendered = fabric.work().resolve("rendered");
    this.internet = network.internet();
  }

  LabReport run() {
    long start = System.nanoTime();
    render();
    build();
    log("fabric up in " + (System.nanoTime() - start) / 1_000_000 + " ms; probing");
    List<Observation> observations = new ArrayList<>();
    observations.addAll(probeTcp());
    observations.addAll(probeDns());
    observations.addAll(probeSpoofing());
    log("done in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    return new LabReport(network.name(), observations, notes);
  }

  private void log(String message) {
    options.log().println("cimnet lab: " + message);
  }

  // ---- rendering ----------------------------------------------------------------------------

  private void render() {
    Renderers renderers = Renderers.discover();
    List<RenderedFile> files = options.edit().apply(renderers.render(validated,
        Lab.renderContext(fabric.work())));
    OutputWriter.replace(rendered, files);
    for (String script : SCRIPTS) {
      try (InputStream in = LabRun.class.getResourceAsStream(script)) {
        if (in == null) {
          throw new LabException("The lab's script " + script + " is missing from its jar");
        }
        Files.write(fabric.work().resolve(script), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    log("rendered " + files.size() + " files with " + String.join(", ", renderers.ids()));
  }

  private Path renderedFile(String path) {
    Path file = rendered.resolve(path);
    if (!Files.isRegularFile(file)) {
      throw new LabException("The lab needs the rendered file " + path + ", which no renderer"
          + " wrote (renderers found: " + String.join(", ", Renderers.discover().ids()) + ")");
    }
    return file;
  }

  // ---- building -----------------------------------------------------------------------------

  private void build() {
    spine = fabric.namespace("sw");
    internetNs = fabric.namespace("net");
    int h = 0;
    for (HostPlan plan : plans.values()) {
      routers.put(plan.host(), fabric.namespace("h" + h++));
    }
    int c = 0;
    for (HostPlan plan : plans.values()) {
      for (ContainerPlan cp : plan.containers()) {
        if (cp.nics().isEmpty()) {
          notes.add("container " + cp.name() + " has no interface on a leaf: not probed");
          continue;
        }
        containers.put(cp.name(), fabric.namespace("c" + c++));
        containerPlans.put(cp.name(), cp);
      }
    }
    wire();
    for (HostPlan plan : plans.values()) {
      switchOn(plan);
    }
    for (HostPlan plan : plans.values()) {
      route(plan);
    }
    settle();
  }

  /** Creates every link, then configures each namespace in one {@code ip -batch} each. */
  private void wire() {
    List<String> root = new ArrayList<>();
    Map<String, List<String>> inside = new LinkedHashMap<>();
    List<String> sw = inside.computeIfAbsent(spine, k -> new ArrayList<>());
    List<String> trunks = new ArrayList<>();
    int h = 0;
    for (HostPlan plan : plans.values()) {
      String ns = routers.get(plan.host());
      List<String> router = inside.computeIfAbsent(ns, k -> new ArrayList<>());
      boolean uplinked = false;
      int n = 0;
      for (HostPlan.NicPlan nic : plan.nics()) {
        String peer = "h" + h + "n" + n++;
        root.add("link add name " + nic.name() + " netns " + ns + " type veth peer name " + peer
            + " netns " + spine);
        nic.mac().ifPresent(mac -> router.add("link set dev " + nic.name() + " address "
            + mac));
        router.add("link set dev " + nic.name() + " arp off");
        router.add("link set dev " + nic.name() + " up");
        // One trunk per host carries traffic; the others have no carrier (their peers stay
        // down), so the balance-slb bond sends everything through the connected one.
        if (nic.wired() && !uplinked) {
          uplinked = true;
          trunks.add(peer);
          sw.add("link set dev " + peer + " up");
        }
      }
      if (!uplinked && !plan.containers().isEmpty()) {
        notes.add("host " + plan.host() + " has no trunk NIC: it reaches no other host");
      }
      h++;
    }
    for (ContainerPlan cp : containerPlans.values()) {
      String ns = containers.get(cp.name());
      List<String> inner = inside.computeIfAbsent(ns, k -> new ArrayList<>());
      String router = routers.get(hostOf(cp.name()));
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
    List<String> net = inside.computeIfAbsent(internetNs, k -> new ArrayList<>());
    root.add("link add name up0 netns " + internetNs + " type veth peer name inet netns "
        + spine);
    sw.add("link set dev inet up");
    net.add("link set dev up0 up");
    int vlan = 0;
    if (internet.isPresent()) {
      Internet in = internet.get();
      vlan = network.subnet(in.via()).flatMap(s -> s.vlan().isPresent()
          ? Optional.of(s.vlan().getAsInt()) : Optional.empty()).orElseThrow(() ->
          new LabException("The internet's via subnet '" + in.via() + "' has no VLAN"));
      net.add("addr add " + in.gateway() + "/" + in.publicNetwork().length() + " dev up0");
      // A real provider would not route private addresses to us; the lab does, to prove the
      // firewall (not the provider) keeps the internet out of them.
      net.add("route add " + network.supernet() + " via " + in.publicAddress());
    } else {
      notes.add("the network declares no internet: the internet namespace stays unconnected");
    }
    batch(null, root);
    inside.forEach(this::batch);
    for (Map.Entry<String, String> e : containers.entrySet()) {
      List<String> args = new ArrayList<>(List.of("python3", "txoff.py", "--client"));
      for (int i = 0; i < containerPlans.get(e.getKey()).nics().size(); i++) {
        args.add("eth" + i);
      }
      fabric.exec(e.getValue(), 20, args, Map.of()).orThrow();
    }
    fabric.exec(internetNs, 20, List.of("python3", "txoff.py", "up0"), Map.of()).orThrow();
    spine(trunks, vlan);
  }

  /**
   * The spines, which cimnet does not configure, as one plain learning switch of the lab's own
   * (this kernel may lack Linux bridges and VLAN devices, so a second private Open vSwitch):
   * every host's connected trunk NIC on a port carrying every VLAN, and the internet on an access
   * port of the {@code via} subnet's VLAN, untagged on the internet's side.
   */
  private void spine(List<String> trunks, int internetVlan) {
    PrivateOvs ovs = PrivateOvs.start(fabric, spine, "spine");
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
    try {
      Files.writeString(file, String.join("\n", commands) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>(List.of("ip"));
    if (ns != null) {
      command.addAll(List.of("-n", ns));
    }
    command.addAll(List.of("-batch", file.toString()));
    Sh.run(command, 120).orThrow();
  }

  private String hostOf(String container) {
    return network.container(container).map(Container::host).orElseThrow();
  }

  /** Starts the host's private switch and runs its rendered script and flows. */
  private void switchOn(HostPlan plan) {
    String ns = routers.get(plan.host());
    PrivateOvs ovs = PrivateOvs.start(fabric, ns, plan.host());
    switches.put(plan.host(), ovs);
    String folder = "hosts/" + plan.host() + "/ovs/";
    Path setup = renderedFile(folder + "setup.sh");
    Sh.Result r = fabric.exec(ns, 120, List.of("bash", setup.toString()), ovs.env());
    if (!r.ok()) {
      throw new LabException("The rendered " + folder + "setup.sh failed in the lab:\n"
          + r.output().strip());
    }
    log("host " + plan.host() + ": setup.sh ran (" + plan.bridges().size() + " bridges)");
  }

  /** The plan's L3 interfaces, default route and forwarding; the firewall; DNS. */
  private void route(HostPlan plan) {
    String ns = routers.get(plan.host());
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
      sleep(200);
    }
    throw new LabException("Open vSwitch did not create the internal port " + name + " in 30s"
        + " (see " + switches.values().iterator().next().dir() + "/ovs-vswitchd.log)");
  }

  /**
   * Waits until each container answers its gateway (ARP and the switch's learning done) and
   * every nameserver answers, each bounded.
   */
  private void settle() {
    List<Runnable> checks = new ArrayList<>();
    for (ContainerPlan cp : containerPlans.values()) {
      for (int i = 0; i < cp.nics().size(); i++) {
        ContainerPlan.Nic nic = cp.nics().get(i);
        String ns = containers.get(cp.name());
        nic.gateway().ifPresent(gw -> checks.add(() -> retry(10, () -> fabric.exec(ns, 5,
            "ping", "-c", "1", "-W", "1", gw.toString()).ok())));
        nic.nameserver().ifPresent(dns -> checks.add(() -> retry(10, () -> fabric.exec(ns, 5,
            "dig", "+time=1", "+tries=1", "+short", "@" + dns, "localhost").ok())));
      }
    }
    parallel(checks);
  }

  private static void retry(int times, java.util.function.BooleanSupplier check) {
    for (int i = 0; i < times && !check.getAsBoolean(); i++) {
      sleep(300);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("Interrupted", e);
    }
  }

  private static <T> List<T> parallel(List<? extends Runnable> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(pool.submit(t)));
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof RuntimeException re ? re
              : new LabException("A lab step failed", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LabException("Interrupted", e);
        }
      }
      return List.of();
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- TCP probes ---------------------------------------------------------------------------

  /** The TCP ports the rules and published services name, plus the extra ones. */
  private List<Integer> ports() {
    Set<Integer> ports = new TreeSet<>(options.extraPorts());
    for (Rule r : network.rules()) {
      for (Service s : r.services()) {
        if (s.protocol() == Service.Protocol.TCP && !s.allPorts()) {
          ports.add(s.fromPort());
        }
      }
    }
    network.containers().forEach(c -> c.publishes().stream()
        .filter(s -> s.protocol() == Service.Protocol.TCP).forEach(s -> ports.add(s.fromPort())));
    return List.copyOf(ports);
  }

  private record Probe(int id, Node from, Node to, Ipv4Address destination, Service service) {}

  private List<Observation> probeTcp() {
    List<Integer> ports = ports();
    String portArgs = String.join(" ", ports.stream().map(String::valueOf).toList());
    // Listeners first: every container, every router, the internet.
    for (Map.Entry<String, String> e : containers.entrySet()) {
      listen(e.getValue(), e.getKey(), ports);
    }
    for (Map.Entry<String, String> e : routers.entrySet()) {
      listen(e.getValue(), "router:" + e.getKey(), ports);
    }
    listen(internetNs, "internet", ports);
    log("listeners on tcp " + portArgs + " in " + (containers.size() + routers.size() + 1)
        + " namespaces");

    List<Node> targets = new ArrayList<>();
    for (ContainerPlan cp : containerPlans.values()) {
      cp.nics().forEach(n -> targets.add(new Node(Node.Kind.CONTAINER, cp.name(), n.subnet(),
          n.address())));
    }
    for (HostPlan plan : plans.values()) {
      for (InterfacePlan i : plan.interfaces()) {
        for (InterfacePlan.InterfaceAddress a : i.addresses()) {
          if (a.purpose() == InterfacePlan.Purpose.GATEWAY) {
            targets.add(new Node(Node.Kind.GATEWAY, plan.host(), i.subnet(), a.address()));
          }
        }
      }
    }
    Optional<Node> internetNode = internet.map(in -> new Node(Node.Kind.INTERNET, "internet", "",
        in.gateway()));
    Optional<Node> publicNode = internet.map(in -> new Node(Node.Kind.PUBLIC,
        routerOf(in.via()), "", in.publicAddress()));

    Map<String, List<Probe>> bySource = new LinkedHashMap<>();
    int id = 0;
    for (ContainerPlan cp : containerPlans.values()) {
      List<Probe> probes = bySource.computeIfAbsent(containers.get(cp.name()),
          k -> new ArrayList<>());
      List<Node> to = new ArrayList<>(targets);
      internetNode.ifPresent(to::add);
      for (Node target : to) {
        if (target.kind() == Node.Kind.CONTAINER && target.name().equals(cp.name())) {
          continue;
        }
        Node from = source(cp, target);
        for (int port : ports) {
          probes.add(new Probe(id++, from, target, target.address(), Service.tcp(port)));
        }
      }
    }
    if (internetNode.isPresent()) {
      List<Probe> probes = bySource.computeIfAbsent(internetNs, k -> new ArrayList<>());
      List<Node> to = new ArrayList<>(targets);
      publicNode.ifPresent(to::add);
      for (Node target : to) {
        for (int port : ports) {
          probes.add(new Probe(id++, internetNode.get(), target, target.address(),
              Service.tcp(port)));
        }
      }
    }
    Map<Integer, String> outcome = new HashMap<>();
    List<Runnable> runs = new ArrayList<>();
    int total = id;
    for (Map.Entry<String, List<Probe>> e : bySource.entrySet()) {
      runs.add(() -> {
        Map<Integer, String> results = connect(e.getKey(), e.getValue());
        synchronized (outcome) {
          outcome.putAll(results);
        }
      });
    }
    long start = System.nanoTime();
    parallel(runs);
    log(total + " TCP probes in " + (System.nanoTime() - start) / 1_000_000 + " ms");

    List<Observation> observations = new ArrayList<>();
    for (List<Probe> probes : bySource.values()) {
      for (Probe p : probes) {
        Expectation.Verdict v = expectation.tcp(p.from(), p.to(), p.service());
        String observed = outcome.getOrDefault(p.id(), "lost");
        boolean agrees = v.open()
            ? observed.equals("connected " + v.reaches().orElse(""))
            : !observed.startsWith("connected");
        observations.add(new Observation(Kind.TCP, p.from().label(), p.to().label(),
            p.service().toString(), v.text(), observed.replace("connected ", "open (")
            + (observed.startsWith("connected") ? ")" : ""), agrees, v.why()));
      }
    }
    return observations;
  }

  private String routerOf(String subnet) {
    return plans.values().stream().filter(p -> p.interfaces().stream().anyMatch(i ->
        i.subnet().equals(subnet) && i.addresses().stream().anyMatch(a ->
            a.purpose() == InterfacePlan.Purpose.PUBLIC))).map(HostPlan::host).findFirst()
        .orElse(plans.keySet().iterator().next());
  }

  /** The address the kernel sends from: the NIC in the target's subnet, else the first. */
  private static Node source(ContainerPlan cp, Node target) {
    ContainerPlan.Nic nic = cp.nics().stream().filter(n -> n.subnet().equals(target.subnet()))
        .findFirst().orElse(cp.nics().get(0));
    return new Node(Node.Kind.CONTAINER, cp.name(), nic.subnet(), nic.address());
  }

  private void listen(String ns, String identity, List<Integer> ports) {
    List<String> command = new ArrayList<>(List.of("python3", "listen.py", identity));
    ports.forEach(p -> command.add(String.valueOf(p)));
    fabric.spawn(ns, command, fabric.work().resolve("listen-" + ns + ".log"), 20);
  }

  private Map<Integer, String> connect(String ns, List<Probe> probes) {
    Path file = fabric.work().resolve("probes-" + ns + ".txt");
    StringBuilder text = new StringBuilder();
    probes.forEach(p -> text.append(p.id()).append(' ').append(p.destination()).append(' ')
        .append(p.service().fromPort()).append('\n'));
    try {
      Files.writeString(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double seconds = options.connectTimeoutMillis() / 1000.0;
    // Bounded as a whole too: every probe in its own slot of 48, each at most 2 timeouts long.
    int bound = 30 + (int) Math.ceil(probes.size() / 48.0 * 2 * seconds) + 10;
    Sh.Result r = fabric.exec(ns, bound, List.of("python3", "connect.py", file.toString(),
        String.valueOf(seconds)), Map.of());
    Map<Integer, String> results = new HashMap<>();
    for (String line : r.output().split("\n")) {
      String[] parts = line.strip().split(" ", 2);
      if (parts.length == 2 && parts[0].matches("\\d+")) {
        results.put(Integer.parseInt(parts[0]), parts[1]);
      }
    }
    return results;
  }

  // ---- names --------------------------------------------------------------------------------

  /** From one container per subnet, every name forward and every address reverse. */
  private List<Observation> probeDns() {
    List<Naming.NameRecord> names = validated.names();
    Map<String, ContainerPlan.Nic> askers = new LinkedHashMap<>();
    Map<String, String> askerNs = new HashMap<>();
    Map<String, String> askerName = new HashMap<>();
    for (ContainerPlan cp : containerPlans.values()) {
      for (ContainerPlan.Nic nic : cp.nics()) {
        if (nic.nameserver().isPresent() && !askers.containsKey(nic.subnet())) {
          askers.put(nic.subnet(), nic);
          askerNs.put(nic.subnet(), containers.get(cp.name()));
          askerName.put(nic.subnet(), cp.name());
        }
      }
    }
    Set<String> served = new LinkedHashSet<>();
    plans.values().forEach(p -> p.interfaces().forEach(i -> served.add(i.subnet())));
    for (String subnet : served) {
      if (!askers.containsKey(subnet) && network.subnet(subnet).map(s -> !s.reserved())
          .orElse(false)) {
        notes.add("subnet " + subnet + " has no container with a nameserver: names not"
            + " resolved from it");
      }
    }
    Map<String, Map<String, String>> answers = new LinkedHashMap<>();
    List<Runnable> runs = new ArrayList<>();
    for (Map.Entry<String, ContainerPlan.Nic> e : askers.entrySet()) {
      runs.add(() -> {
        Map<String, String> a = dig(askerNs.get(e.getKey()), e.getValue().nameserver().get(),
            names);
        synchronized (answers) {
          answers.put(e.getKey(), a);
        }
      });
    }
    parallel(runs);
    List<Observation> observations = new ArrayList<>();
    for (Map.Entry<String, ContainerPlan.Nic> e : askers.entrySet()) {
      String from = askerName.get(e.getKey()) + "@" + e.getKey();
      String ns = "ns " + e.getValue().nameserver().get();
      Map<String, String> got = answers.getOrDefault(e.getKey(), Map.of());
      for (Naming.NameRecord r : names) {
        String forward = got.getOrDefault("A " + r.fqdn(), "no answer");
        observations.add(new Observation(Kind.DNS, from, r.fqdn(), "A via " + ns,
            r.address().toString(), forward, forward.equals(r.address().toString()),
            "every name resolves from every subnet"));
        String reverse = got.getOrDefault("PTR " + r.address(), "no answer");
        observations.add(new Observation(Kind.DNS, from, r.address().toString(), "PTR via " + ns,
            r.fqdn(), reverse, reverse.equals(r.fqdn()), "every address resolves back"));
      }
    }
    return observations;
  }

  /** Asks {@code server} every name and address in one dig batch; keys "A name", "PTR addr". */
  private Map<String, String> dig(String ns, Ipv4Address server, List<Naming.NameRecord> names) {
    Path file = fabric.work().resolve("dig-" + ns + ".txt");
    StringBuilder text = new StringBuilder();
    for (Naming.NameRecord r : names) {
      text.append(r.fqdn()).append(". A\n");
      text.append("-x ").append(r.address()).append('\n');
    }
    try {
      Files.writeString(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Sh.Result r = fabric.exec(ns, 30 + names.size() * 4, "dig", "@" + server, "-f",
        file.toString(), "+noall", "+answer", "+time=2", "+tries=2");
    Map<String, String> answers = new HashMap<>();
    for (String line : r.output().split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 5 && f[2].equals("IN") && f[3].equals("A")) {
        answers.merge("A " + strip(f[0]), f[4], (a, b) -> a + "," + b);
      } else if (f.length >= 5 && f[2].equals("IN") && f[3].equals("PTR")) {
        answers.merge("PTR " + reverse(strip(f[0])), strip(f[4]), (a, b) -> a + "," + b);
      }
    }
    return answers;
  }

  private static String strip(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** {@code 10.4.168.192.in-addr.arpa} to {@code 192.168.4.10}. */
  private static String reverse(String arpa) {
    String[] labels = arpa.replace(".in-addr.arpa", "").split("\\.");
    StringBuilder address = new StringBuilder();
    for (int i = labels.length - 1; i >= 0; i--) {
      address.append(labels[i]).append(i == 0 ? "" : ".");
    }
    return address.toString();
  }

  // ---- forged sources -----------------------------------------------------------------------

  /**
   * From one container per subnet: a datagram to its gateway from its own address (the control,
   * which must arrive) and one from an address outside its subnet (which must not). A witness
   * on the router's subnet ports, behind the switch and before any firewall, reports what came
   * through.
   */
  private List<Observation> probeSpoofing() {
    String marker = "cimnet-lab-" + fabric.prefix();
    Map<String, Process> witnesses = new LinkedHashMap<>();
    for (HostPlan plan : plans.values()) {
      if (plan.interfaces().isEmpty()) {
        continue;
      }
      List<String> command = new ArrayList<>(List.of("python3", "sniff.py", marker));
      plan.interfaces().forEach(i -> command.add(i.name()));
      witnesses.put(plan.host(), fabric.spawn(routers.get(plan.host()), command,
          fabric.work().resolve("sniff-" + plan.host() + ".log"), 20));
    }
    record Sender(String container, ContainerPlan.Nic nic, Ipv4Address forged) {}
    Map<String, Sender> senders = new LinkedHashMap<>();
    for (ContainerPlan cp : containerPlans.values()) {
      for (ContainerPlan.Nic nic : cp.nics()) {
        if (nic.gateway().isPresent() && !senders.containsKey(nic.subnet())) {
          senders.put(nic.subnet(), new Sender(cp.name(), nic, forged(nic)));
        }
      }
    }
    List<Runnable> runs = new ArrayList<>();
    for (Map.Entry<String, Sender> e : senders.entrySet()) {
      Sender s = e.getValue();
      runs.add(() -> fabric.exec(containers.get(s.container()), 20, "python3", "spoof.py",
          s.nic().gateway().get().toString(),
          s.nic().address().toString(), marker + ":" + e.getKey() + ":own",
          s.forged().toString(), marker + ":" + e.getKey() + ":forged").orThrow());
    }
    parallel(runs);
    sleep(1000);
    witnesses.values().forEach(Process::destroy);
    Set<String> seen = new LinkedHashSet<>();
    for (String host : witnesses.keySet()) {
      try {
        for (String line : Files.readAllLines(fabric.work().resolve("sniff-" + host + ".log"))) {
          String[] f = line.split(" ");
          if (f.length == 4 && f[0].equals("seen")) {
            seen.add(f[3]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Observation> observations = new ArrayList<>();
    for (Map.Entry<String, Sender> e : senders.entrySet()) {
      Sender s = e.getValue();
      String from = s.container() + "@" + e.getKey();
      String to = "gw." + e.getKey();
      boolean own = seen.contains(marker + ":" + e.getKey() + ":own");
      boolean forged = seen.contains(marker + ":" + e.getKey() + ":forged");
      observations.add(new Observation(Kind.SPOOF, from, to, "from own " + s.nic().address(),
          "arrives", own ? "arrives" : "lost", own,
          "control: an honest datagram must pass the switch"));
      observations.add(new Observation(Kind.SPOOF, from, to, "from forged " + s.forged(),
          "dropped", forged ? "arrives" : "dropped", !forged,
          "port security: only the container's own address leaves its port"));
    }
    return observations;
  }

  /** An address outside the NIC's subnet: the same host number one /24 up, in the supernet. */
  private Ipv4Address forged(ContainerPlan.Nic nic) {
    long address = nic.address().toLong();
    long size = 1L << (32 - nic.prefixLength());
    long candidate = address + size;
    long low = network.supernet().network().toLong();
    long high = low + (1L << (32 - network.supernet().length()));
    if (candidate >= high) {
      candidate = address - size;
    }
    if (candidate < low) {
      candidate = Ipv4Address.parse("203.0.113.99").toLong();
    }
    return Ipv4Address.of(candidate);
  }
}
