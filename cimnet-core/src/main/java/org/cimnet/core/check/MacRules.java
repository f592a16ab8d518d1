package org.cimnet.core.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.ipam.Macs;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;

/**
 * MACs: every NIC MAC, container MAC, host internal-port MAC (derived by {@link
 * Macs#hostPort}) and inventory device MAC is valid unicast and unique; every MAC cimnet generated is locally administered.
 */
final class MacRules {
  private MacRules() {}

  private static final String UNICAST = "a port's MAC must be unicast (the lowest bit of the"
      + " first octet 0) and not all zeros";
  private static final String LOCAL = "generated MACs must be locally administered (the"
      + " second-lowest bit of the first octet set), so they never clash with a vendor's";

  /** Who uses a MAC; its path and words are built only when a message needs them. */
  private record User(String kind, String owner, String where) {
    String text() {
      return switch (kind) {
        case "nic" -> "NIC '" + where + "' of host '" + owner + "'";
        case "port" -> "the internal port of host '" + owner + "' in subnet '" + where + "'";
        case "device" -> "device '" + owner + "' of the inventory";
        default -> "container '" + owner + "' in subnet '" + where + "'";
      };
    }

    String self() {
      return switch (kind) {
        case "nic" -> "Host '" + owner + "': NIC '" + where + "'";
        case "port" -> "Host '" + owner + "': the internal port in subnet '" + where + "'";
        case "device" -> "Device '" + owner + "'";
        default -> "Container '" + owner + "': the interface in subnet '" + where + "'";
      };
    }

    String path() {
      return switch (kind) {
        case "nic" -> "hosts[" + owner + "].nics[" + where + "].mac";
        case "port" -> "hosts[" + owner + "].interfaces[" + where + "].mac";
        case "device" -> "devices[" + owner + "].mac";
        default -> "containers[" + owner + "].attachments[" + where + "].mac";
      };
    }
  }

  /**
   * @param declared the network before IPAM, to tell the MACs a person gave from those IPAM
   *     generated
   */
  static void check(Network declared, Facts f, Findings out) {
    int expected = f.containers.size() + f.hosts.size() * 8;
    List<User> users = new ArrayList<>(expected);
    FirstClaim taken = new FirstClaim(expected);
    for (Host h : f.hosts) {
      for (Nic nic : h.nics()) {
        User user = new User("nic", h.name(), nic.name());
        if (nic.mac().isEmpty()) {
          out.warn(ProblemIds.WARN_NIC_NO_MAC, user.path(), user.self() + " has no MAC yet: add it"
              + " from the inventory (parts.yaml) or let discovery fill it in");
          continue;
        }
        mac(taken, users, user, nic.mac().get(), false, out);
      }
      Set<String> own = new HashSet<>();
      for (HostAddress a : h.addresses()) {
        if (a.address().isPresent()) {
          own.add(a.subnet());
        }
      }
      // The plan gives the host an internal port, with this MAC, in every subnet where it holds
      // an address: its own, the gateway or the nameserver (and the public one, on a router).
      for (String s : f.carried.get(h.name())) {
        if (h.routes(s) || h.serves(s) || own.contains(s)) {
          mac(taken, users, new User("port", h.name(), s), Macs.hostPort(h.name(), s), true,
              out);
        }
      }
    }
    for (Container c : f.containers) {
      Optional<Container> before = declared.container(c.name());
      for (Attachment a : c.attachments()) {
        if (a.mac().isEmpty()) {
          continue;
        }
        boolean generated = before.flatMap(b -> b.attachment(a.subnet()))
            .map(b -> b.mac().isEmpty()).orElse(false);
        mac(taken, users, new User("container", c.name(), a.subnet()), a.mac().get(),
            generated, out);
      }
    }
    for (Device d : declared.devices()) {
      mac(taken, users, new User("device", d.name(), ""), d.mac(), false, out);
    }
  }

  private static void mac(FirstClaim taken, List<User> users, User user, MacAddress mac,
      boolean generated, Findings out) {
    if (!mac.isValidUnicast()) {
      out.error(ProblemIds.MAC_NOT_UNICAST, user.path(), user.self() + " has MAC '" + mac
          + "', which is not a valid unicast address: " + UNICAST);
    } else if (generated && !mac.isLocallyAdministered()) {
      out.error(ProblemIds.MAC_GENERATED_NOT_LOCAL, user.path(), user.self()
          + " has the generated MAC '" + mac + "', which is not locally administered: " + LOCAL);
    }
    int first = taken.claim(mac.bits(), users.size());
    users.add(user);
    if (first >= 0) {
      out.error(ProblemIds.MAC_DUPLICATE, user.path(), user.self() + " has MAC '" + mac
          + "', already used by " + users.get(first).text() + ": every MAC must be unique");
    }
  }
}
