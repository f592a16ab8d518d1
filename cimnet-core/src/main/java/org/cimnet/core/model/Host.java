package org.cimnet.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;

/**
 * A physical machine: its NICs (MACs from the inventory), the leaves it hosts, its own addresses,
 * and its placement: which subnets it routes (holds the gateway address of) and which it serves
 * DNS for (holds the nameserver address of).
 *
 * @param router whether the host routes at all
 * @param nameserver whether the host serves DNS at all
 * @param routed the subnets it routes when it names them; empty with {@code router}: every
 *     subnet its leaves carry
 * @param served the subnets it serves DNS for when it names them; empty with {@code
 *     nameserver}: every subnet its leaves carry
 */
public record Host(String name, List<Nic> nics, List<Leaf> leaves, List<HostAddress> addresses,
    boolean router, boolean nameserver, List<String> routed, List<String> served) {

  public Host {
    Names.check("Host", name);
    String self = Messages.quote("Host", name);
    nics = List.copyOf(nics);
    leaves = List.copyOf(leaves);
    addresses = List.copyOf(addresses);
    routed = List.copyOf(routed);
    served = List.copyOf(served);
    Set<String> seen = new HashSet<>();
    nics.forEach(n -> once(seen, n.name(), () -> self + ": NIC '" + n.name()
        + "' is declared twice"));
    seen.clear();
    leaves.forEach(l -> once(seen, l.name(), () -> self + ": leaf '" + l.name()
        + "' is declared twice"));
    seen.clear();
    addresses.forEach(a -> once(seen, a.subnet(), () -> twoAddresses(self, a.subnet())));
    placed(self, "router", routed);
    placed(self, "nameserver", served);
    if (!routed.isEmpty() && !router || !served.isEmpty() && !nameserver) {
      throw new IllegalArgumentException(self
          + ": names subnets to route or serve but is not marked router or nameserver");
    }
  }

  private static void once(Set<String> seen, String key, Supplier<String> twice) {
    if (!seen.add(key)) {
      throw new IllegalArgumentException(twice.get());
    }
  }

  private static String twoAddresses(String self, String subnet) {
    return self + ": has two addresses in subnet '" + subnet + "': give it one";
  }

  /** The subnets a host names for {@code role}: each a subnet name, each once. */
  private static void placed(String self, String role, List<String> subnets) {
    Set<String> seen = new HashSet<>();
    for (String s : subnets) {
      Messages.in(self + ": " + role, () -> Names.check("Subnet", s));
      once(seen, s, () -> self + ": " + role + " names subnet '" + s + "' twice");
    }
  }

  /** A host that routes and serves every subnet it carries, or none. */
  public Host(String name, List<Nic> nics, List<Leaf> leaves, List<HostAddress> addresses,
      boolean router, boolean nameserver) {
    this(name, nics, leaves, addresses, router, nameserver, List.of(), List.of());
  }

  /** The same host with other addresses (IPAM, replay). */
  public Host withAddresses(List<HostAddress> addresses) {
    return new Host(name, nics, leaves, addresses, router, nameserver, routed, served);
  }

  /** The same host with other NICs (discovery, replay). */
  public Host withNics(List<Nic> nics) {
    return new Host(name, nics, leaves, addresses, router, nameserver, routed, served);
  }

  /** Whether the host holds {@code subnet}'s gateway address: it routes it and carries it. */
  public boolean routes(String subnet) {
    return router && (routed.isEmpty() || routed.contains(subnet)) && carries(subnet);
  }

  /** Whether the host holds {@code subnet}'s nameserver address: it serves it and carries it. */
  public boolean serves(String subnet) {
    return nameserver && (served.isEmpty() || served.contains(subnet)) && carries(subnet);
  }

  /** The carried subnets whose gateway the host holds, in leaf order. */
  public List<String> routedSubnets() {
    return placedSubnets(router, routed);
  }

  /** The carried subnets whose nameserver address the host holds, in leaf order. */
  public List<String> servedSubnets() {
    return placedSubnets(nameserver, served);
  }

  /**
   * The carried subnets a role covers: all of them when the role names none, else those it
   * names. One pass over the leaves: a host may carry thousands of subnets.
   */
  private List<String> placedSubnets(boolean role, List<String> named) {
    if (!role) {
      return List.of();
    }
    List<String> carried = carriedSubnets();
    if (named.isEmpty()) {
      return carried;
    }
    Set<String> chosen = new HashSet<>(named);
    return carried.stream().filter(chosen::contains).toList();
  }

  private boolean carries(String subnet) {
    for (Leaf l : leaves) {
      if (l.subnets().contains(subnet)) {
        return true;
      }
    }
    return false;
  }

  public Optional<Nic> nic(String nicName) {
    return nics.stream().filter(n -> n.name().equals(nicName)).findFirst();
  }

  /** Every subnet the host's leaves carry, in leaf order, each once. */
  public List<String> carriedSubnets() {
    return leaves.stream().flatMap(l -> l.subnets().stream()).distinct().toList();
  }

  /** The leaf carrying {@code subnet}, if any. */
  public Optional<Leaf> leafOf(String subnet) {
    return leaves.stream().filter(l -> l.subnets().contains(subnet)).findFirst();
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public Builder toBuilder() {
    Builder b = new Builder(name);
    nics.forEach(n -> b.nics.put(n.name(), n));
    leaves.forEach(l -> b.leaves.put(l.name(), l));
    addresses.forEach(a -> b.addresses.put(a.subnet(), a));
    b.router = router;
    b.nameserver = nameserver;
    b.routed.addAll(routed);
    b.served.addAll(served);
    return b;
  }

  /** Builds a {@link Host}; every method checks its arguments at once. */
  public static final class Builder {
    private final String name;
    private final Map<String, Nic> nics = new LinkedHashMap<>();
    private final Map<String, Leaf> leaves = new LinkedHashMap<>();
    private final Map<String, HostAddress> addresses = new LinkedHashMap<>();
    private boolean router;
    private boolean nameserver;
    private final List<String> routed = new ArrayList<>();
    private final List<String> served = new ArrayList<>();

    private Builder(String name) {
      this.name = Names.check("Host", name);
    }

    private String self() {
      return Messages.quote("Host", name);
    }

    /** A NIC with its MAC as text, such as {@code nic("eth0", "52:54:00:12:34:56")}. */
    public Builder nic(String nicName, String mac) {
      Messages.given(nicName, self(), "NIC name");
      Messages.given(mac, self() + ": NIC '" + nicName + "'", "mac");
      MacAddress parsed = Messages.in(self() + ": NIC '" + nicName + "'",
          () -> MacAddress.parse(mac));
      return nic(nicName, Optional.of(parsed));
    }

    /** A NIC whose MAC is not known yet (it can be discovered later). */
    public Builder nic(String nicName) {
      return nic(nicName, Optional.empty());
    }

    public Builder nic(String nicName, Optional<MacAddress> mac) {
      Nic nic = Messages.in(self(), () -> new Nic(nicName, mac));
      if (nics.putIfAbsent(nicName, nic) != null) {
        throw new IllegalArgumentException(self() + ": NIC '" + nicName + "' is declared twice");
      }
      return this;
    }

    /**
     * The interface name the machine gives NIC {@code nicName} (declared before), such as
     * {@code ifname("eth0", "enp3s0f0")}, instead of the derived {@code nic_eth0} (see {@link
     * org.cimnet.core.plan.Ifnames#nic}); the model, its links and messages keep the NIC's own
     * name. The checker refuses a name Linux does not take and warns of one in the kernel's own
     * space ({@code eth0}, {@code wlan1}, ...), which races with the kernel's naming at boot.
     */
    public Builder ifname(String nicName, String ifname) {
      Messages.given(nicName, self(), "NIC name");
      Messages.given(ifname, self() + ": NIC '" + nicName + "'", "ifname");
      Nic nic = nics.get(nicName);
      if (nic == null) {
        throw new IllegalArgumentException(self() + ": NIC '" + nicName + "' is not declared:"
            + " declare it with nic(...) before naming its interface");
      }
      nics.put(nicName, new Nic(nicName, nic.mac(), Optional.of(ifname)));
      return this;
    }

    /** Adds {@code nic} as it is (an interface name included). */
    public Builder nic(Nic nic) {
      Objects.requireNonNull(nic, "nic == null");
      if (nics.putIfAbsent(nic.name(), nic) != null) {
        throw new IllegalArgumentException(self() + ": NIC '" + nic.name()
            + "' is declared twice");
      }
      return this;
    }

    /** A leaf (an Open vSwitch bridge) on this host carrying the named subnets. */
    public Builder leaf(String leafName, String... subnets) {
      return leaf(leafName, Arrays.asList(Messages.givenAll(subnets, self() + ": leaf '"
          + leafName + "'", "subnets")));
    }

    public Builder leaf(String leafName, List<String> subnets) {
      Messages.given(leafName, self(), "leaf name");
      Messages.givenAll(Messages.given(subnets, self() + ": leaf '" + leafName + "'", "subnets")
          .toArray(), self() + ": leaf '" + leafName + "'", "subnets");
      Messages.in(self(), () -> Names.check("Leaf", leafName));
      for (String s : subnets) {
        Messages.in(self() + ": leaf '" + leafName + "'", () -> Names.check("Subnet", s));
      }
      Leaf leaf = new Leaf(leafName, subnets);
      if (leaves.putIfAbsent(leafName, leaf) != null) {
        throw new IllegalArgumentException(self() + ": leaf '" + leafName + "' is declared twice");
      }
      return this;
    }

    /** The host's own address in {@code subnet}, such as {@code address("lan", "192.168.1.100")}. */
    public Builder address(String subnet, String address) {
      Messages.given(subnet, self(), "address subnet");
      Messages.given(address, self() + ": address in subnet '" + subnet + "'", "address");
      Ipv4Address parsed = Messages.in(self() + ": address in subnet '" + subnet + "'",
          () -> Ipv4Address.parse(address));
      return address(subnet, Optional.of(parsed));
    }

    /** An address in {@code subnet} that IPAM hands out. */
    public Builder address(String subnet) {
      return address(subnet, Optional.empty());
    }

    public Builder address(String subnet, Optional<Ipv4Address> address) {
      Messages.in(self(), () -> Names.check("Subnet", subnet));
      if (addresses.putIfAbsent(subnet, new HostAddress(subnet, address)) != null) {
        throw new IllegalArgumentException(twoAddresses(self(), subnet));
      }
      return this;
    }

    /** The host routes: it holds the gateway address of every subnet its leaves carry. */
    public Builder router() {
      return placeAll("router", router, routed, () -> router = true);
    }

    /**
     * The host routes the named subnets only: it holds their gateway addresses, and other hosts
     * may route the other subnets it carries, such as {@code router("lan", "dmz")}.
     */
    public Builder router(String... subnets) {
      return place("router", subnets, routed, () -> router = true);
    }

    /** The host serves DNS on the nameserver address of every subnet its leaves carry. */
    public Builder nameserver() {
      return placeAll("nameserver", nameserver, served, () -> nameserver = true);
    }

    /**
     * The host serves DNS for the named subnets only (it holds their nameserver addresses), such
     * as {@code nameserver("lan")}.
     */
    public Builder nameserver(String... subnets) {
      return place("nameserver", subnets, served, () -> nameserver = true);
    }

    private Builder placeAll(String role, boolean marked, List<String> named, Runnable mark) {
      if (!named.isEmpty()) {
        throw new IllegalArgumentException(self() + ": " + role + "() takes every subnet it"
            + " carries, but " + role + "(" + quoted(named) + ") already names some: use one");
      }
      mark.run();
      return this;
    }

    private Builder place(String role, String[] subnets, List<String> named, Runnable mark) {
      Objects.requireNonNull(subnets, "subnets == null");
      if (subnets.length == 0) {
        throw new IllegalArgumentException(self() + ": " + role + "() with no subnet: name at"
            + " least one, or call " + role + "() for every subnet it carries");
      }
      boolean all = role.equals("router") ? router && routed.isEmpty()
          : nameserver && served.isEmpty();
      if (all) {
        throw new IllegalArgumentException(self() + ": " + role + "() already takes every"
            + " subnet it carries: drop " + role + "() or the named subnets");
      }
      for (String s : subnets) {
        Messages.in(self() + ": " + role, () -> Names.check("Subnet", s));
        if (named.contains(s)) {
          throw new IllegalArgumentException(self() + ": " + role + " names subnet '" + s
              + "' twice");
        }
        named.add(s);
      }
      mark.run();
      return this;
    }

    private static String quoted(List<String> names) {
      return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    public Host build() {
      return new Host(name, new ArrayList<>(nics.values()), new ArrayList<>(leaves.values()),
          new ArrayList<>(addresses.values()), router, nameserver, routed, served);
    }
  }
}
