package org.cimnet.core.ipam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Role;
import org.cimnet.core.model.Subnet;

/**
 * Derives every DNS name from the model: {@code <name>.<subnet>.<domain>} for containers and
 * host addresses, {@code gw.<subnet>.<domain>} and {@code ns.<subnet>.<domain>} for the reserved
 * roles a router or nameserver holds.
 */
public final class Naming {
  /** The first label of a subnet's gateway name. */
  public static final String GATEWAY_LABEL = "gw";
  /** The first label of a subnet's nameserver name. */
  public static final String NAMESERVER_LABEL = "ns";

  private Naming() {}

  /** What holds a named address. */
  public enum Owner { GATEWAY, NAMESERVER, HOST, CONTAINER }

  /**
   * One name and its address.
   *
   * @param owner the element's name: the host for HOST, GATEWAY and NAMESERVER, the container
   *     for CONTAINER
   */
  public record NameRecord(String fqdn, Ipv4Address address, String subnet, Owner kind,
      String owner) {}

  /** The zone of a subnet: {@code <subnet>.<domain>}. */
  public static String subnetZone(Network network, String subnet) {
    return subnet + "." + network.domain();
  }

  public static String fqdn(Network network, String label, String subnet) {
    return label + "." + subnetZone(network, subnet);
  }

  /**
   * Every name the model implies, in a fixed order: per subnet (declaration order) the gateway,
   * the nameserver, host addresses (host order), then container addresses (container order).
   * Addresses not yet assigned are left out.
   */
  public static List<NameRecord> records(Network network) {
    Map<String, List<NameRecord>> bySubnet = new LinkedHashMap<>();
    network.subnets().forEach(s -> bySubnet.put(s.name(), new ArrayList<>()));
    for (Host host : network.hosts()) {
      for (String carried : host.carriedSubnets()) {
        Subnet subnet = network.subnet(carried).orElse(null);
        if (subnet == null || subnet.reserved()) {
          continue;
        }
        Map<Role, Ipv4Address> roles = network.convention().roles(subnet.cidr());
        if (host.routes(carried) && roles.containsKey(Role.GATEWAY)) {
          bySubnet.get(carried).add(new NameRecord(fqdn(network, GATEWAY_LABEL, carried),
              roles.get(Role.GATEWAY), carried, Owner.GATEWAY, host.name()));
        }
        if (host.serves(carried) && roles.containsKey(Role.NAMESERVER)) {
          bySubnet.get(carried).add(new NameRecord(fqdn(network, NAMESERVER_LABEL, carried),
              roles.get(Role.NAMESERVER), carried, Owner.NAMESERVER, host.name()));
        }
      }
    }
    for (Host host : network.hosts()) {
      for (HostAddress a : host.addresses()) {
        List<NameRecord> list = bySubnet.get(a.subnet());
        if (list != null && a.address().isPresent()) {
          list.add(new NameRecord(fqdn(network, host.name(), a.subnet()), a.address().get(),
              a.subnet(), Owner.HOST, host.name()));
        }
      }
    }
    for (Container c : network.containers()) {
      for (Attachment a : c.attachments()) {
        List<NameRecord> list = bySubnet.get(a.subnet());
        if (list != null && a.address().isPresent()) {
          list.add(new NameRecord(fqdn(network, c.name(), a.subnet()), a.address().get(),
              a.subnet(), Owner.CONTAINER, c.name()));
        }
      }
    }
    List<NameRecord> records = new ArrayList<>();
    bySubnet.values().forEach(records::addAll);
    return records;
  }
}
