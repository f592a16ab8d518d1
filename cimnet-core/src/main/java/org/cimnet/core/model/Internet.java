package org.cimnet.core.model;

import java.util.Objects;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;

/**
 * The way out: the one public address, the network it sits in and the upstream gateway, reached
 * through one subnet ({@code via}; the seed's lan). The router that routes {@code via} holds the
 * public address and translates (NAT) what leaves through it.
 */
public record Internet(Ipv4Address publicAddress, Prefix publicNetwork, Ipv4Address gateway,
    String via) {
  public Internet {
    Objects.requireNonNull(publicAddress, "publicAddress == null");
    Objects.requireNonNull(publicNetwork, "publicNetwork == null");
    Objects.requireNonNull(gateway, "gateway == null");
    Messages.in("Internet: via", () -> Names.check("Subnet", via));
    if (!publicNetwork.contains(publicAddress)) {
      throw new IllegalArgumentException("Internet: public address '" + publicAddress
          + "' is outside its network '" + publicNetwork + "': give the address with the"
          + " prefix length of the network it sits in, such as '203.0.113.10/24'");
    }
  }

  /**
   * Parses the DSL's strings: {@code of("203.0.113.10/24", "203.0.113.1", "lan")}.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static Internet of(String publicAddress, String gateway, String via) {
    Objects.requireNonNull(publicAddress, "publicAddress == null");
    String allowed = "' is not valid: expected an IPv4 address with its prefix length, such as"
        + " '203.0.113.10/24'";
    int slash = publicAddress.indexOf('/');
    if (slash < 0 || !publicAddress.substring(slash + 1).matches("\\d{1,2}")
        || Integer.parseInt(publicAddress.substring(slash + 1)) > 32
        || !Ipv4Address.isValid(publicAddress.substring(0, slash))) {
      throw new IllegalArgumentException("Internet: public address '" + publicAddress + allowed);
    }
    Ipv4Address address = Ipv4Address.parse(publicAddress.substring(0, slash));
    int length = Integer.parseInt(publicAddress.substring(slash + 1));
    Ipv4Address gw = Messages.in("Internet: gateway", () -> Ipv4Address.parse(gateway));
    return new Internet(address, Prefix.containing(address, length), gw,
        Messages.in("Internet: via", () -> Names.check("Subnet", via)));
  }

  /** The public address with its prefix length, as an interface carries it. */
  public String publicAddressText() {
    return publicAddress + "/" + publicNetwork.length();
  }
}
