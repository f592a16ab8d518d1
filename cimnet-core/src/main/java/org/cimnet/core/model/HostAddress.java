package org.cimnet.core.model;

import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;

/**
 * A host's own address in one of its subnets (the seed's {@code 192.168.1.100}).
 *
 * @param address empty until IPAM hands one out
 */
public record HostAddress(String subnet, Optional<Ipv4Address> address) {
  public HostAddress {
    Names.check("Subnet", subnet);
    Objects.requireNonNull(address, "address == null");
  }
}
