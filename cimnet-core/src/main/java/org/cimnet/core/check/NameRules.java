package org.cimnet.core.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.format.Quote;
import org.cimnet.core.ipam.Naming.NameRecord;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Nic;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.Ifnames;
import org.cimnet.core.plan.Plans;
import org.cimnet.core.plan.PortPlan;

/**
 * Names: every DNS name {@link Naming#records} derives fits DNS limits and is unique; every kernel
 * interface name a host's plan uses fits {@value Ifnames#MAX} characters and is unique on the
 * host. (Element names themselves are valid labels by construction: the model refuses others.)
 */
final class NameRules {
  private NameRules() {}

  static void check(Facts f, Findings out) {
    dns(f, out);
    ifnames(f, out);
    // The plan needs every subnet's VLAN; without one IPAM has already reported why.
    if (f.subnets.stream().allMatch(s -> s.vlan().isPresent())) {
      kernelNames(f, out);
    }
  }

  private static String path(NameRecord r) {
    return switch (r.kind()) {
      case CONTAINER -> "containers[" + r.owner() + "].attachments[" + r.subnet() + "]";
      case HOST -> "hosts[" + r.owner() + "].addresses[" + r.subnet() + "]";
      case GATEWAY, NAMESERVER -> "subnets[" + r.subnet() + "]";
    };
  }

  private static String owner(NameRecord r) {
    return switch (r.kind()) {
      case CONTAINER -> "container '" + r.owner() + "' in subnet '" + r.subnet() + "'";
      case HOST -> "host '" + r.owner() + "' in subnet '" + r.subnet() + "'";
      case GATEWAY -> "the gateway of subnet '" + r.subnet() + "' (host '" + r.owner() + "')";
      case NAMESERVER -> "the nameserver of subnet '" + r.subnet() + "' (host '" + r.owner()
          + "')";
    };
  }

  private static void dns(Facts f, Findings out) {
    List<NameRecord> records = f.names();
    Map<String, NameRecord> byName = new HashMap<>(records.size() * 2);
    for (NameRecord r : records) {
      String fqdn = r.fqdn();
      // Only the whole name can be too long: each of its labels is an element name or a label
      // of the domain, and the model refuses both past 63 characters (Names, Network.domain).
      if (fqdn.length() > 253) {
        out.error(ProblemIds.NAME_FQDN_LENGTH, path(r), "Name '" + fqdn + "' of " + owner(r)
            + " is " + fqdn.length() + " characters: DNS names are at most 253; shorten the"
            + " domain, the subnet's name or the element's name");
      }
      NameRecord first = byName.putIfAbsent(fqdn, r);
      // Two routers (or nameservers) on one subnet make two equal records; subnet.routers and
      // subnet.nameservers report that once, in their own words.
      if (first != null && !(first.kind() == r.kind()
          && (r.kind() == Naming.Owner.GATEWAY || r.kind() == Naming.Owner.NAMESERVER))) {
        out.error(ProblemIds.NAME_DUPLICATE, path(r), "Name '" + fqdn + "' of " + owner(r)
            + " is already the name of " + owner(first) + ": every DNS name must be unique;"
            + " rename one of them");
      }
    }
  }

  /**
   * Who uses a kernel interface name on {@code host}: a NIC, the uplink bridge, a leaf's bridge,
   * the internal port of a subnet or a container's port in a subnet. Its words and path are built
   * only when a message needs them.
   */
  private record User(String host, String kind, String name, String subnet) {
    String text() {
      return switch (kind) {
        case "nic" -> "NIC '" + name + "'";
        case "uplink" -> "the uplink bridge";
        case "leaf" -> "the bridge of leaf '" + name + "'";
        case "port" -> "the internal port of subnet '" + subnet + "'";
        default -> "the port of container '" + name + "' in subnet '" + subnet + "'";
      };
    }

    String path() {
      return switch (kind) {
        case "nic" -> "hosts[" + host + "].nics[" + name + "]";
        case "uplink" -> "hosts[" + host + "]";
        case "leaf" -> "hosts[" + host + "].leaves[" + name + "]";
        case "port" -> "hosts[" + host + "].interfaces[" + subnet + "]";
        default -> "containers[" + name + "].attachments[" + subnet + "]";
      };
    }
  }

  /**
   * Walks each host's plan as {@link HostPlan#kernelNames()} does (NICs, bridges, internal and
   * container ports), keeping who uses each name so a message can say which two clash.
   */
  private static void kernelNames(Facts f, Findings out) {
    if (!f.plannable) {
      return; // host.ports says why
    }
    f.plans = Plans.of(f.network);
    for (HostPlan plan : f.plans.values()) {
      String host = plan.host();
      Map<String, String> subnetOfPort = new HashMap<>();
      for (ContainerPlan c : plan.containers()) {
        c.nics().forEach(n -> subnetOfPort.put(n.port(), n.subnet()));
      }
      Map<String, User> users = new HashMap<>(4 * (plan.nics().size() + subnetOfPort.size()));
      for (HostPlan.NicPlan nic : plan.nics()) {
        name(nic.ifname(), new User(host, "nic", nic.name(), ""), users, out);
      }
      for (BridgePlan b : plan.bridges()) {
        // A leaf named like the uplink bridge is leaf.reserved-name's to report, once.
        if (!b.leaf().equals(Plans.UPLINK_BRIDGE)) {
          name(b.name(), b.isUplink() ? new User(host, "uplink", "", "")
              : new User(host, "leaf", b.leaf(), ""), users, out);
        }
        for (PortPlan p : b.ports()) {
          if (p.kind() == PortPlan.Kind.INTERNAL) {
            name(p.name(), new User(host, "port", "", p.owner()), users, out);
          } else if (p.kind() == PortPlan.Kind.CONTAINER) {
            name(p.name(), new User(host, "container", p.owner(), subnetOfPort.get(p.name())),
                users, out);
          }
        }
      }
    }
  }

  /**
   * The interface names users state for NICs: names Linux takes, and (a warning) none the
   * kernel gives devices itself.
   */
  private static void ifnames(Facts f, Findings out) {
    for (Host h : f.hosts) {
      for (Nic nic : h.nics()) {
        if (nic.ifname().isEmpty()) {
          continue;
        }
        String ifname = nic.ifname().get();
        String path = "hosts[" + h.name() + "].nics[" + nic.name() + "].ifname";
        String self = "Host '" + h.name() + "': NIC '" + nic.name() + "': ifname "
            + Quote.value(ifname);
        if (!Ifnames.isValid(ifname)) {
          out.error(ProblemIds.IFNAME_INVALID, path, self + " is not an interface name Linux"
              + " takes: use " + Ifnames.ALLOWED);
        } else if (Ifnames.inKernelSpace(ifname)) {
          out.warn(ProblemIds.WARN_IFNAME_KERNEL_SPACE, path, self + " is a name the kernel"
              + " gives devices itself, so renaming the card to it races with the kernel"
              + " naming another card so at boot (systemd warns): leave ifname out for the"
              + " derived '" + Ifnames.nic(new Nic(nic.name(), nic.mac())) + "', or choose a"
              + " name outside eth<N>, wlan<N>, wwan<N>, usb<N> and ib<N>");
        }
      }
    }
  }

  private static void name(String name, User user, Map<String, User> users, Findings out) {
    // A NIC's stated name too long is ifname.invalid's; a derived one always fits.
    if (name.length() > Ifnames.MAX && !user.kind().equals("nic")) {
      out.error(ProblemIds.IFNAME_TOO_LONG, user.path(), "Host '" + user.host()
          + "': interface name '" + name + "' of " + user.text() + " is " + name.length()
          + " characters: kernel interface names are at most " + Ifnames.MAX
          + "; choose a shorter name");
    }
    User first = users.putIfAbsent(name, user);
    // The same subnet on two leaves plans its internal port twice; leaf.subnet-twice says so.
    if (first != null && !first.equals(user)) {
      out.error(ProblemIds.IFNAME_DUPLICATE, user.path(), "Host '" + user.host()
          + "': interface name '" + name + "' of " + user.text() + " is already the name of "
          + first.text() + ": kernel interface names must be unique on a host; rename one of them");
    }
  }
}
