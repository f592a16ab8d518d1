package org.cimnet.core.model;

import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;

/**
 * A container's interface in one subnet.
 *
 * @param address empty until IPAM hands one out
 * @param mac empty until IPAM derives one
 */
public record Attachment(String subnet, Optional<Ipv4Address> address,
    Optional<MacAddress> mac) {
  public Attachment {
    Names.check("Subnet", subnet);
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(mac, "mac == null");
  }

  public Attachment withAddress(Ipv4Address a) {
    return new Attachment(subnet, Optional.of(a), mac);
  }

  public Attachment withMac(MacAddress m) {
    return new Attachment(subnet, address, Optional.of(m));
  }
}
