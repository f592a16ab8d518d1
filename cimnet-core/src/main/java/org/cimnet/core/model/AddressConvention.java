package org.cimnet.core.model;

import java.util.EnumMap;
import java.util.Map;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;

/**
 * The reserved roles of every subnet, declared once: the network address (first), the broadcast
 * address (last), and the gateway and nameserver at offsets. A negative offset counts from the
 * end, so the seed's {@code .1} gateway is {@code 1} and its {@code .254} nameserver is {@code -2}
 * (in a /24; in a /23 it is {@code .1.254}, still the second-last address).
 */
public record AddressConvention(long gateway, long nameserver) {

  /** The seed's convention: .0 network, .1 gateway, .254 nameserver, .255 broadcast. */
  public static final AddressConvention SEED = new AddressConvention(1, -2);

  public AddressConvention {
    if (gateway == 0 || gateway == -1 || nameserver == 0 || nameserver == -1) {
      throw new IllegalArgumentException("Address convention: gateway offset '" + gateway
          + "' and nameserver offset '" + nameserver + "' must not be the network (0) or the"
          + " broadcast (-1) address");
    }
    if (gateway == nameserver) {
      throw new IllegalArgumentException("Address convention: gateway and nameserver share the"
          + " offset '" + gateway + "'");
    }
  }

  /** The address playing {@code role} in {@code cidr}. */
  public Ipv4Address address(Prefix cidr, Role role) {
    return switch (role) {
      case NETWORK -> cidr.first();
      case BROADCAST -> cidr.last();
      case GATEWAY -> cidr.address(gateway);
      case NAMESERVER -> cidr.address(nameserver);
    };
  }

  /**
   * Every role's address in {@code cidr}, in role order. Small blocks (a /31 or /32) have fewer
   * addresses than roles; the checker reports them, and this returns the roles that fit.
   */
  public Map<Role, Ipv4Address> roles(Prefix cidr) {
    Map<Role, Ipv4Address> roles = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      if (fits(cidr, role)) {
        roles.put(role, address(cidr, role));
      }
    }
    return roles;
  }

  /** Whether {@code role}'s offset lies inside {@code cidr}. */
  public boolean fits(Prefix cidr, Role role) {
    long offset = switch (role) {
      case NETWORK -> 0;
      case BROADCAST -> -1;
      case GATEWAY -> gateway;
      case NAMESERVER -> nameserver;
    };
    long index = offset < 0 ? cidr.size() + offset : offset;
    return index >= 0 && index < cidr.size();
  }

  /** The role {@code address} plays in {@code cidr}, if any. */
  public java.util.Optional<Role> roleOf(Prefix cidr, Ipv4Address address) {
    for (Map.Entry<Role, Ipv4Address> e : roles(cidr).entrySet()) {
      if (e.getValue().equals(address)) {
        return java.util.Optional.of(e.getKey());
      }
    }
    return java.util.Optional.empty();
  }
}
