package org.cimnet.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.format.Quote;

/**
 * The whole declared network: "a map of names to numbers and how to connect between them".
 *
 * <p>Immutable; collections keep declaration order so that rendering is deterministic. Names are
 * unique within each kind (the builder refuses a second subnet, host, spine or container of the
 * same name). Cross-element invariants (overlaps, references, capacity) are the checker's job.
 */
public final class Network {
  /** The domain used when none is declared; {@code .internal} is reserved for private use. */
  public static final String DEFAULT_DOMAIN = "cim.internal";
  /** The zone whose subnets may always open ssh to every host. */
  public static final String MANAGEMENT_ZONE = "management";
  /** The service every host opens to the management zone and the deploy subnet. */
  public static final Service SSH = Service.parse("tcp/22");

  private final String name;
  private final String domain;
  private final Prefix supernet;
  private final boolean publicSupernet;
  private final AddressConvention convention;
  private final Map<String, Subnet> subnets;
  private final Map<String, Spine> spines;
  private final Map<String, Host> hosts;
  private final List<Link> links;
  private final Map<String, Container> containers;
  // The maps' values as immutable lists, made once: the accessors are called in loops over
  // large networks, and a copy per call cost more than everything else a loop did.
  private final List<Subnet> subnetList;
  private final List<Spine> spineList;
  private final List<Host> hostList;
  private final List<Container> containerList;
  private final Optional<Internet> internet;
  private final Optional<String> deployFrom;
  private final List<Rule> rules;
  private final List<Assertion> assertions;
  private final Map<String, Device> devices;
  private final List<Device> deviceList;
  private final Optional<Watch> watch;

  private Network(Builder b) {
    this.name = b.name;
    this.domain = b.domain;
    this.supernet = b.supernet;
    this.publicSupernet = b.publicSupernet;
    this.convention = b.convention;
    this.subnets = Collections.unmodifiableMap(new LinkedHashMap<>(b.subnets));
    this.spines = Collections.unmodifiableMap(new LinkedHashMap<>(b.spines));
    this.hosts = Collections.unmodifiableMap(new LinkedHashMap<>(b.hosts));
    this.links = List.copyOf(b.links);
    this.containers = Collections.unmodifiableMap(new LinkedHashMap<>(b.containers));
    this.subnetList = List.copyOf(subnets.values());
    this.spineList = List.copyOf(spines.values());
    this.hostList = List.copyOf(hosts.values());
    this.containerList = List.copyOf(containers.values());
    this.internet = Optional.ofNullable(b.internet);
    this.deployFrom = Optional.ofNullable(b.deployFrom);
    this.rules = List.copyOf(b.rules);
    this.assertions = List.copyOf(b.assertions);
    this.devices = Collections.unmodifiableMap(new LinkedHashMap<>(b.devices));
    this.deviceList = List.copyOf(devices.values());
    this.watch = Optional.ofNullable(b.watch);
  }

  public String name() {
    return name;
  }

  /** The DNS domain every derived name ends in, such as {@code cim.internal}. */
  public String domain() {
    return domain;
  }

  public Prefix supernet() {
    return supernet;
  }

  /** Whether the supernet was declared public on purpose (it must be private otherwise). */
  public boolean publicSupernet() {
    return publicSupernet;
  }

  public AddressConvention convention() {
    return convention;
  }

  public List<Subnet> subnets() {
    return subnetList;
  }

  public Optional<Subnet> subnet(String subnetName) {
    return Optional.ofNullable(subnets.get(subnetName));
  }

  public List<Spine> spines() {
    return spineList;
  }

  public Optional<Spine> spine(String spineName) {
    return Optional.ofNullable(spines.get(spineName));
  }

  public List<Host> hosts() {
    return hostList;
  }

  public Optional<Host> host(String hostName) {
    return Optional.ofNullable(hosts.get(hostName));
  }

  public List<Link> links() {
    return links;
  }

  public List<Container> containers() {
    return containerList;
  }

  public Optional<Container> container(String containerName) {
    return Optional.ofNullable(containers.get(containerName));
  }

  public Optional<Internet> internet() {
    return internet;
  }

  /** The declared rules, as written (without the {@link #defaultHostServices}). */
  public List<Rule> rules() {
    return rules;
  }

  /** The subnet the operator deploys the hosts from (over ssh), if the user named one. */
  public Optional<String> deployFrom() {
    return deployFrom;
  }

  /**
   * The host services every host opens whatever the rules say, so that no deployment locks its
   * operator out: ssh from the management zone (when it has a subnet) and from the
   * {@link #deployFrom} subnet, to each host, in host order.
   */
  public List<Rule> defaultHostServices() {
    boolean management = subnetList.stream().anyMatch(s -> s.zone().equals(MANAGEMENT_ZONE));
    List<Rule> out = new ArrayList<>();
    for (Host h : hostList) {
      if (management) {
        out.add(new Rule(Endpoint.ofZone(MANAGEMENT_ZONE), Endpoint.ofHost(h.name()),
            List.of(SSH)));
      }
      deployFrom.ifPresent(d -> out.add(new Rule(Endpoint.ofSubnet(d), Endpoint.ofHost(h.name()),
          List.of(SSH))));
    }
    return out;
  }

  /** What the prover and the firewalls enforce: the declared rules, then the default host services. */
  public List<Rule> effectiveRules() {
    List<Rule> defaults = defaultHostServices();
    if (defaults.isEmpty()) {
      return rules;
    }
    List<Rule> out = new ArrayList<>(rules);
    out.addAll(defaults);
    return List.copyOf(out);
  }

  public List<Assertion> assertions() {
    return assertions;
  }

  /** The inventory: every authorized device that is not a host NIC or a container. */
  public List<Device> devices() {
    return deviceList;
  }

  public Optional<Device> device(String deviceName) {
    return Optional.ofNullable(devices.get(deviceName));
  }

  /** How the watcher runs on the hosts; empty when the network does not run it. */
  public Optional<Watch> watch() {
    return watch;
  }

  /** The subnets of a zone, in declaration order. */
  public List<Subnet> zone(String zoneName) {
    return subnets.values().stream().filter(s -> s.zone().equals(zoneName)).toList();
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding everything this network holds, to derive a changed network from it. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.domain = domain;
    b.supernet = supernet;
    b.publicSupernet = publicSupernet;
    b.convention = convention;
    b.subnets.putAll(subnets);
    b.spines.putAll(spines);
    b.hosts.putAll(hosts);
    b.links.addAll(links);
    b.containers.putAll(containers);
    b.internet = internet.orElse(null);
    b.deployFrom = deployFrom.orElse(null);
    b.rules.addAll(rules);
    b.assertions.addAll(assertions);
    b.devices.putAll(devices);
    b.watch = watch.orElse(null);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Network n && name.equals(n.name) && domain.equals(n.domain)
        && supernet.equals(n.supernet) && publicSupernet == n.publicSupernet
        && convention.equals(n.convention) && subnetList.equals(n.subnetList)
        && spineList.equals(n.spineList) && hostList.equals(n.hostList)
        && links.equals(n.links) && containerList.equals(n.containerList)
        && internet.equals(n.internet) && deployFrom.equals(n.deployFrom)
        && rules.equals(n.rules)
        && assertions.equals(n.assertions) && deviceList.equals(n.deviceList)
        && watch.equals(n.watch);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, domain, supernet, subnets.keySet(), hosts.keySet(),
        containers.keySet());
  }

  @Override
  public String toString() {
    return "Network '" + name + "' (" + supernet + ", " + subnets.size() + " subnets, "
        + hosts.size() + " hosts, " + containers.size() + " containers, " + rules.size()
        + " rules)";
  }

  /**
   * Builds a {@link Network}: the fluent DSL's aggregate. Every method checks its arguments at
   * once and throws {@link IllegalArgumentException} naming the element and quoting the value;
   * a second element of the same kind and name is refused at once.
   */
  public static final class Builder {
    private static final Pattern DOMAIN = Pattern.compile(
        "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private final String name;
    private String domain = DEFAULT_DOMAIN;
    private Prefix supernet;
    private boolean publicSupernet;
    private AddressConvention convention = AddressConvention.SEED;
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, Spine> spines = new LinkedHashMap<>();
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private Internet internet;
    private String deployFrom;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Assertion> assertions = new ArrayList<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private Watch watch;

    private Builder(String name) {
      this.name = Names.check("Network", name);
    }

    /**
     * The DNS domain, such as {@code cim.internal}: lower-case labels joined by dots, at most
     * 253 characters. Default {@value Network#DEFAULT_DOMAIN}.
     */
    public Builder domain(String domainName) {
      Objects.requireNonNull(domainName, "domain == null");
      if (domainName.length() > 253 || !DOMAIN.matcher(domainName).matches()) {
        throw new IllegalArgumentException("Network '" + name + "': domain "
            + Quote.value(domainName) + " is not valid: use lower-case DNS labels (letters, digits, '-') joined by '.',"
            + " at most 253 characters");
      }
      this.domain = domainName;
      return this;
    }

    /** The one block every subnet is carved from, such as {@code "192.168.0.0/21"}. */
    public Builder supernet(String cidr) {
      Objects.requireNonNull(cidr, "supernet == null");
      try {
        return supernet(Prefix.parse(cidr));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Network '" + name + "': supernet " + e.getMessage(), e);
      }
    }

    public Builder supernet(Prefix cidr) {
      if (supernet != null) {
        throw new IllegalStateException(
            "Network '" + name + "': supernet already set to '" + supernet + "'");
      }
      this.supernet = Objects.requireNonNull(cidr, "supernet == null");
      return this;
    }

    /** Allows a supernet outside the private spaces; without it the checker refuses one. */
    public Builder publicSupernet() {
      this.publicSupernet = true;
      return this;
    }

    /** Overrides the reserved-role offsets (default: .1 gateway, second-last nameserver). */
    public Builder convention(AddressConvention addressConvention) {
      this.convention = Objects.requireNonNull(addressConvention, "convention == null");
      return this;
    }

    public Builder subnet(Subnet.Builder subnet) {
      return subnet(Messages.given(subnet, self(), "subnet").build());
    }

    /** A subnet in zone {@code private} whose VLAN IPAM hands out. */
    public Builder subnet(String subnetName, String cidr) {
      return subnet(Subnet.builder(subnetName, cidr));
    }

    public Builder subnet(Subnet subnet) {
      Objects.requireNonNull(subnet, "subnet == null");
      if (subnets.putIfAbsent(subnet.name(), subnet) != null) {
        throw new IllegalArgumentException("Subnet '" + subnet.name() + "' is declared twice");
      }
      return this;
    }

    /** Replaces a subnet of the same name (IPAM and event replay use it). */
    public Builder replaceSubnet(Subnet subnet) {
      Messages.given(subnet, self(), "subnet");
      requirePresent(subnets, subnet.name(), "Subnet");
      subnets.put(subnet.name(), subnet);
      return this;
    }

    public Builder removeSubnet(String subnetName) {
      Messages.given(subnetName, self(), "subnet name");
      requirePresent(subnets, subnetName, "Subnet");
      subnets.remove(subnetName);
      return this;
    }

    /** A physical switch with {@code ports} ports. */
    public Builder spine(String spineName, int ports) {
      return spine(new Spine(spineName, ports));
    }

    public Builder spine(Spine spine) {
      Objects.requireNonNull(spine, "spine == null");
      if (spines.putIfAbsent(spine.name(), spine) != null) {
        throw new IllegalArgumentException("Spine '" + spine.name() + "' is declared twice");
      }
      return this;
    }

    public Builder host(Host.Builder host) {
      return host(Messages.given(host, self(), "host").build());
    }

    public Builder host(Host host) {
      Objects.requireNonNull(host, "host == null");
      if (hosts.putIfAbsent(host.name(), host) != null) {
        throw new IllegalArgumentException("Host '" + host.name() + "' is declared twice");
      }
      return this;
    }

    public Builder replaceHost(Host host) {
      Messages.given(host, self(), "host");
      requirePresent(hosts, host.name(), "Host");
      hosts.put(host.name(), host);
      return this;
    }

    /**
     * Wires a host NIC to a spine port as a trunk. Without {@code carries} it carries the VLANs
     * of every subnet the host's leaves carry.
     */
    public Builder trunk(String host, String nic, String spine, int port, String... carries) {
      Messages.givenAll(carries, "Trunk from host '" + host + "'", "carries");
      links.add(new Link.Trunk(host, nic, spine, port, List.of(carries)));
      return this;
    }

    /** Wires port {@code port} of {@code spine} to port {@code otherPort} of {@code other}. */
    public Builder interconnect(String spine, int port, String other, int otherPort) {
      links.add(new Link.Interconnect(spine, port, other, otherPort));
      return this;
    }

    public Builder link(Link link) {
      links.add(Objects.requireNonNull(link, "link == null"));
      return this;
    }

    public Builder clearLinks() {
      links.clear();
      return this;
    }

    public Builder container(Container.Builder container) {
      return container(Messages.given(container, self(), "container").build());
    }

    public Builder container(Container container) {
      Objects.requireNonNull(container, "container == null");
      if (containers.putIfAbsent(container.name(), container) != null) {
        throw new IllegalArgumentException(
            "Container '" + container.name() + "' is declared twice");
      }
      return this;
    }

    public Builder replaceContainer(Container container) {
      Messages.given(container, self(), "container");
      requirePresent(containers, container.name(), "Container");
      containers.put(container.name(), container);
      return this;
    }

    public Builder removeContainer(String containerName) {
      Messages.given(containerName, self(), "container name");
      requirePresent(containers, containerName, "Container");
      containers.remove(containerName);
      return this;
    }

    /**
     * The way out: {@code internet("203.0.113.10/24", "203.0.113.1", "lan")} is the one public
     * address with its prefix, the upstream gateway, and the subnet it is reached through.
     */
    public Builder internet(String publicAddress, String gateway, String via) {
      return internet(Internet.of(publicAddress, gateway, via));
    }

    public Builder internet(Internet way) {
      if (internet != null) {
        throw new IllegalStateException("Network '" + name + "': internet already set to '"
            + internet.publicAddressText() + "': there is one public address");
      }
      this.internet = Objects.requireNonNull(way, "internet == null");
      return this;
    }

    /**
     * The upstream resolvers of the internet declared before, such as
     * {@code forwarders("9.9.9.9", "149.112.112.112")}: every nameserver sends them the names
     * outside the domain and the supernet's reverse zones. Without them the hosts and
     * containers resolve nothing on the internet (the checker warns).
     *
     * @throws IllegalStateException if no internet is declared yet
     * @throws IllegalArgumentException naming an address that is not valid or given twice
     */
    public Builder forwarders(String... addresses) {
      if (internet == null) {
        throw new IllegalStateException("Network '" + name + "': forwarders need the internet:"
            + " declare internet(...) first, they are reached through it");
      }
      this.internet = Messages.in("Network '" + name + "'",
          () -> internet.withForwarders(addresses));
      return this;
    }

    /**
     * The subnet the operator deploys the hosts from, such as {@code "lan"}: it may open ssh to
     * every host, as the management zone may (see {@link Network#defaultHostServices}).
     */
    public Builder deployFrom(String subnet) {
      Messages.in("Network '" + name + "': deploy_from", () -> Names.check("Subnet", subnet));
      this.deployFrom = subnet;
      return this;
    }

    /**
     * {@code can_connect}: {@code from} may open connections to {@code to} for the services
     * (none means every service); replies flow back. Endpoints are text: a subnet name,
     * {@code zone:NAME}, {@code container:NAME}, {@code host:NAME} (a service of the host
     * itself) or {@code internet}; services are
     * {@code tcp/443}, {@code udp/53}, {@code tcp/8000-8080}, {@code icmp} or {@code any}.
     */
    public Builder canConnect(String from, String to, String... services) {
      Messages.givenAll(services, "Rule can_connect(" + from + ", " + to + ")", "services");
      List<Service> parsed = new ArrayList<>();
      for (String s : services) {
        parsed.add(Messages.in("Rule can_connect(" + from + ", " + to + ")",
            () -> Service.parse(s)));
      }
      return canConnect(Messages.in("Rule can_connect(" + from + ", " + to + ")",
              () -> Endpoint.parse(from)),
          Messages.in("Rule can_connect(" + from + ", " + to + ")", () -> Endpoint.parse(to)),
          parsed);
    }

    public Builder canConnect(Endpoint from, Endpoint to, List<Service> services) {
      Messages.given(from, self(), "rule from");
      Messages.given(to, self(), "rule to");
      Messages.givenAll(Messages.given(services, self(), "rule services").toArray(),
          "Rule can_connect(" + from + ", " + to + ")", "services");
      rules.add(new Rule(from, to, services));
      return this;
    }

    public Builder rule(Rule rule) {
      rules.add(Objects.requireNonNull(rule, "rule == null"));
      return this;
    }

    public Builder removeRule(Rule rule) {
      Messages.given(rule, self(), "rule");
      if (!rules.remove(rule)) {
        throw new IllegalArgumentException("Rule " + rule + " is not declared");
      }
      return this;
    }

    /** {@code never}: the checker must prove no packet lets {@code from} open to {@code to}. */
    public Builder never(String from, String to) {
      String self = "Assertion never(" + from + ", " + to + ")";
      return never(Messages.in(self, () -> Endpoint.parse(from)),
          Messages.in(self, () -> Endpoint.parse(to)));
    }

    public Builder never(Endpoint from, Endpoint to) {
      assertions.add(new Assertion(from, to));
      return this;
    }

    public Builder assertion(Assertion assertion) {
      assertions.add(Objects.requireNonNull(assertion, "assertion == null"));
      return this;
    }

    public Builder removeAssertion(Assertion assertion) {
      Messages.given(assertion, self(), "assertion");
      if (!assertions.remove(assertion)) {
        throw new IllegalArgumentException("Assertion " + assertion + " is not declared");
      }
      return this;
    }

    /** An authorized device of the inventory. */
    public Builder device(Device.Builder device) {
      return device(device.build());
    }

    public Builder device(Device device) {
      Objects.requireNonNull(device, "device == null");
      if (devices.putIfAbsent(device.name(), device) != null) {
        throw new IllegalArgumentException("Device '" + device.name() + "' is declared twice");
      }
      return this;
    }

    public Builder removeDevice(String deviceName) {
      requirePresent(devices, deviceName, "Device");
      devices.remove(deviceName);
      return this;
    }

    /** Runs the watcher on every host, as {@code watch} says. */
    public Builder watch(Watch.Builder settings) {
      return watch(settings.build());
    }

    /** Sets, or (null) takes away, how the watcher runs. */
    public Builder watch(Watch settings) {
      this.watch = settings;
      return this;
    }

    public Network build() {
      if (supernet == null) {
        throw new IllegalStateException("Network '" + name
            + "': no supernet: call supernet(\"192.168.0.0/21\") or similar");
      }
      return new Network(this);
    }

    private String self() {
      return "Network '" + name + "'";
    }

    private static void requirePresent(Map<String, ?> map, String key, String kind) {
      if (!map.containsKey(key)) {
        throw new IllegalArgumentException(kind + " '" + key + "' is not declared");
      }
    }
  }
}
