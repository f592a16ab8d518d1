package org.cimnet.core.yaml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.AddressConvention;
import org.cimnet.core.model.Assertion;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Names;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;

/**
 * Reads one element at a time (a subnet, a host, a container...) through the model's own
 * builders, so a YAML file is held to exactly the checks the Java DSL applies. Every problem is
 * recorded with its place; an element with a problem is left out (the load fails anyway), so
 * one mistake does not hide the next.
 *
 * <p>References to other elements are recorded, with their place, for the loader to resolve
 * once everything is read.
 *
 * <p>Public only so the event log ({@code org.cimnet.core.event}) shares this codec with the
 * YAML files; it is not part of cimnet's user API.
 */
public final class ModelReader {
  /** A name used somewhere that must be declared elsewhere. */
  public record Ref(String kind, String name, String owner, String file, int line, int column,
      String path) {}

  public static final String AUTO = "auto";

  public final Fields f;
  public final List<Ref> refs = new ArrayList<>();

  private final HostReader hosts;
  private final PolicyReader policy;

  public ModelReader(Fields f) {
    this.f = f;
    this.hosts = new HostReader(this);
    this.policy = new PolicyReader(this);
  }

  void ref(String kind, String name, String owner, Node at, String path) {
    refs.add(new Ref(kind, name, owner, f.file, at.line(), at.column(), path));
  }

  void ref(String kind, String name, String owner, int[] at, String path) {
    refs.add(new Ref(kind, name, owner, f.file, at[0], at[1], path));
  }

  public Optional<AddressConvention> convention(Node node, String path) {
    return f.obj(node, path, "the address convention", "gateway", "nameserver").flatMap(o -> {
      Optional<Integer> g = o.req("gateway").flatMap(n -> f.integer(n, o.path("gateway"),
          "the gateway's offset in every subnet (1 is .1, -2 the second-last address)"));
      Optional<Integer> ns = o.req("nameserver").flatMap(n -> f.integer(n,
          o.path("nameserver"), "the nameserver's offset in every subnet"));
      if (g.isEmpty() || ns.isEmpty()) {
        return Optional.empty();
      }
      return f.attempt(node, path, () -> new AddressConvention(g.get(), ns.get()));
    });
  }

  public Optional<Subnet> subnet(Node node, String path) {
    Optional<Fields.Obj> obj = f.obj(node, path, "a subnet", "name", "cidr", "vlan", "zone",
        "reserved");
    if (obj.isEmpty()) {
      return Optional.empty();
    }
    Fields.Obj o = obj.get();
    Optional<String> name = name(o, "Subnet");
    Optional<String> cidr = o.reqString("cidr", "a CIDR such as '192.168.4.0/24'");
    if (name.isEmpty() || cidr.isEmpty()) {
      return Optional.empty();
    }
    Optional<Subnet.Builder> b = f.attempt(o.req("cidr").get(), o.path("cidr"),
        () -> Subnet.builder(name.get(), cidr.get()));
    boolean ok = b.isPresent();
    if (o.opt("vlan").isPresent()) {
      Node v = o.opt("vlan").get();
      Optional<Integer> id = f.integer(v, o.path("vlan"), "a VLAN id from 1 to 4094");
      ok &= id.isPresent() && b.isPresent()
          && f.attempt(v, o.path("vlan"), () -> b.get().vlan(id.get())).isPresent();
    }
    if (o.opt("zone").isPresent()) {
      Node z = o.opt("zone").get();
      Optional<String> zone = f.string(z, o.path("zone"), "a zone name such as 'private'");
      ok &= zone.isPresent() && b.isPresent()
          && f.attempt(z, o.path("zone"), () -> b.get().zone(zone.get())).isPresent();
    }
    if (o.opt("reserved").isPresent()) {
      Optional<Boolean> r = f.bool(o.opt("reserved").get(), o.path("reserved"));
      ok &= r.isPresent();
      if (r.orElse(false) && b.isPresent()) {
        b.get().reserved();
      }
    }
    return ok ? Optional.of(b.get().build()) : Optional.empty();
  }

  public Optional<Spine> spine(Node node, String path) {
    return f.obj(node, path, "a spine", "name", "ports").flatMap(o -> {
      Optional<String> name = name(o, "Spine");
      Optional<Integer> ports = o.req("ports").flatMap(n -> f.integer(n, o.path("ports"),
          "the number of ports, 1 to 1024"));
      if (name.isEmpty() || ports.isEmpty()) {
        return Optional.empty();
      }
      return f.attempt(o.req("ports").get(), o.path("ports"),
          () -> new Spine(name.get(), ports.get()));
    });
  }

  /** A NIC of a host (parts.yaml, or a host in an event). */
  public boolean nic(Host.Builder host, String hostName, Node node, String path) {
    return hosts.nic(host, hostName, node, path);
  }

  /**
   * A host. {@code withNics} admits a {@code nics} key (events carry whole hosts; network.yaml
   * leaves hardware to parts.yaml); {@code hardware} adds what parts.yaml says about it.
   */
  public Optional<Host> host(Node node, String path, boolean withNics,
      Consumer<Host.Builder> hardware) {
    return hosts.host(node, path, withNics, hardware);
  }

  public Optional<Link> link(Node node, String path) {
    Optional<Fields.Obj> obj = f.obj(node, path, "a link", "kind", "host", "nic", "spine",
        "port", "carries", "other_spine", "other_port");
    if (obj.isEmpty()) {
      return Optional.empty();
    }
    Fields.Obj o = obj.get();
    Optional<String> kind = o.reqString("kind", "'trunk' or 'interconnect'");
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    if (kind.get().equals("trunk")) {
      for (String k : List.of("other_spine", "other_port")) {
        o.opt(k).ifPresent(n -> f.problem(o.map.keys().get(k)[0], o.map.keys().get(k)[1],
            o.path(k), "a trunk has no '" + k + "': it wires a host NIC (host, nic) to a spine"
                + " port (spine, port)"));
      }
      Optional<String> host = o.reqString("host", "a host name");
      Optional<String> nic = o.reqString("nic", "a NIC name such as 'eth0'");
      Optional<String> spine = o.reqString("spine", "a spine name");
      Optional<Integer> port = o.req("port").flatMap(n -> f.integer(n, o.path("port"),
          "a spine port number"));
      List<String> carries = new ArrayList<>();
      boolean ok = true;
      if (o.opt("carries").isPresent()) {
        List<Node> items = f.list(o.opt("carries").get(), o.path("carries"), "subnet names");
        for (int i = 0; i < items.size(); i++) {
          String p = o.path("carries") + "[" + i + "]";
          Optional<String> s = f.string(items.get(i), p, "a subnet name");
          Node at = items.get(i);
          ok &= s.flatMap(x -> f.attempt(at, p, () -> Names.check("Subnet", x))).isPresent();
          s.ifPresent(x -> {
            carries.add(x);
            ref("subnet", x, "a trunk", at, p);
          });
        }
      }
      if (host.isEmpty() || nic.isEmpty() || spine.isEmpty() || port.isEmpty() || !ok) {
        return Optional.empty();
      }
      Optional<String> h = f.attempt(o.req("host").get(), o.path("host"),
          () -> Names.check("Host", host.get()));
      Optional<Nic> n = f.attempt(o.req("nic").get(), o.path("nic"),
          () -> new Nic(nic.get(), Optional.empty()));
      Optional<String> s = f.attempt(o.req("spine").get(), o.path("spine"),
          () -> Names.check("Spine", spine.get()));
      if (h.isEmpty() || n.isEmpty() || s.isEmpty()
          | !spinePort(o, "port", "Trunk '" + host.get() + "." + nic.get() + "'", port.get())) {
        return Optional.empty();
      }
      ref("host", host.get(), "a trunk", o.req("host").get(), o.path("host"));
      ref("nic", host.get() + "/" + nic.get(), "a trunk", o.req("nic").get(), o.path("nic"));
      ref("spine", spine.get(), "a trunk", o.req("spine").get(), o.path("spine"));
      return Optional.of(new Link.Trunk(host.get(), nic.get(), spine.get(), port.get(),
          carries));
    }
    if (kind.get().equals("interconnect")) {
      for (String k : List.of("host", "nic", "carries")) {
        o.opt(k).ifPresent(n -> f.problem(o.map.keys().get(k)[0], o.map.keys().get(k)[1],
            o.path(k), "an interconnect has no '" + k + "': it wires two spine ports (spine,"
                + " port, other_spine, other_port)"));
      }
      Optional<String> spine = o.reqString("spine", "a spine name");
      Optional<Integer> port = o.req("port").flatMap(n -> f.integer(n, o.path("port"),
          "a spine port number"));
      Optional<String> other = o.reqString("other_spine", "a spine name");
      Optional<Integer> otherPort = o.req("other_port").flatMap(n -> f.integer(n,
          o.path("other_port"), "a spine port number"));
      if (spine.isEmpty() || port.isEmpty() || other.isEmpty() || otherPort.isEmpty()) {
        return Optional.empty();
      }
      Optional<String> s1 = f.attempt(o.req("spine").get(), o.path("spine"),
          () -> Names.check("Spine", spine.get()));
      Optional<String> s2 = f.attempt(o.req("other_spine").get(), o.path("other_spine"),
          () -> Names.check("Spine", other.get()));
      String self = "Interconnect '" + spine.get() + ":" + port.get() + "-" + other.get() + ":"
          + otherPort.get() + "'";
      if (s1.isEmpty() || s2.isEmpty() | !spinePort(o, "port", self, port.get())
          | !spinePort(o, "other_port", self, otherPort.get())) {
        return Optional.empty();
      }
      ref("spine", spine.get(), "an interconnect", o.req("spine").get(), o.path("spine"));
      ref("spine", other.get(), "an interconnect", o.req("other_spine").get(),
          o.path("other_spine"));
      return Optional.of(new Link.Interconnect(spine.get(), port.get(), other.get(),
          otherPort.get()));
    }
    f.problem(o.req("kind").get(), o.path("kind"), "link kind '" + kind.get()
        + "' is not known: use 'trunk' (a host NIC to a spine port) or 'interconnect' (two"
        + " spine ports)");
    return Optional.empty();
  }

  /** Whether {@code port}, at {@code key}, is a spine port number; if not, a problem there. */
  private boolean spinePort(Fields.Obj o, String key, String element, int port) {
    return f.attempt(o.req(key).get(), o.path(key), () -> {
      try {
        return Spine.checkPort(port);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(element + ": " + e.getMessage(), e);
      }
    }).isPresent();
  }

  public Optional<Container> container(Node node, String path) {
    Optional<Fields.Obj> obj = f.obj(node, path, "a container", "name", "kind", "host",
        "attachments", "publishes");
    if (obj.isEmpty()) {
      return Optional.empty();
    }
    Fields.Obj o = obj.get();
    Optional<String> name = name(o, "Container");
    Optional<ContainerKind> kind = o.reqString("kind",
        "vm, lxc, docker, kubernetes or nixos-container").flatMap(k -> f.attempt(
            o.req("kind").get(), o.path("kind"), () -> ContainerKind.parse(k)));
    Optional<String> host = o.reqString("host", "the name of the host it runs on");
    Optional<Node> attachNode = o.req("attachments");
    if (name.isEmpty() || kind.isEmpty() || host.isEmpty() || attachNode.isEmpty()) {
      return Optional.empty();
    }
    String self = name.get();
    Container.Builder b = Container.builder(kind.get(), self);
    boolean ok = f.attempt(o.req("host").get(), o.path("host"), () -> b.on(host.get()))
        .isPresent();
    if (ok) {
      ref("host", host.get(), "container '" + self + "'", o.req("host").get(), o.path("host"));
    }
    String ap = o.path("attachments");
    Optional<Node.MapNode> attachments = f.map(attachNode.get(), ap, "a mapping of subnet names"
        + " to 'auto', an address, or {address, mac}, such as 'dmz: auto'");
    ok &= attachments.isPresent();
    for (Map.Entry<String, Node> e : attachments.map(m -> m.entries().entrySet())
        .orElse(java.util.Set.of())) {
      String subnet = e.getKey();
      String p = Fields.entry(ap, subnet);
      Node v = e.getValue();
      Optional<Ipv4Address> address = Optional.empty();
      Optional<MacAddress> mac = Optional.empty();
      boolean good = true;
      if (v instanceof Node.MapNode) {
        Optional<Fields.Obj> a = f.obj(v, p, "an attachment", "address", "mac");
        if (a.isEmpty()) {
          ok = false;
          continue;
        }
        Optional<Node> an = a.get().opt("address");
        if (an.isPresent()) {
          address = f.string(an.get(), p + ".address", "an address such as '192.168.4.10'")
              .flatMap(t -> f.attempt(an.get(), p + ".address", () -> inContainer(self,
                  "address in subnet '" + subnet + "'", () -> Ipv4Address.parse(t))));
          good &= address.isPresent();
        }
        Optional<Node> mn = a.get().opt("mac");
        if (mn.isPresent()) {
          mac = f.string(mn.get(), p + ".mac", "a MAC such as '52:54:00:12:34:56'")
              .flatMap(t -> f.attempt(mn.get(), p + ".mac", () -> inContainer(self,
                  "MAC in subnet '" + subnet + "'", () -> MacAddress.parse(t))));
          good &= mac.isPresent();
        }
      } else {
        Optional<String> text = f.string(v, p, "'auto', an address such as '192.168.4.10',"
            + " or a mapping with address and mac");
        if (text.isEmpty()) {
          ok = false;
          continue;
        }
        if (!text.get().equals(AUTO)) {
          address = f.attempt(v, p, () -> inContainer(self, "address in subnet '" + subnet
              + "'", () -> Ipv4Address.parse(text.get())));
          good &= address.isPresent();
        }
      }
      int[] at = attachments.get().keys().get(subnet);
      Optional<Ipv4Address> fa = address;
      Optional<MacAddress> fm = mac;
      good &= f.attempt(at[0], at[1], p, () -> b.attach(subnet, fa, fm)).isPresent();
      if (good) {
        ref("subnet", subnet, "container '" + self + "'", at, p);
      }
      ok &= good;
    }
    if (o.opt("publishes").isPresent()) {
      List<Node> items = f.list(o.opt("publishes").get(), o.path("publishes"),
          "services such as 'tcp/443'");
      for (int i = 0; i < items.size(); i++) {
        String p = o.path("publishes") + "[" + i + "]";
        Node at = items.get(i);
        ok &= f.string(at, p, "a service such as 'tcp/443'")
            .flatMap(s -> f.attempt(at, p, () -> b.publish(s))).isPresent();
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return f.attempt(node, path, b::build);
  }

  private static <T> T inContainer(String c, String what, java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Container '" + c + "': " + what + ": "
          + e.getMessage(), e);
    }
  }

  /** Notes the subnet {@code deploy_from} names, which must be declared. */
  public void deployFrom(String subnet, Node at) {
    ref("subnet", subnet, "deploy_from", at, "deploy_from");
  }

  /** The way to the internet. */
  public Optional<Internet> internet(Node node, String path) {
    return policy.internet(node, path);
  }

  public Optional<Rule> rule(Node node, String path) {
    return policy.rule(node, path);
  }

  public Optional<Assertion> assertion(Node node, String path) {
    return policy.assertion(node, path);
  }

  /** The required {@code name} key, a valid name of {@code kind}. */
  Optional<String> name(Fields.Obj o, String kind) {
    return o.reqString("name", "a " + kind.toLowerCase(java.util.Locale.ROOT) + " name")
        .flatMap(n -> f.attempt(o.req("name").get(), o.path("name"),
            () -> Names.check(kind, n)));
  }
}
