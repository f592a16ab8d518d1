package org.cimnet.core.model;

import java.util.Objects;
import java.util.OptionalInt;
import org.cimnet.core.addr.Prefix;

/**
 * A named segment: a CIDR block, a VLAN id and a zone.
 *
 * @param vlan empty until IPAM hands one out
 * @param zone the trust class that rules and assertions may name, such as {@code private}
 * @param reserved declared and numbered but not yet carried by any leaf (the seed's ilo)
 */
public record Subnet(String name, Prefix cidr, OptionalInt vlan, String zone, boolean reserved) {
  public Subnet {
    Names.check("Subnet", name);
    Objects.requireNonNull(cidr, "cidr == null");
    Objects.requireNonNull(vlan, "vlan == null");
    vlan.ifPresent(id -> Vlans.check(Messages.quote("Subnet", name), id));
    Messages.in(Messages.quote("Subnet", name), () -> Names.check("Zone", zone));
  }

  public Subnet withVlan(int id) {
    return new Subnet(name, cidr, OptionalInt.of(id), zone, reserved);
  }

  /** A subnet builder; {@code cidr} is text such as {@code "192.168.4.0/24"}. */
  public static Builder builder(String name, String cidr) {
    return new Builder(name, cidr);
  }

  /** Builds a {@link Subnet}; every setter checks its argument at once. */
  public static final class Builder {
    private final String name;
    private final Prefix cidr;
    private OptionalInt vlan = OptionalInt.empty();
    private String zone = "private";
    private boolean reserved;

    private Builder(String name, String cidr) {
      this.name = Names.check("Subnet", name);
      Objects.requireNonNull(cidr, "cidr == null");
      try {
        this.cidr = Prefix.parse(cidr);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Subnet '" + name + "': cidr " + e.getMessage(), e);
      }
    }

    /** The 802.1Q VLAN id, 1 to 4094; without one IPAM hands one out. */
    public Builder vlan(int id) {
      this.vlan = OptionalInt.of(Vlans.check(Messages.quote("Subnet", name), id));
      return this;
    }

    /** The zone, such as {@code private}, {@code dmz} or {@code management}. */
    public Builder zone(String zone) {
      try {
        this.zone = Names.check("Zone", zone);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Subnet '" + name + "': " + e.getMessage(), e);
      }
      return this;
    }

    /** Declared and numbered, but carried by no leaf yet. */
    public Builder reserved() {
      this.reserved = true;
      return this;
    }

    public Subnet build() {
      return new Subnet(name, cidr, vlan, zone, reserved);
    }
  }
}
