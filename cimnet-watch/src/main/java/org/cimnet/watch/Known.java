package org.cimnet.watch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.ipam.Macs;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Watch;
import org.cimnet.core.event.Sighting;

/**
 * What the model knows about MACs: which subnet each VLAN is, and which MAC is admitted on which
 * subnet, as what ({@code device:NAME}, {@code container:NAME}, {@code host:NAME}). A MAC is
 * admitted only on its own subnet's VLAN: an inventory device seen on another VLAN is unknown
 * there. Host NICs are known on every VLAN.
 */
public final class Known {
  private final Map<Integer, String> subnetOfVlan = new HashMap<>();
  private final Map<String, Integer> vlanOfSubnet = new HashMap<>();
  /** MAC to (subnet to owner). */
  private final Map<MacAddress, Map<String, String>> owners = new HashMap<>();
  private final Map<MacAddress, String> nics = new HashMap<>();
  private final Optional<Watch> watch;

  private Known(Network network) {
    this.watch = network.watch();
    for (Subnet s : network.subnets()) {
      s.vlan().ifPresent(v -> {
        subnetOfVlan.put(v, s.name());
        vlanOfSubnet.put(s.name(), v);
      });
    }
    for (Device d : network.devices()) {
      admit(d.mac(), d.subnet(), "device:" + d.name());
    }
    for (Container c : network.containers()) {
      for (Attachment a : c.attachments()) {
        a.mac().ifPresent(m -> admit(m, a.subnet(), "container:" + c.name()));
      }
    }
    for (Host h : network.hosts()) {
      for (String s : h.carriedSubnets()) {
        admit(Macs.hostPort(h.name(), s), s, "host:" + h.name());
      }
      for (Nic n : h.nics()) {
        n.mac().ifPresent(m -> nics.put(m, "host:" + h.name() + "." + n.name()));
      }
    }
  }

  /** What {@code network} (numbered: every MAC and VLAN concrete) knows. */
  public static Known of(Network network) {
    return new Known(network);
  }

  private void admit(MacAddress mac, String subnet, String owner) {
    owners.computeIfAbsent(mac, k -> new HashMap<>(2)).putIfAbsent(subnet, owner);
  }

  public Optional<String> subnet(int vlan) {
    return Optional.ofNullable(subnetOfVlan.get(vlan));
  }

  public Optional<Integer> vlan(String subnet) {
    return Optional.ofNullable(vlanOfSubnet.get(subnet));
  }

  /**
   * What {@code mac} is on {@code vlan}'s subnet; empty when it is not admitted there. VLAN 0
   * (an LLDP neighbour, heard untagged) knows every MAC of the model.
   */
  public Optional<String> owner(MacAddress mac, int vlan) {
    String nic = nics.get(mac);
    if (nic != null) {
      return Optional.of(nic);
    }
    Map<String, String> bySubnet = owners.get(mac);
    if (vlan == 0 && bySubnet != null) {
      return bySubnet.values().stream().sorted().findFirst();
    }
    String subnet = subnetOfVlan.get(vlan);
    return bySubnet == null || subnet == null ? Optional.empty()
        : Optional.ofNullable(bySubnet.get(subnet));
  }

  /** Whether the model knows {@code mac} at all, on any subnet. */
  public boolean knows(MacAddress mac) {
    return nics.containsKey(mac) || owners.containsKey(mac);
  }

  /** The subnets {@code mac} is admitted on. */
  public List<String> subnetsOf(MacAddress mac) {
    return owners.getOrDefault(mac, Map.of()).keySet().stream().sorted().toList();
  }

  /** The enforcement of {@code vlan}'s subnet (alert for a VLAN the model does not have). */
  public Watch.Enforcement enforcement(int vlan) {
    return watch.flatMap(w -> subnet(vlan).map(w::enforcement))
        .orElse(Watch.Enforcement.ALERT);
  }

  /** A sighting with what the model knows of it filled in. */
  public Sighting sighting(String host, MacAddress mac, String bridge, String port, int vlan,
      Optional<Ipv4Address> address) {
    return new Sighting(host, mac, bridge, port, vlan, address, owner(mac, vlan), subnet(vlan));
  }
}
