package org.cimnet.core.ipam;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Problem;

/**
 * Hands out what a person left open: VLAN ids, host and container addresses, container MACs.
 *
 * <p>Deterministic and sticky. Every element's first choice is a hash of its own name, so it does
 * not depend on what else is declared; a taken choice moves to the next free one. Given the
 * previous assignment (the last run, or the event log's), everything still present keeps its
 * number, so adding or removing one container never renumbers another. Fixed numbers are never
 * moved; conflicts among them are left for the checker to report. A reserved role (network,
 * gateway, nameserver, broadcast) is never handed out.
 */
public final class Ipam {
  /** The first VLAN id tried for the subnet declared at position i (from 0) is 100 + i. */
  public static final int VLAN_BASE = 100;
  /** The id of the problem "a subnet has no free address left"; listed in {@code ProblemIds}. */
  public static final String SUBNET_FULL = "ipam.subnet-full";
  /** The id of the problem "no VLAN id is left to hand out"; listed in {@code ProblemIds}. */
  public static final String VLANS_EXHAUSTED = "ipam.vlans-exhausted";

  private Ipam() {}

  /** The network with every number concrete, and the problems (such as a full subnet). */
  public record Result(Network network, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  /** The zone whose first carried subnet gives an address to a host that would have none. */
  public static final String MANAGEMENT_ZONE = "management";

  /**
   * A host that routes nothing and declares no address would be reachable only from a console:
   * it gets an address in the first subnet of the management zone that it carries (subnet
   * declaration order). One that carries none keeps no address, and the checker says so.
   */
  static Host withManagementAddress(Network network, Host h) {
    if (h.router() || !h.addresses().isEmpty()) {
      return h;
    }
    List<String> carried = h.carriedSubnets();
    return network.subnets().stream()
        .filter(s -> !s.reserved() && s.zone().equals(MANAGEMENT_ZONE)
            && carried.contains(s.name()))
        .findFirst()
        .map(s -> h.withAddresses(List.of(new HostAddress(s.name(), Optional.empty()))))
        .orElse(h);
  }

  /** Assigns without history: first choices by hash. */
  public static Result assign(Network declared) {
    return assign(declared, Optional.empty());
  }

  /** Assigns, keeping every number {@code previous} gave to an element that is still present. */
  public static Result assign(Network declared, Optional<Network> previous) {
    List<Problem> problems = new ArrayList<>();
    Network.Builder out = declared.toBuilder();
    assignVlans(declared, previous, out, problems);

    Map<String, Pool> pools = new HashMap<>();
    List<Subnet> subnets = declared.subnets();
    for (Subnet s : subnets) {
      pools.put(s.name(), new Pool(s, declared));
    }
    List<Host> hosts = declared.hosts().stream().map(h -> withManagementAddress(declared, h))
        .toList();
    List<Container> containers = declared.containers();
    // 1. Fixed addresses hold their place first.
    for (Host h : hosts) {
      for (HostAddress a : h.addresses()) {
        a.address().ifPresent(ip -> reserve(pools, a.subnet(), ip));
      }
    }
    for (Container c : containers) {
      for (Attachment a : c.attachments()) {
        a.address().ifPresent(ip -> reserve(pools, a.subnet(), ip));
      }
    }
    // 2. Then what the previous run handed out, where still valid.
    Map<String, Ipv4Address> kept = new HashMap<>();
    previous.ifPresent(prev -> keepPrevious(prev, declared, pools, kept));
    // 3. Then new choices.
    for (Host h : hosts) {
      List<HostAddress> addresses = new ArrayList<>();
      boolean changed = false;
      for (HostAddress a : h.addresses()) {
        if (a.address().isPresent() || !pools.containsKey(a.subnet())) {
          addresses.add(a);
          continue;
        }
        String key = "host/" + h.name() + "/" + a.subnet();
        Optional<Ipv4Address> ip = Optional.ofNullable(kept.get(key))
            .or(() -> pools.get(a.subnet()).take(key, "host '" + h.name() + "'", problems));
        addresses.add(new HostAddress(a.subnet(), ip));
        changed |= ip.isPresent();
      }
      if (changed || h != declared.host(h.name()).orElse(h)) {
        Host rebuilt = h.withAddresses(addresses);
        out.replaceHost(rebuilt);
      }
    }
    Set<MacAddress> macs = takenMacs(declared, hosts, containers);
    Map<String, MacAddress> keptMacs = new HashMap<>();
    previous.ifPresent(prev -> keepPreviousMacs(prev, declared, macs, keptMacs));
    for (Container c : containers) {
      List<Attachment> attachments = new ArrayList<>(c.attachments().size());
      boolean changed = false;
      for (Attachment a : c.attachments()) {
        Attachment next = a;
        String key = Macs.containerKey(c.name(), a.subnet());
        if (a.address().isEmpty() && pools.containsKey(a.subnet())) {
          Optional<Ipv4Address> ip = Optional.ofNullable(kept.get(key))
              .or(() -> pools.get(a.subnet()).take(key, "container '" + c.name() + "'",
                  problems));
          if (ip.isPresent()) {
            next = next.withAddress(ip.get());
          }
        }
        if (a.mac().isEmpty()) {
          MacAddress mac = keptMacs.get(key);
          if (mac == null) {
            for (int attempt = 0; ; attempt++) {
              mac = Macs.derive(key, attempt);
              if (macs.add(mac)) {
                break;
              }
            }
          }
          next = next.withMac(mac);
        }
        changed |= next != a;
        attachments.add(next);
      }
      if (changed) {
        out.replaceContainer(c.withAttachments(attachments));
      }
    }
    return new Result(out.build(), problems);
  }

  private static void reserve(Map<String, Pool> pools, String subnet, Ipv4Address ip) {
    Pool pool = pools.get(subnet);
    if (pool != null) {
      pool.reserve(ip);
    }
  }

  private static void keepPrevious(Network prev, Network declared, Map<String, Pool> pools,
      Map<String, Ipv4Address> kept) {
    for (Host h : prev.hosts()) {
      Optional<Host> now = declared.host(h.name());
      for (HostAddress a : h.addresses()) {
        boolean stillOpen = now.flatMap(n -> n.addresses().stream()
            .filter(x -> x.subnet().equals(a.subnet())).findFirst())
            .map(x -> x.address().isEmpty()).orElse(false);
        if (stillOpen && a.address().isPresent()) {
          keep(pools, kept, "host/" + h.name() + "/" + a.subnet(), a.subnet(), a.address().get());
        }
      }
    }
    for (Container c : prev.containers()) {
      Optional<Container> now = declared.container(c.name());
      if (now.isEmpty()) {
        continue;
      }
      for (Attachment a : c.attachments()) {
        boolean stillOpen = now.get().attachment(a.subnet())
            .map(x -> x.address().isEmpty()).orElse(false);
        if (stillOpen && a.address().isPresent()) {
          keep(pools, kept, Macs.containerKey(c.name(), a.subnet()), a.subnet(),
              a.address().get());
        }
      }
    }
  }

  private static void keep(Map<String, Pool> pools, Map<String, Ipv4Address> kept, String key,
      String subnet, Ipv4Address ip) {
    Pool pool = pools.get(subnet);
    if (pool != null && pool.isFree(ip)) {
      pool.reserve(ip);
      kept.put(key, ip);
    }
  }

  private static Set<MacAddress> takenMacs(Network declared, List<Host> hosts,
      List<Container> containers) {
    Set<MacAddress> macs = new HashSet<>();
    for (Host h : hosts) {
      h.nics().stream().map(Nic::mac).flatMap(Optional::stream).forEach(macs::add);
      for (String s : h.carriedSubnets()) {
        macs.add(Macs.hostPort(h.name(), s));
      }
    }
    for (Container c : containers) {
      c.attachments().stream().map(Attachment::mac).flatMap(Optional::stream).forEach(macs::add);
    }
    return macs;
  }

  private static void keepPreviousMacs(Network prev, Network declared, Set<MacAddress> macs,
      Map<String, MacAddress> keptMacs) {
    for (Container c : prev.containers()) {
      Optional<Container> now = declared.container(c.name());
      if (now.isEmpty()) {
        continue;
      }
      for (Attachment a : c.attachments()) {
        boolean stillOpen = now.get().attachment(a.subnet()).map(x -> x.mac().isEmpty())
            .orElse(false);
        if (stillOpen && a.mac().isPresent() && macs.add(a.mac().get())) {
          keptMacs.put(Macs.containerKey(c.name(), a.subnet()), a.mac().get());
        }
      }
    }
  }

  private static void assignVlans(Network declared, Optional<Network> previous,
      Network.Builder out, List<Problem> problems) {
    List<Subnet> subnets = declared.subnets();
    BitSet taken = new BitSet(4095);
    subnets.forEach(s -> s.vlan().ifPresent(taken::set));
    for (int i = 0; i < subnets.size(); i++) {
      Subnet s = subnets.get(i);
      if (s.vlan().isPresent()) {
        continue;
      }
      Optional<Integer> before = previous.flatMap(p -> p.subnet(s.name()))
          .filter(p -> p.vlan().isPresent()).map(p -> p.vlan().getAsInt())
          .filter(v -> !taken.get(v));
      int preferred = preferredVlan(i);
      int vlan = before.orElseGet(() -> freeVlan(preferred, taken));
      if (vlan < 0) {
        problems.add(new Problem(VLANS_EXHAUSTED, "subnets[" + s.name() + "].vlan",
            "Subnet '" + s.name() + "': no VLAN id is free: all of 2 to 4094 are taken"));
        continue;
      }
      taken.set(vlan);
      out.replaceSubnet(s.withVlan(vlan));
    }
  }

  /**
   * The first id tried for the subnet declared at {@code position} (from 0): {@value #VLAN_BASE}
   * plus its position, so the third subnet declared gets 102 unless that is taken. Declaration
   * order is what a person reading the file counts; a subnet's own {@code vlan} overrides it,
   * and a previous assignment (the event log's) keeps each id when subnets are inserted.
   */
  static int preferredVlan(int position) {
    return (int) Math.min((long) VLAN_BASE + position, 4094);
  }

  private static int freeVlan(int preferred, BitSet taken) {
    for (int i = 0; i < 4093; i++) {
      int vlan = 2 + Math.floorMod(preferred - 2 + i, 4093);
      if (!taken.get(vlan)) {
        return vlan;
      }
    }
    return -1;
  }

  /** The free addresses of one subnet: every address but the reserved roles and those taken. */
  private static final class Pool {
    private final Subnet subnet;
    private final Prefix cidr;
    private final BitSet taken;
    private final long size;
    private long free;
    private final long assignable;
    /** The reserved roles that fit in the subnet, for the message when none is left over. */
    private final List<String> roles = new ArrayList<>();

    Pool(Subnet subnet, Network network) {
      this.subnet = subnet;
      this.cidr = subnet.cidr();
      this.size = cidr.size();
      // Very large blocks are not for hosts; cap the bitmap at a /8.
      this.taken = new BitSet((int) Math.min(size, 1L << 24));
      this.free = Math.min(size, 1L << 24);
      for (Role role : Role.values()) {
        if (network.convention().fits(cidr, role)) {
          reserve(network.convention().address(cidr, role));
          roles.add(role.key());
        }
      }
      this.assignable = free;
    }

    boolean isFree(Ipv4Address ip) {
      return cidr.contains(ip) && cidr.offsetOf(ip) < (1L << 24) && !taken.get(
          (int) cidr.offsetOf(ip));
    }

    void reserve(Ipv4Address ip) {
      if (isFree(ip)) {
        taken.set((int) cidr.offsetOf(ip));
        free--;
      }
    }

    Optional<Ipv4Address> take(String key, String who, List<Problem> problems) {
      if (free <= 0) {
        String why = assignable == 0
            ? "has no address to hand out: its " + size + (size == 1 ? " address is the "
                : " addresses are the ") + String.join(", ", roles) + " address"
                + (roles.size() == 1 ? "" : "es")
            : "is full: all " + assignable + " assignable addresses are taken";
        problems.add(new Problem(SUBNET_FULL, "subnets[" + subnet.name() + "]",
            "Subnet '" + subnet.name() + "' (" + cidr + ") " + why + "; cannot place " + who
                + ": widen the subnet or move it"));
        return Optional.empty();
      }
      long span = Math.min(size, 1L << 24);
      long start = Math.floorMod(Hashing.murmur3_128().hashString(key, StandardCharsets.UTF_8)
          .asLong(), span);
      int offset = taken.nextClearBit((int) start);
      if (offset >= span) {
        offset = taken.nextClearBit(0);
      }
      taken.set(offset);
      free--;
      return Optional.of(cidr.address(offset));
    }
  }
}
