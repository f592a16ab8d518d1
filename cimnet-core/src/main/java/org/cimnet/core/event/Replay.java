package org.cimnet.core.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.AddressConvention;
import org.cimnet.core.model.Assertion;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Watch;

/**
 * Folds events into a network. Works on a mutable draft and builds the network once, through
 * {@link Network.Builder}, at the end: an event that does not apply throws before anything is
 * built, so a replay is all or nothing.
 */
public final class Replay {
  private String name;
  private String domain;
  private Prefix supernet;
  private boolean publicSupernet;
  private AddressConvention convention;
  private final Map<String, Subnet> subnets = new LinkedHashMap<>();
  private final Map<String, Spine> spines = new LinkedHashMap<>();
  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private final List<Link> links = new ArrayList<>();
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private Optional<Internet> internet;
  private Optional<String> deployFrom;
  private final List<Rule> rules = new ArrayList<>();
  private final List<Assertion> assertions = new ArrayList<>();
  private final Map<String, Device> devices = new LinkedHashMap<>();
  private Optional<Watch> watch;

  private Replay(Network origin) {
    name = origin.name();
    domain = origin.domain();
    supernet = origin.supernet();
    publicSupernet = origin.publicSupernet();
    convention = origin.convention();
    origin.subnets().forEach(s -> subnets.put(s.name(), s));
    origin.spines().forEach(s -> spines.put(s.name(), s));
    origin.hosts().forEach(h -> hosts.put(h.name(), h));
    links.addAll(origin.links());
    origin.containers().forEach(c -> containers.put(c.name(), c));
    internet = origin.internet();
    deployFrom = origin.deployFrom();
    rules.addAll(origin.rules());
    assertions.addAll(origin.assertions());
    origin.devices().forEach(d -> devices.put(d.name(), d));
    watch = origin.watch();
  }

  /** A draft holding {@code origin}. */
  public static Replay from(Network origin) {
    return new Replay(origin);
  }

  /** {@code origin} with every event applied in order. */
  public static Network fold(Network origin, List<? extends Event> events) {
    Replay r = from(origin);
    events.forEach(r::apply);
    return r.build();
  }

  /**
   * Applies one event.
   *
   * @throws IllegalArgumentException if it does not apply (a name that is not there, or is
   *     already there), saying which and why
   */
  public Replay apply(Event event) {
    if (event instanceof Event.NetworkChanged e) {
      name = e.name();
      domain = e.domain();
      supernet = e.supernet();
      publicSupernet = e.publicSupernet();
      convention = e.convention();
    } else if (event instanceof Event.SubnetAdded e) {
      add(subnets, e.subnet().name(), e.subnet(), "Subnet");
    } else if (event instanceof Event.SubnetChanged e) {
      replace(subnets, e.subnet().name(), e.subnet(), "Subnet");
    } else if (event instanceof Event.SubnetRemoved e) {
      remove(subnets, e.name(), "Subnet");
    } else if (event instanceof Event.VlanAssigned e) {
      Subnet s = get(subnets, e.subnet(), "Subnet");
      subnets.put(s.name(), s.withVlan(e.vlan()));
    } else if (event instanceof Event.SpineAdded e) {
      add(spines, e.spine().name(), e.spine(), "Spine");
    } else if (event instanceof Event.SpineRemoved e) {
      remove(spines, e.name(), "Spine");
    } else if (event instanceof Event.HostAdded e) {
      add(hosts, e.host().name(), e.host(), "Host");
    } else if (event instanceof Event.HostChanged e) {
      replace(hosts, e.host().name(), e.host(), "Host");
    } else if (event instanceof Event.HostRemoved e) {
      remove(hosts, e.name(), "Host");
    } else if (event instanceof Event.AddressAssigned e) {
      assignAddress(e.owner(), e.name(), e.subnet(), e.address());
    } else if (event instanceof Event.MacAssigned e) {
      assignMac(e.owner(), e.name(), e.port(), e.mac());
    } else if (event instanceof Event.MacDiscovered e) {
      assignMac(Event.Owner.HOST, e.host(), e.nic(), e.mac());
    } else if (event instanceof Event.LinkAdded e) {
      links.add(e.link());
    } else if (event instanceof Event.LinkRemoved e) {
      if (!links.remove(e.link())) {
        throw new IllegalArgumentException("Link " + e.link() + " is not there to remove");
      }
    } else if (event instanceof Event.ContainerPlaced e) {
      add(containers, e.container().name(), e.container(), "Container");
    } else if (event instanceof Event.ContainerMoved e) {
      Container c = get(containers, e.name(), "Container");
      containers.put(c.name(), new Container(c.name(), c.kind(), e.host(), c.attachments(),
          c.publishes()));
    } else if (event instanceof Event.ContainerChanged e) {
      replace(containers, e.container().name(), e.container(), "Container");
    } else if (event instanceof Event.ContainerRemoved e) {
      remove(containers, e.name(), "Container");
    } else if (event instanceof Event.InternetSet e) {
      internet = e.internet();
    } else if (event instanceof Event.RuleAdded e) {
      rules.add(e.rule());
    } else if (event instanceof Event.RuleRemoved e) {
      if (!rules.remove(e.rule())) {
        throw new IllegalArgumentException("Rule " + e.rule() + " is not there to remove");
      }
    } else if (event instanceof Event.WatchSet e) {
      watch = e.watch();
    } else if (event instanceof Event.DeviceAdmitted e) {
      add(devices, e.device().name(), e.device(), "Device");
    } else if (event instanceof Event.DeviceRemoved e) {
      remove(devices, e.name(), "Device");
    } else if (event instanceof Event.AssertionAdded e) {
      assertions.add(e.assertion());
    } else if (event instanceof Event.AssertionRemoved e) {
      if (!assertions.remove(e.assertion())) {
        throw new IllegalArgumentException("Assertion " + e.assertion()
            + " is not there to remove");
      }
    }
    return this;
  }

  private void assignAddress(Event.Owner owner, String who, String subnet, Ipv4Address ip) {
    if (owner == Event.Owner.HOST) {
      Host h = get(hosts, who, "Host");
      List<HostAddress> addresses = new ArrayList<>(h.addresses());
      int i = indexOf(addresses.stream().map(HostAddress::subnet).toList(), subnet,
          "Host '" + who + "' has no address in subnet '" + subnet + "'");
      addresses.set(i, new HostAddress(subnet, Optional.of(ip)));
      hosts.put(who, h.withAddresses(addresses));
    } else {
      Container c = get(containers, who, "Container");
      List<Attachment> attachments = new ArrayList<>(c.attachments());
      int i = indexOf(attachments.stream().map(Attachment::subnet).toList(), subnet,
          "Container '" + who + "' is not attached to subnet '" + subnet + "'");
      attachments.set(i, attachments.get(i).withAddress(ip));
      containers.put(who, c.withAttachments(attachments));
    }
  }

  private void assignMac(Event.Owner owner, String who, String port, MacAddress mac) {
    if (owner == Event.Owner.HOST) {
      Host h = get(hosts, who, "Host");
      List<Nic> nics = new ArrayList<>(h.nics());
      int i = indexOf(nics.stream().map(Nic::name).toList(), port,
          "Host '" + who + "' has no NIC '" + port + "'");
      nics.set(i, nics.get(i).withMac(mac));
      hosts.put(who, h.withNics(nics));
    } else {
      Container c = get(containers, who, "Container");
      List<Attachment> attachments = new ArrayList<>(c.attachments());
      int i = indexOf(attachments.stream().map(Attachment::subnet).toList(), port,
          "Container '" + who + "' is not attached to subnet '" + port + "'");
      attachments.set(i, attachments.get(i).withMac(mac));
      containers.put(who, c.withAttachments(attachments));
    }
  }

  private static int indexOf(List<String> names, String name, String missing) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(missing);
    }
    return i;
  }

  private static <T> T get(Map<String, T> map, String key, String kind) {
    T value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException(kind + " '" + key + "' is not declared");
    }
    return value;
  }

  private static <T> void add(Map<String, T> map, String key, T value, String kind) {
    if (map.putIfAbsent(key, value) != null) {
      throw new IllegalArgumentException(kind + " '" + key + "' is already declared");
    }
  }

  private static <T> void replace(Map<String, T> map, String key, T value, String kind) {
    get(map, key, kind);
    map.put(key, value);
  }

  private static <T> void remove(Map<String, T> map, String key, String kind) {
    get(map, key, kind);
    map.remove(key);
  }

  /** The network this draft holds, built through {@link Network.Builder}. */
  public Network build() {
    Network.Builder b = Network.builder(name).domain(domain).supernet(supernet)
        .convention(convention);
    if (publicSupernet) {
      b.publicSupernet();
    }
    subnets.values().forEach(b::subnet);
    spines.values().forEach(b::spine);
    hosts.values().forEach(b::host);
    links.forEach(b::link);
    containers.values().forEach(b::container);
    internet.ifPresent(b::internet);
    deployFrom.ifPresent(b::deployFrom);
    rules.forEach(b::rule);
    assertions.forEach(b::assertion);
    devices.values().forEach(b::device);
    watch.ifPresent(b::watch);
    return b.build();
  }
}
