package org.cimnet.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.Prefix;

/**
 * The way out: the one public address, the network it sits in and the upstream gateway, reached
 * through one subnet ({@code via}; the seed's lan). The router that routes {@code via} holds the
 * public address and translates (NAT) what leaves through it.
 *
 * @param forwarders the upstream resolvers every nameserver sends the names outside the domain
 *     and the supernet's reverse zones to, in order; empty: those names are refused, so the hosts
 *     and containers resolve nothing on the internet (the checker warns)
 */
public record Internet(Ipv4Address publicAddress, Prefix publicNetwork, Ipv4Address gateway,
    String via, List<Ipv4Address> forwarders) {
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
    Objects.requireNonNull(forwarders, "forwarders == null");
    List<Ipv4Address> seen = new ArrayList<>();
    for (int i = 0; i < forwarders.size(); i++) {
      Ipv4Address f = Objects.requireNonNull(forwarders.get(i), "forwarders[" + i + "] == null");
      if (seen.contains(f)) {
        throw new IllegalArgumentException("Internet: forwarder '" + f + "' is given twice");
      }
      seen.add(f);
    }
    forwarders = List.copyOf(forwarders);
  }

  /** A way out without forwarders. */
  public Internet(Ipv4Address publicAddress, Prefix publicNetwork, Ipv4Address gateway,
      String via) {
    this(publicAddress, publicNetwork, gateway, via, List.of());
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

  /**
   * The same way out with these upstream resolvers, such as {@code "9.9.9.9"}: they replace any
   * declared before.
   *
   * @throws IllegalArgumentException naming a value that is not an IPv4 address, or one given
   *     twice
   */
  public Internet withForwarders(String... addresses) {
    Messages.givenAll(addresses, "Internet", "forwarders");
    List<Ipv4Address> parsed = new ArrayList<>();
    for (String a : addresses) {
      parsed.add(Messages.in("Internet: forwarder", () -> Ipv4Address.parse(a)));
    }
    return withForwarders(parsed);
  }

  /** The same way out with these upstream resolvers (replacing any declared before). */
  public Internet withForwarders(List<Ipv4Address> addresses) {
    return new Internet(publicAddress, publicNetwork, gateway, via, addresses);
  }

  /** The public address with its prefix length, as an interface carries it. */
  public String publicAddressText() {
    return publicAddress + "/" + publicNetwork.length();
  }
}
