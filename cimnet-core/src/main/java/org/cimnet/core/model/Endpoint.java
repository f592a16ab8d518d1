package org.cimnet.core.model;

import java.util.Objects;
import org.cimnet.core.format.Quote;

/**
 * One side of a rule or an assertion: a subnet, a zone (every subnet in it), a container, a
 * host's own addresses, or the internet (every address outside the private spaces).
 *
 * <p>Text forms, as YAML and the string DSL take them: {@code dmz} or {@code subnet:dmz},
 * {@code zone:private}, {@code container:web1}, {@code host:vhost-dev}, {@code internet}.
 *
 * <p>A host's own addresses (its addresses, gateways and nameservers) belong to the host, not to
 * its subnets: a subnet or zone stands for every other address of its subnets, and only
 * {@code host:NAME} reaches the host itself. A rule to a host is a host service, opened in the
 * host's input chain; a host is never a source (its own connections are not filtered).
 */
public sealed interface Endpoint permits Endpoint.OfSubnet, Endpoint.OfZone,
    Endpoint.OfContainer, Endpoint.OfHost, Endpoint.OfInternet {

  /** The text form, which {@link #parse} reads back. */
  String text();

  /** Every address of one subnet. */
  record OfSubnet(String name) implements Endpoint {
    public OfSubnet {
      Names.check("Subnet", name);
    }

    @Override
    public String text() {
      return name;
    }
  }

  /** Every subnet of a zone. */
  record OfZone(String name) implements Endpoint {
    public OfZone {
      Names.check("Zone", name);
    }

    @Override
    public String text() {
      return "zone:" + name;
    }
  }

  /** Every address of one container. */
  record OfContainer(String name) implements Endpoint {
    public OfContainer {
      Names.check("Container", name);
    }

    @Override
    public String text() {
      return "container:" + name;
    }
  }

  /** Every address one host holds itself (not the public address): its services. */
  record OfHost(String name) implements Endpoint {
    public OfHost {
      Names.check("Host", name);
    }

    @Override
    public String text() {
      return "host:" + name;
    }
  }

  /** Every address outside the private spaces, reached through the one public address. */
  record OfInternet() implements Endpoint {
    @Override
    public String text() {
      return "internet";
    }
  }

  static Endpoint ofSubnet(String name) {
    return new OfSubnet(name);
  }

  static Endpoint ofZone(String name) {
    return new OfZone(name);
  }

  static Endpoint ofContainer(String name) {
    return new OfContainer(name);
  }

  static Endpoint ofHost(String name) {
    return new OfHost(name);
  }

  static Endpoint ofInternet() {
    return new OfInternet();
  }

  /**
   * Parses an endpoint's text form.
   *
   * @throws IllegalArgumentException quoting the text and listing the accepted forms
   */
  static Endpoint parse(String text) {
    Objects.requireNonNull(text, "endpoint == null");
    String allowed =
        "use a subnet name, subnet:NAME, zone:NAME, container:NAME, host:NAME or internet";
    try {
      if (text.equals("internet")) {
        return ofInternet();
      }
      int colon = text.indexOf(':');
      if (colon < 0) {
        return ofSubnet(text);
      }
      String kind = text.substring(0, colon);
      String name = text.substring(colon + 1);
      return switch (kind) {
        case "subnet" -> ofSubnet(name);
        case "zone" -> ofZone(name);
        case "container" -> ofContainer(name);
        case "host" -> ofHost(name);
        default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Endpoint " + Quote.value(text) + " is not valid (" + e.getMessage() + "): " + allowed, e);
    }
  }
}
