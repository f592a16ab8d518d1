package org.cimnet.core.yaml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Nic;

/** Hosts and their NICs, for {@link ModelReader}: roles, leaves and addresses by subnet. */
final class HostReader {
  private final ModelReader reader;
  private final Fields f;

  HostReader(ModelReader reader) {
    this.reader = reader;
    this.f = reader.f;
  }

  /** A NIC of a host (parts.yaml, or a host in an event). */
  boolean nic(Host.Builder host, String hostName, Node node, String path) {
    return f.obj(node, path, "a NIC", "name", "mac", "ifname").map(o -> {
      Optional<String> name = o.reqString("name", "an interface name such as 'eth0'");
      if (name.isEmpty()) {
        return false;
      }
      Optional<MacAddress> mac = Optional.empty();
      if (o.opt("mac").isPresent()) {
        Node m = o.opt("mac").get();
        Optional<String> text = f.string(m, o.path("mac"), "a MAC such as '52:54:00:12:34:56'");
        mac = text.flatMap(t -> f.attempt(m, o.path("mac"), () -> inHost(hostName, "NIC '"
            + name.get() + "'", () -> MacAddress.parse(t))));
        if (mac.isEmpty()) {
          return false;
        }
      }
      Optional<MacAddress> finalMac = mac;
      Optional<String> ifname = Optional.empty();
      if (o.opt("ifname").isPresent()) {
        ifname = o.optString("ifname", "the card's interface name on the machine, such as"
            + " 'enp3s0f0'");
        if (ifname.isEmpty()) {
          return false;
        }
      }
      Optional<String> finalIfname = ifname;
      return f.attempt(o.req("name").get(), o.path("name"), () -> {
        host.nic(name.get(), finalMac);
        finalIfname.ifPresent(i -> host.ifname(name.get(), i));
        return host;
      }).isPresent();
    }).orElse(false);
  }

  private static <T> T inHost(String host, String what, java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Host '" + host + "': " + what + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * A host's {@code router} or {@code nameserver} key: {@code true} for every subnet it carries,
   * or a list of the subnets it holds the role in, such as {@code [lan, dmz]}.
   */
  private boolean placement(Fields.Obj o, String key, String host, Runnable all,
      java.util.function.Function<String[], Host.Builder> some) {
    Optional<Node> value = o.opt(key);
    if (value.isEmpty()) {
      return true;
    }
    String p = o.path(key);
    if (value.get() instanceof Node.ListNode list) {
      List<String> subnets = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < list.items().size(); i++) {
        Optional<String> s = f.string(list.items().get(i), p + "[" + i + "]", "a subnet name");
        ok &= s.isPresent();
        s.ifPresent(subnets::add);
        if (s.isPresent()) {
          reader.ref("subnet", s.get(), key + " of host '" + host + "'", list.items().get(i),
              p + "[" + i + "]");
        }
      }
      return ok && f.attempt(value.get(), p, () -> some.apply(subnets.toArray(String[]::new)))
          .isPresent();
    }
    if (value.get() instanceof Node.Scalar sc && sc.kind() == Node.Scalar.Kind.BOOL) {
      Optional<Boolean> r = f.bool(value.get(), p);
      if (r.orElse(false)) {
        all.run();
      }
      return r.isPresent();
    }
    f.problem(value.get(), p, "expected true (every subnet the host carries) or a list of"
        + " subnet names such as [lan, dmz], found " + value.get().describe());
    return false;
  }

  /**
   * A host. {@code withNics} admits a {@code nics} key (events carry whole hosts; network.yaml
   * leaves hardware to parts.yaml); {@code hardware} adds what parts.yaml says about it.
   */
  Optional<Host> host(Node node, String path, boolean withNics,
      Consumer<Host.Builder> hardware) {
    String[] keys = withNics
        ? new String[] {"name", "router", "nameserver", "nics", "leaves", "addresses"}
        : new String[] {"name", "router", "nameserver", "leaves", "addresses"};
    Optional<Fields.Obj> obj = f.obj(node, path, "a host", keys);
    if (obj.isEmpty()) {
      return Optional.empty();
    }
    Fields.Obj o = obj.get();
    Optional<String> name = reader.name(o, "Host");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String host = name.get();
    Host.Builder b = Host.builder(host);
    boolean ok = true;
    ok &= placement(o, "router", host, b::router, b::router);
    ok &= placement(o, "nameserver", host, b::nameserver, b::nameserver);
    if (o.opt("nics").isPresent()) {
      List<Node> nics = f.list(o.opt("nics").get(), o.path("nics"), "NICs");
      java.util.Set<String> nicsNamed = new java.util.HashSet<>();
      for (int i = 0; i < nics.size(); i++) {
        ok &= nic(b, host, nics.get(i), o.path("nics")
            + Fields.item(nics.get(i), i, nicsNamed, Nic::isValidName));
      }
    }
    if (o.opt("leaves").isPresent()) {
      String lp = o.path("leaves");
      Optional<Node.MapNode> leaves = f.map(o.opt("leaves").get(), lp,
          "a mapping of leaf names to the subnets they carry, such as 'leaf1: [lan, wifi]'");
      ok &= leaves.isPresent();
      for (Map.Entry<String, Node> e : leaves.map(m -> m.entries().entrySet())
          .orElse(java.util.Set.of())) {
        String leaf = e.getKey();
        String p = Fields.entry(lp, leaf);
        int[] at = leaves.get().keys().get(leaf);
        List<String> subnets = new ArrayList<>();
        List<Node> items = f.list(e.getValue(), p, "subnet names");
        for (int i = 0; i < items.size(); i++) {
          Optional<String> s = f.string(items.get(i), p + "[" + i + "]", "a subnet name");
          ok &= s.isPresent();
          s.ifPresent(subnets::add);
          if (s.isPresent()) {
            reader.ref("subnet", s.get(), "leaf '" + leaf + "' of host '" + host + "'",
                items.get(i), p + "[" + i + "]");
          }
        }
        ok &= f.attempt(at[0], at[1], p, () -> b.leaf(leaf, subnets)).isPresent();
      }
    }
    if (o.opt("addresses").isPresent()) {
      String ap = o.path("addresses");
      Optional<Node.MapNode> addresses = f.map(o.opt("addresses").get(), ap,
          "a mapping of subnet names to addresses (or 'auto'), such as 'lan: 192.168.1.100'");
      ok &= addresses.isPresent();
      for (Map.Entry<String, Node> e : addresses.map(m -> m.entries().entrySet())
          .orElse(java.util.Set.of())) {
        String subnet = e.getKey();
        String p = Fields.entry(ap, subnet);
        Optional<String> value = f.string(e.getValue(), p,
            "an address such as '192.168.1.100', or 'auto' for IPAM to hand one out");
        if (value.isEmpty()) {
          ok = false;
          continue;
        }
        reader.ref("subnet", subnet, "host '" + host + "'", addresses.get().keys().get(subnet),
            p);
        ok &= f.attempt(e.getValue(), p, () -> value.get().equals(ModelReader.AUTO)
            ? b.address(subnet) : b.address(subnet, value.get())).isPresent();
      }
    }
    hardware.accept(b);
    return ok ? Optional.of(b.build()) : Optional.empty();
  }
}
