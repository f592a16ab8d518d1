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
    Names.check("Subnet", via);
  }

  /**
   * Parses the DSL's strings: {@code of("203.0.113.10/24", "203.0.113.1", "lan")}.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static Internet of(String publicAddress, String gateway, String via) {
    Objects.requireNonNull(publicAddress, "publicAddress == null");
    int slash = publicAddress.indexOf('/');
    String addressText = slash < 0 ? publicAddress : publicAddress.substring(0, slash);
    Ipv4Address address = Messages.in("Internet: public address",
        () -> Ipv4Address.parse(addressText));
    int length = slash < 0 ? 32 : Messages.in("Internet: public address", () -> {
      String len = publicAddress.substring(slash + 1);
      if (!len.matches("\\d{1,2}") || Integer.parseInt(len) > 32) {
        throw new IllegalArgumentException("'" + publicAddress
            + "' has a bad prefix length: must be 0 to 32");
      }
      return Integer.parseInt(len);
    });
    Ipv4Address gw = Messages.in("Internet: gateway", () -> Ipv4Address.parse(gateway));
    return new Internet(address, Prefix.containing(address, length), gw,
        Messages.in("Internet: via", () -> Names.check("Subnet", via)));
  }

  /** The public address with its prefix length, as an interface carries it. */
  public String publicAddressText() {
    return publicAddress + "/" + publicNetwork.length();
  }
}
