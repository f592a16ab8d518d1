package org.cimnet.core.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.AddressConvention;
import org.cimnet.core.model.Watch;
import org.cimnet.core.yaml.YamlProblem;
import org.cimnet.core.yaml.internal.Fields;
import org.cimnet.core.yaml.internal.InventoryReader;
import org.cimnet.core.yaml.internal.ModelReader;
import org.cimnet.core.yaml.internal.Node;
import org.cimnet.core.yaml.internal.ReadProblem;
import org.cimnet.core.yaml.internal.TreeReader;

/**
 * One line of the event log back into its event, through the same builders (and so the same
 * checks) as network.yaml; every problem names the log's line, the key path and what is allowed.
 */
final class EventDecoder {
  private EventDecoder() {}

  /** The event on a line, or the problems that stop it being read (with the log's line). */
  static Optional<Event> decode(byte[] line, String file, int lineNumber,
      List<YamlProblem> problems) {
    List<ReadProblem> local = new ArrayList<>();
    Optional<Event> event = new TreeReader(file, local).json(line)
        .flatMap(root -> event(root, new Fields(file, local)));
    for (ReadProblem p : local) {
      problems.add(new YamlProblem(file, lineNumber, p.column(), p.path(), p.message()));
    }
    return local.isEmpty() ? event : Optional.empty();
  }

  private static Optional<Event> event(Node root, Fields f) {
    ModelReader r = new ModelReader(f);
    Optional<Node.MapNode> map = f.map(root, "", "an event (a JSON object)");
    if (map.isEmpty()) {
      return Optional.empty();
    }
    Node typeNode = map.get().entries().get("event");
    if (typeNode == null) {
      f.problem(root, "", "missing the key 'event' that names what happened");
      return Optional.empty();
    }
    Optional<String> type = f.string(typeNode, "event", "an event name");
    if (type.isEmpty()) {
      return Optional.empty();
    }
    String t = type.get();
    return switch (t) {
      case "network-changed" -> fields(f, root, t, o -> {
        Optional<String> name = o.reqString("name", "a network name");
        Optional<String> domain = o.reqString("domain", "a DNS domain");
        Optional<Prefix> supernet = o.reqString("supernet", "a CIDR").flatMap(
            s -> f.attempt(o.req("supernet").get(), "supernet", () -> Prefix.parse(s)));
        Optional<Boolean> pub = o.req("public_supernet").flatMap(n -> f.bool(n,
            "public_supernet"));
        Optional<AddressConvention> conv = o.req("convention").flatMap(
            n -> r.convention(n, "convention"));
        if (name.isEmpty() || domain.isEmpty() || supernet.isEmpty() || pub.isEmpty()
            || conv.isEmpty()) {
          return Optional.empty();
        }
        return f.attempt(o.map, "", () -> new Event.NetworkChanged(name.get(), domain.get(),
            supernet.get(), pub.get(), conv.get()));
      }, "name", "domain", "supernet", "public_supernet", "convention");
      case "subnet-added" -> element(f, root, t, "subnet", n -> r.subnet(n, "subnet"),
          Event.SubnetAdded::new);
      case "subnet-changed" -> element(f, root, t, "subnet", n -> r.subnet(n, "subnet"),
          Event.SubnetChanged::new);
      case "subnet-removed" -> named(f, root, t, Event.SubnetRemoved::new);
      case "vlan-assigned" -> fields(f, root, t, o -> {
        Optional<String> subnet = o.reqString("subnet", "a subnet name");
        Optional<Integer> vlan = o.req("vlan").flatMap(n -> f.integer(n, "vlan", "a VLAN id"));
        return subnet.isEmpty() || vlan.isEmpty() ? Optional.empty()
            : f.attempt(o.map, "", () -> new Event.VlanAssigned(subnet.get(), vlan.get()));
      }, "subnet", "vlan");
      case "spine-added" -> element(f, root, t, "spine", n -> r.spine(n, "spine"),
          Event.SpineAdded::new);
      case "spine-removed" -> named(f, root, t, Event.SpineRemoved::new);
      case "host-added" -> element(f, root, t, "host", n -> r.host(n, "host", true, b -> { }),
          Event.HostAdded::new);
      case "host-changed" -> element(f, root, t, "host",
          n -> r.host(n, "host", true, b -> { }), Event.HostChanged::new);
      case "host-removed" -> named(f, root, t, Event.HostRemoved::new);
      case "address-assigned" -> fields(f, root, t, o -> {
        Optional<Event.Owner> owner = owner(f, o);
        Optional<String> name = o.reqString("name", "a host or container name");
        Optional<String> subnet = o.reqString("subnet", "a subnet name");
        Optional<Ipv4Address> address = o.reqString("address", "an address").flatMap(
            s -> f.attempt(o.req("address").get(), "address", () -> Ipv4Address.parse(s)));
        return owner.isEmpty() || name.isEmpty() || subnet.isEmpty() || address.isEmpty()
            ? Optional.empty()
            : f.attempt(o.map, "", () -> new Event.AddressAssigned(owner.get(), name.get(),
                subnet.get(), address.get()));
      }, "owner", "name", "subnet", "address");
      case "mac-assigned" -> fields(f, root, t, o -> {
        Optional<Event.Owner> owner = owner(f, o);
        Optional<String> name = o.reqString("name", "a host or container name");
        Optional<String> port = o.reqString("port", "a NIC name or a subnet name");
        Optional<MacAddress> mac = mac(f, o);
        return owner.isEmpty() || name.isEmpty() || port.isEmpty() || mac.isEmpty()
            ? Optional.empty()
            : f.attempt(o.map, "", () -> new Event.MacAssigned(owner.get(), name.get(),
                port.get(), mac.get()));
      }, "owner", "name", "port", "mac");
      case "mac-discovered" -> fields(f, root, t, o -> {
        Optional<String> host = o.reqString("host", "a host name");
        Optional<String> nic = o.reqString("nic", "a NIC name");
        Optional<MacAddress> mac = mac(f, o);
        return host.isEmpty() || nic.isEmpty() || mac.isEmpty() ? Optional.empty()
            : f.attempt(o.map, "", () -> new Event.MacDiscovered(host.get(), nic.get(),
                mac.get()));
      }, "host", "nic", "mac");
      case "link-added" -> element(f, root, t, "link", n -> r.link(n, "link"),
          Event.LinkAdded::new);
      case "link-removed" -> element(f, root, t, "link", n -> r.link(n, "link"),
          Event.LinkRemoved::new);
      case "container-placed" -> element(f, root, t, "container",
          n -> r.container(n, "container"), Event.ContainerPlaced::new);
      case "container-changed" -> element(f, root, t, "container",
          n -> r.container(n, "container"), Event.ContainerChanged::new);
      case "container-moved" -> fields(f, root, t, o -> {
        Optional<String> name = o.reqString("name", "a container name");
        Optional<String> host = o.reqString("host", "a host name");
        return name.isEmpty() || host.isEmpty() ? Optional.empty()
            : f.attempt(o.map, "", () -> new Event.ContainerMoved(name.get(), host.get()));
      }, "name", "host");
      case "container-removed" -> named(f, root, t, Event.ContainerRemoved::new);
      case "internet-set" -> fields(f, root, t, o -> {
        if (o.opt("internet").isEmpty()) {
          return Optional.of(new Event.InternetSet(Optional.empty()));
        }
        return r.internet(o.opt("internet").get(), "internet")
            .map(i -> new Event.InternetSet(Optional.of(i)));
      }, "internet");
      case "rule-added" -> element(f, root, t, "rule", n -> r.rule(n, "rule"),
          Event.RuleAdded::new);
      case "rule-removed" -> element(f, root, t, "rule", n -> r.rule(n, "rule"),
          Event.RuleRemoved::new);
      case "assertion-added" -> element(f, root, t, "assertion",
          n -> r.assertion(n, "assertion"), Event.AssertionAdded::new);
      case "assertion-removed" -> element(f, root, t, "assertion",
          n -> r.assertion(n, "assertion"), Event.AssertionRemoved::new);
      case "watch-set" -> fields(f, root, t, o -> {
        if (o.opt("watch").isEmpty()) {
          return Optional.of(new Event.WatchSet(Optional.empty()));
        }
        return new InventoryReader(r).watch(o.opt("watch").get(), "watch")
            .map(w -> new Event.WatchSet(Optional.of(w)));
      }, "watch");
      case "device-admitted" -> element(f, root, t, "device",
          n -> new InventoryReader(r).device(n, "device"), Event.DeviceAdmitted::new);
      case "device-removed" -> named(f, root, t, Event.DeviceRemoved::new);
      case "device-seen" -> observed(f, root, t, Observed.DeviceSeen::new);
      case "device-gone" -> observed(f, root, t, Observed.DeviceGone::new);
      case "device-quarantined" -> observed(f, root, t, Observed.DeviceQuarantined::new);
      case "device-unauthorized" -> fields(f, root, t, o -> {
        Optional<java.time.Instant> at = at(f, o);
        Optional<Sighting> s = sighting(f, o);
        Optional<Watch.Enforcement> e = o.reqString("enforcement",
            "'alert', 'quarantine' or 'closed'").flatMap(x -> f.attempt(
                o.req("enforcement").get(), "enforcement", () -> Watch.Enforcement.parse(x)));
        return at.isEmpty() || s.isEmpty() || e.isEmpty() ? Optional.empty()
            : Optional.of(new Observed.DeviceUnauthorized(s.get(), e.get(), at.get()));
      }, keys("at", "enforcement"));
      case "device-moved" -> fields(f, root, t, o -> {
        Optional<java.time.Instant> at = at(f, o);
        Optional<Sighting> s = sighting(f, o);
        Optional<Sighting> from = o.req("from").flatMap(n -> f.obj(n, "from",
            "where the MAC was before", SIGHTING)).flatMap(x -> sighting(f, x));
        return at.isEmpty() || s.isEmpty() || from.isEmpty() ? Optional.empty()
            : Optional.of(new Observed.DeviceMoved(from.get(), s.get(), at.get()));
      }, keys("at", "from"));
      case "handler-ran" -> fields(f, root, t, o -> {
        Optional<java.time.Instant> at = at(f, o);
        Optional<Watch.Outcome> on = o.reqString("on", "an outcome").flatMap(x -> f.attempt(
            o.req("on").get(), "on", () -> Watch.Outcome.parse(x)));
        Optional<MacAddress> mac = mac(f, o);
        List<String> command = new ArrayList<>();
        o.req("command").ifPresent(n -> f.list(n, "command", "the command's words").forEach(
            w -> f.string(w, "command", "a word").ifPresent(command::add)));
        Optional<String> status = o.reqString("status", "how the program ended");
        Optional<Integer> exit = o.req("exit").flatMap(n -> f.integer(n, "exit",
            "an exit status"));
        Optional<Long> millis = o.req("millis").flatMap(n -> f.integer(n, "millis",
            "milliseconds")).map(Integer::longValue);
        Optional<String> output = o.reqString("output", "the program's output");
        return at.isEmpty() || on.isEmpty() || mac.isEmpty() || status.isEmpty()
            || exit.isEmpty() || millis.isEmpty() || output.isEmpty() ? Optional.empty()
            : Optional.of(new Event.HandlerRan(on.get(), mac.get(), command, status.get(),
                exit.get(), millis.get(), output.get(), at.get()));
      }, "at", "on", "mac", "command", "status", "exit", "millis", "output");
      default -> {
        f.problem(typeNode, "event", "event '" + t + "' is not known: use one of "
            + String.join(", ", TYPES));
        yield Optional.empty();
      }
    };
  }

  static final List<String> TYPES = List.of("network-changed", "subnet-added",
      "subnet-changed", "subnet-removed", "vlan-assigned", "spine-added", "spine-removed",
      "host-added", "host-changed", "host-removed", "address-assigned", "mac-assigned",
      "mac-discovered", "link-added", "link-removed", "container-placed", "container-moved",
      "container-changed", "container-removed", "internet-set", "rule-added", "rule-removed",
      "assertion-added", "assertion-removed", "watch-set", "device-admitted", "device-removed",
      "device-seen", "device-moved", "device-gone", "device-unauthorized", "device-quarantined",
      "handler-ran");

  private static Optional<Event.Owner> owner(Fields f, Fields.Obj o) {
    return o.reqString("owner", "'host' or 'container'").flatMap(s -> {
      for (Event.Owner owner : Event.Owner.values()) {
        if (owner.key().equals(s)) {
          return Optional.of(owner);
        }
      }
      f.problem(o.req("owner").get(), "owner", "owner '" + s
          + "' is not known: use 'host' or 'container'");
      return Optional.empty();
    });
  }

  private static Optional<MacAddress> mac(Fields f, Fields.Obj o) {
    return o.reqString("mac", "a MAC").flatMap(
        s -> f.attempt(o.req("mac").get(), "mac", () -> MacAddress.parse(s)));
  }

  private static Optional<Event> fields(Fields f, Node root, String type,
      Function<Fields.Obj, Optional<? extends Event>> read, String... keys) {
    String[] allowed = new String[keys.length + 1];
    allowed[0] = "event";
    System.arraycopy(keys, 0, allowed, 1, keys.length);
    return f.obj(root, "", "event '" + type + "'", allowed).flatMap(o -> read.apply(o)
        .map(e -> (Event) e));
  }

  private static <T> Optional<Event> element(Fields f, Node root, String type, String key,
      Function<Node, Optional<T>> read, Function<T, Event> make) {
    return fields(f, root, type, o -> o.req(key).flatMap(read).map(make), key);
  }

  private static Optional<Event> named(Fields f, Node root, String type,
      Function<String, Event> make) {
    return fields(f, root, type, o -> o.reqString("name", "a name").flatMap(
        n -> f.attempt(o.req("name").get(), "name", () -> make.apply(n))), "name");
  }

  private static final String[] SIGHTING = {"host", "mac", "bridge", "port", "vlan", "subnet",
      "owner", "address"};

  private static String[] keys(String... more) {
    String[] all = new String[SIGHTING.length + more.length];
    System.arraycopy(SIGHTING, 0, all, 0, SIGHTING.length);
    System.arraycopy(more, 0, all, SIGHTING.length, more.length);
    return all;
  }

  private static Optional<Sighting> sighting(Fields f, Fields.Obj o) {
    Optional<String> host = o.reqString("host", "a host name");
    Optional<MacAddress> mac = mac(f, o);
    Optional<String> bridge = o.reqString("bridge", "a bridge name");
    Optional<String> port = o.reqString("port", "a port name");
    Optional<Integer> vlan = o.req("vlan").flatMap(n -> f.integer(n, o.path("vlan"),
        "a VLAN id"));
    Optional<String> subnet = o.optString("subnet", "a subnet name");
    Optional<String> owner = o.optString("owner", "what the model says the MAC is");
    Optional<Ipv4Address> address = o.optString("address", "an address").flatMap(
        s -> f.attempt(o.opt("address").get(), o.path("address"), () -> Ipv4Address.parse(s)));
    if (host.isEmpty() || mac.isEmpty() || bridge.isEmpty() || port.isEmpty() || vlan.isEmpty()
        || (o.opt("address").isPresent() && address.isEmpty())) {
      return Optional.empty();
    }
    return f.attempt(o.map, o.path, () -> new Sighting(host.get(), mac.get(), bridge.get(),
        port.get(), vlan.get(), address, owner, subnet));
  }

  private static Optional<java.time.Instant> at(Fields f, Fields.Obj o) {
    return o.reqString("at", "a time such as '2026-01-01T00:00:00Z'").flatMap(
        s -> f.attempt(o.req("at").get(), "at", () -> {
          try {
            return java.time.Instant.parse(s);
          } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + s + "' is not an ISO-8601 instant"
                + " such as '2026-01-01T00:00:00Z'");
          }
        }));
  }

  private static Optional<Event> observed(Fields f, Node root, String type,
      java.util.function.BiFunction<Sighting, java.time.Instant, Event> make) {
    return fields(f, root, type, o -> {
      Optional<java.time.Instant> at = at(f, o);
      Optional<Sighting> s = sighting(f, o);
      return at.isEmpty() || s.isEmpty() ? Optional.empty()
          : Optional.of(make.apply(s.get(), at.get()));
    }, keys("at"));
  }
}
