package org.cimnet.render.unbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.spi.RenderContext;

/** The renderer's settings, read from a {@link RenderContext}; see {@link UnboundRenderer}. */
record UnboundSettings(List<Ipv4Address> forwarders, int port, boolean loopbackOnly,
    String directory, String pidfile, String username) {

  static final String FORWARD = "unbound.forward";
  static final String PORT = "unbound.port";
  static final String INTERFACES = "unbound.interfaces";
  static final String DIRECTORY = "unbound.directory";
  static final String PIDFILE = "unbound.pidfile";
  static final String USERNAME = "unbound.username";

  UnboundSettings {
    forwarders = List.copyOf(forwarders);
  }

  static UnboundSettings of(RenderContext context) {
    return new UnboundSettings(forwarders(context.setting(FORWARD)), port(context.setting(PORT)),
        loopbackOnly(context.setting(INTERFACES)),
        context.setting(DIRECTORY).orElse("/var/lib/unbound"),
        context.setting(PIDFILE).orElse(""), context.setting(USERNAME).orElse("unbound"));
  }

  private static List<Ipv4Address> forwarders(Optional<String> text) {
    List<Ipv4Address> forwarders = new ArrayList<>();
    if (text.isEmpty() || text.get().isBlank()) {
      return forwarders;
    }
    for (String part : text.get().split(",", -1)) {
      String address = part.strip();
      Ipv4Address parsed = Ipv4Address.tryParse(address).orElseThrow(() ->
          new IllegalArgumentException("Setting '" + FORWARD + "': '" + address
              + "' is not an IPv4 address: give comma-separated addresses, such as"
              + " '9.9.9.9,149.112.112.112'"));
      if (forwarders.contains(parsed)) {
        throw new IllegalArgumentException("Setting '" + FORWARD + "': '" + address
            + "' is given twice");
      }
      forwarders.add(parsed);
    }
    return forwarders;
  }

  private static int port(Optional<String> text) {
    if (text.isEmpty()) {
      return 53;
    }
    String value = text.get().strip();
    if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1
        || Integer.parseInt(value) > 65535) {
      throw new IllegalArgumentException("Setting '" + PORT + "': '" + text.get()
          + "' is not a port: use a number from 1 to 65535");
    }
    return Integer.parseInt(value);
  }

  private static boolean loopbackOnly(Optional<String> text) {
    String value = text.orElse("all");
    return switch (value) {
      case "all" -> false;
      case "loopback-only" -> true;
      default -> throw new IllegalArgumentException("Setting '" + INTERFACES + "': '" + value
          + "' is not allowed: use 'all' or 'loopback-only'");
    };
  }
}
