package org.cimnet.render.unbound;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.spi.RenderContext;

/**
 * The renderer's settings, read from a {@link RenderContext}; see {@link UnboundRenderer}.
 *
 * @param forwarders the {@code unbound.forward} setting when given (an empty value gives an empty
 *     list): it replaces the forwarders the model declares
 */
record UnboundSettings(Optional<List<Ipv4Address>> forwarders, int port, boolean loopbackOnly,
    Map<String, Ipv4Address> labAddresses, String directory, String pidfile, String username) {

  static final String FORWARD = "unbound.forward";
  static final String PORT = "unbound.port";
  static final String INTERFACES = "unbound.interfaces";
  static final String LAB_ADDRESSES = "unbound.lab-addresses";
  static final String DIRECTORY = "unbound.directory";
  static final String PIDFILE = "unbound.pidfile";
  static final String USERNAME = "unbound.username";
  /** Every key above: the settings the renderer reads. */
  static final Set<String> KEYS = Set.of(FORWARD, PORT, INTERFACES, LAB_ADDRESSES, DIRECTORY,
      PIDFILE, USERNAME);

  UnboundSettings {
    forwarders = forwarders.map(List::copyOf);
    labAddresses = Collections.unmodifiableMap(new LinkedHashMap<>(labAddresses));
  }

  static UnboundSettings of(RenderContext context) {
    return new UnboundSettings(forwarders(context.setting(FORWARD)), port(context.setting(PORT)),
        loopbackOnly(context.setting(INTERFACES)), labAddresses(context.setting(LAB_ADDRESSES)),
        context.setting(DIRECTORY).orElse("/var/lib/unbound"),
        context.setting(PIDFILE).orElse(""), context.setting(USERNAME).orElse("unbound"));
  }

  private static Optional<List<Ipv4Address>> forwarders(Optional<String> text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<Ipv4Address> forwarders = new ArrayList<>();
    if (text.get().isBlank()) {
      return Optional.of(forwarders);
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
    return Optional.of(forwarders);
  }

  private static Map<String, Ipv4Address> labAddresses(Optional<String> text) {
    Map<String, Ipv4Address> hosts = new LinkedHashMap<>();
    if (text.isEmpty() || text.get().isBlank()) {
      return hosts;
    }
    for (String part : text.get().split(",", -1)) {
      String pair = part.strip();
      int eq = pair.indexOf('=');
      Optional<Ipv4Address> address = eq < 0 ? Optional.empty()
          : Ipv4Address.tryParse(pair.substring(eq + 1).strip());
      if (eq <= 0 || address.isEmpty()) {
        throw new IllegalArgumentException("Setting '" + LAB_ADDRESSES + "': '" + pair
            + "' is not host=address: give comma-separated pairs, such as"
            + " 'a=127.0.0.2,b=127.0.0.3'");
      }
      String host = pair.substring(0, eq).strip();
      if (hosts.containsKey(host)) {
        throw new IllegalArgumentException("Setting '" + LAB_ADDRESSES + "': host '" + host
            + "' is given twice");
      }
      if (hosts.containsValue(address.get())) {
        throw new IllegalArgumentException("Setting '" + LAB_ADDRESSES + "': address '"
            + address.get() + "' is given to two hosts; each needs its own");
      }
      hosts.put(host, address.get());
    }
    return hosts;
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
