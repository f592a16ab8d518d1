package org.cimnet.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.AddressConvention;
import org.cimnet.core.model.Assertion;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Names;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Watch;

/**
 * One change to a network. The first description is the origin; every later change is an event
 * appended to the log, and a network is the fold of its events ({@link Replay}).
 *
 * <p>Adding appends (declaration order is kept, so rendering stays stable); changing replaces in
 * place; removing a name that is not there, or adding one that is, does not apply and stops the
 * replay. What the watcher observed ({@link Observed}, {@link HandlerRan}) leaves the
 * model as it is: those events are the history of what was plugged in where.
 */
public sealed interface Event permits Event.NetworkChanged, Event.SubnetAdded,
    Event.SubnetChanged, Event.SubnetRemoved, Event.VlanAssigned, Event.SpineAdded,
    Event.SpineRemoved, Event.HostAdded, Event.HostChanged, Event.HostRemoved,
    Event.AddressAssigned, Event.MacAssigned, Event.MacDiscovered, Event.LinkAdded,
    Event.LinkRemoved, Event.ContainerPlaced, Event.ContainerMoved, Event.ContainerChanged,
    Event.ContainerRemoved, Event.InternetSet, Event.RuleAdded, Event.RuleRemoved,
    Event.AssertionAdded, Event.AssertionRemoved, Event.WatchSet, Event.DeviceAdmitted,
    Event.DeviceRemoved, Event.HandlerRan, Observed {

  /** The event's name in the log, such as {@code subnet-added}. */
  String type();

  /** Whose number an address or MAC event sets. */
  enum Owner {
    HOST, CONTAINER;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The network's own settings changed (its name, domain, supernet or address convention). */
  record NetworkChanged(String name, String domain, Prefix supernet, boolean publicSupernet,
      AddressConvention convention) implements Event {
    public NetworkChanged {
      Names.check("Network", name);
      Objects.requireNonNull(domain, "domain == null");
      Objects.requireNonNull(supernet, "supernet == null");
      Objects.requireNonNull(convention, "convention == null");
    }

    @Override
    public String type() {
      return "network-changed";
    }
  }

  record SubnetAdded(Subnet subnet) implements Event {
    public SubnetAdded {
      Objects.requireNonNull(subnet, "subnet == null");
    }

    @Override
    public String type() {
      return "subnet-added";
    }
  }

  /** A subnet of the same name replaced (its CIDR, VLAN, zone or reserved flag changed). */
  record SubnetChanged(Subnet subnet) implements Event {
    public SubnetChanged {
      Objects.requireNonNull(subnet, "subnet == null");
    }

    @Override
    public String type() {
      return "subnet-changed";
    }
  }

  record SubnetRemoved(String name) implements Event {
    public SubnetRemoved {
      Names.check("Subnet", name);
    }

    @Override
    public String type() {
      return "subnet-removed";
    }
  }

  /** IPAM (or a person) gave a subnet its VLAN id. */
  record VlanAssigned(String subnet, int vlan) implements Event {
    public VlanAssigned {
      Names.check("Subnet", subnet);
      if (vlan < 1 || vlan > 4094) {
        throw new IllegalArgumentException("VLAN id '" + vlan + "' must be 1 to 4094");
      }
    }

    @Override
    public String type() {
      return "vlan-assigned";
    }
  }

  record SpineAdded(Spine spine) implements Event {
    public SpineAdded {
      Objects.requireNonNull(spine, "spine == null");
    }

    @Override
    public String type() {
      return "spine-added";
    }
  }

  record SpineRemoved(String name) implements Event {
    public SpineRemoved {
      Names.check("Spine", name);
    }

    @Override
    public String type() {
      return "spine-removed";
    }
  }

  record HostAdded(Host host) implements Event {
    public HostAdded {
      Objects.requireNonNull(host, "host == null");
    }

    @Override
    public String type() {
      return "host-added";
    }
  }

  /** A host of the same name replaced (its NICs, leaves, addresses or roles changed). */
  record HostChanged(Host host) implements Event {
    public HostChanged {
      Objects.requireNonNull(host, "host == null");
    }

    @Override
    public String type() {
      return "host-changed";
    }
  }

  record HostRemoved(String name) implements Event {
    public HostRemoved {
      Names.check("Host", name);
    }

    @Override
    public String type() {
      return "host-removed";
    }
  }

  /**
   * An address given to a host (in one of its address slots) or to a container (in one of its
   * attachments), by IPAM or by a person.
   */
  record AddressAssigned(Owner owner, String name, String subnet, Ipv4Address address)
      implements Event {
    public AddressAssigned {
      Objects.requireNonNull(owner, "owner == null");
      Names.check(owner == Owner.HOST ? "Host" : "Container", name);
      Names.check("Subnet", subnet);
      Objects.requireNonNull(address, "address == null");
    }

    @Override
    public String type() {
      return "address-assigned";
    }
  }

  /**
   * A MAC set: a host NIC's from the inventory ({@code port} is the NIC), or a container's
   * interface from IPAM ({@code port} is the subnet).
   */
  record MacAssigned(Owner owner, String name, String port, MacAddress mac) implements Event {
    public MacAssigned {
      Objects.requireNonNull(owner, "owner == null");
      Names.check(owner == Owner.HOST ? "Host" : "Container", name);
      Objects.requireNonNull(port, "port == null");
      Objects.requireNonNull(mac, "mac == null");
    }

    @Override
    public String type() {
      return "mac-assigned";
    }
  }

  /** A host NIC's MAC seen on the wire (MAC discovery). */
  record MacDiscovered(String host, String nic, MacAddress mac) implements Event {
    public MacDiscovered {
      Names.check("Host", host);
      Objects.requireNonNull(nic, "nic == null");
      Objects.requireNonNull(mac, "mac == null");
    }

    @Override
    public String type() {
      return "mac-discovered";
    }
  }

  record LinkAdded(Link link) implements Event {
    public LinkAdded {
      Objects.requireNonNull(link, "link == null");
    }

    @Override
    public String type() {
      return "link-added";
    }
  }

  /** Removes the first link equal to {@code link}. */
  record LinkRemoved(Link link) implements Event {
    public LinkRemoved {
      Objects.requireNonNull(link, "link == null");
    }

    @Override
    public String type() {
      return "link-removed";
    }
  }

  record ContainerPlaced(Container container) implements Event {
    public ContainerPlaced {
      Objects.requireNonNull(container, "container == null");
    }

    @Override
    public String type() {
      return "container-placed";
    }
  }

  record ContainerMoved(String name, String host) implements Event {
    public ContainerMoved {
      Names.check("Container", name);
      Names.check("Host", host);
    }

    @Override
    public String type() {
      return "container-moved";
    }
  }

  /** A container of the same name replaced (its kind, attachments or published services). */
  record ContainerChanged(Container container) implements Event {
    public ContainerChanged {
      Objects.requireNonNull(container, "container == null");
    }

    @Override
    public String type() {
      return "container-changed";
    }
  }

  record ContainerRemoved(String name) implements Event {
    public ContainerRemoved {
      Names.check("Container", name);
    }

    @Override
    public String type() {
      return "container-removed";
    }
  }

  /** The way to the internet set, replaced, or (empty) taken away. */
  record InternetSet(Optional<Internet> internet) implements Event {
    public InternetSet {
      Objects.requireNonNull(internet, "internet == null");
    }

    @Override
    public String type() {
      return "internet-set";
    }
  }

  record RuleAdded(Rule rule) implements Event {
    public RuleAdded {
      Objects.requireNonNull(rule, "rule == null");
    }

    @Override
    public String type() {
      return "rule-added";
    }
  }

  /** Removes the first rule equal to {@code rule}. */
  record RuleRemoved(Rule rule) implements Event {
    public RuleRemoved {
      Objects.requireNonNull(rule, "rule == null");
    }

    @Override
    public String type() {
      return "rule-removed";
    }
  }

  record AssertionAdded(Assertion assertion) implements Event {
    public AssertionAdded {
      Objects.requireNonNull(assertion, "assertion == null");
    }

    @Override
    public String type() {
      return "assertion-added";
    }
  }

  /** Removes the first assertion equal to {@code assertion}. */
  record AssertionRemoved(Assertion assertion) implements Event {
    public AssertionRemoved {
      Objects.requireNonNull(assertion, "assertion == null");
    }

    @Override
    public String type() {
      return "assertion-removed";
    }
  }

  /** The watcher's settings set, replaced, or (empty) taken away. */
  record WatchSet(Optional<Watch> watch) implements Event {
    public WatchSet {
      Objects.requireNonNull(watch, "watch == null");
    }

    @Override
    public String type() {
      return "watch-set";
    }
  }

  /** A device admitted: from now on it is in the inventory (how a person admits a device). */
  record DeviceAdmitted(Device device) implements Event {
    public DeviceAdmitted {
      Objects.requireNonNull(device, "device == null");
    }

    @Override
    public String type() {
      return "device-admitted";
    }
  }

  record DeviceRemoved(String name) implements Event {
    public DeviceRemoved {
      Names.check("Device", name);
    }

    @Override
    public String type() {
      return "device-removed";
    }
  }

  /**
   * A handler program ran for an event: its command, how it ended ({@code exited},
   * {@code timed-out} or {@code not-started}), its exit status (-1 unless it exited), how long
   * it took and the start of its output.
   */
  record HandlerRan(Watch.Outcome on, MacAddress mac, List<String> command, String status,
      int exit, long millis, String output, Instant at) implements Event {
    public HandlerRan {
      Objects.requireNonNull(on, "on == null");
      Objects.requireNonNull(mac, "mac == null");
      command = List.copyOf(command);
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(output, "output == null");
      Objects.requireNonNull(at, "at == null");
    }

    @Override
    public String type() {
      return "handler-ran";
    }
  }
}
