package org.cimnet.core.model;

import java.util.Objects;
import org.cimnet.core.format.Quote;

/**
 * One side of a rule or an assertion: a subnet, a zone (every subnet in it), a container, or the
 * internet (every address outside the private spaces).
 *
 * <p>Text forms, as YAML and the string DSL take them: {@code dmz} or {@code subnet:dmz},
 * {@code zone:private}, {@code container:web1}, {@code internet}.
 */
public sealed interface Endpoint
    permits Endpoint.OfSubnet, Endpoint.OfZone, Endpoint.OfContainer, Endpoint.Internet {

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

  /** Every address outside the private spaces, reached through the one public address. */
  record Internet() implements Endpoint {
    @Override
    public String text() {
      return "internet";
    }
  }

  static Endpoint subnet(String name) {
    return new OfSubnet(name);
  }

  static Endpoint zone(String name) {
    return new OfZone(name);
  }

  static Endpoint container(String name) {
    return new OfContainer(name);
  }

  static Endpoint internet() {
    return new Internet();
  }

  /**
   * Parses an endpoint's text form.
   *
   * @throws IllegalArgumentException quoting the text and listing the accepted forms
   */
  static Endpoint parse(String text) {
    Objects.requireNonNull(text, "endpoint == null");
    String allowed = "use a subnet name, subnet:NAME, zone:NAME, container:NAME or internet";
    try {
      if (text.equals("internet")) {
        return internet();
      }
      int colon = text.indexOf(':');
      if (colon < 0) {
        return subnet(text);
      }
      String kind = text.substring(0, colon);
      String name = text.substring(colon + 1);
      return switch (kind) {
        case "subnet" -> subnet(name);
        case "zone" -> zone(name);
        case "container" -> container(name);
        default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Endpoint " + Quote.value(text) + " is not valid (" + e.getMessage() + "): " + allowed, e);
    }
  }
}
