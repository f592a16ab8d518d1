package org.cimnet.core.plan;

import java.util.List;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.Vlans;

/**
 * A host L3 interface: the internal port of one subnet, with every address the host holds there
 * (its own, the gateway if it routes, the nameserver if it serves DNS, the public address on the
 * subnet the internet is reached through).
 */
public record InterfacePlan(String name, String subnet, String bridge, int vlan, MacAddress mac,
    Prefix cidr, List<InterfaceAddress> addresses) {
  public InterfacePlan {
    Vlans.check("Interface '" + name + "'", vlan);
    addresses = List.copyOf(addresses);
  }

  /** An address with the prefix length of the network it sits in. */
  public record InterfaceAddress(Ipv4Address address, int prefixLength, Purpose purpose) {
    public InterfaceAddress {
      Prefix.checkLength(prefixLength);
    }

    @Override
    public String toString() {
      return address + "/" + prefixLength;
    }
  }

  /** Why the host holds an address. */
  public enum Purpose { OWN, GATEWAY, NAMESERVER, PUBLIC }
}
