package org.cimnet.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.format.Quote;

/**
 * A physical network card of a host. Its MAC comes from the inventory (parts.yaml) or from
 * discovery; it is never generated.
 *
 * @param name the kernel interface name, such as {@code eth0}
 */
public record Nic(String name, Optional<MacAddress> mac) {
  private static final Pattern IFNAME = Pattern.compile("[a-z][a-z0-9_.-]{0,14}");

  /** What a valid interface name looks like, for messages. */
  public static final String ALLOWED = "1 to 15 characters: a lower-case letter, then lower-case"
      + " letters, digits, '_', '.' or '-'";

  public Nic {
    checkName(name);
    Objects.requireNonNull(mac, "mac == null");
  }

  /**
   * Returns {@code name} if it is a valid interface name.
   *
   * @throws IllegalArgumentException quoting the name and saying what is allowed
   */
  public static String checkName(String name) {
    Objects.requireNonNull(name, "NIC name == null");
    if (!isValidName(name)) {
      throw new IllegalArgumentException("NIC name " + Quote.value(name) + " is not valid: "
          + Quote.firstRefused(name, c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
              || c == '_' || c == '.' || c == '-').map(r -> r + "; ").orElse("") + "use "
          + ALLOWED);
    }
    return name;
  }

  public static boolean isValidName(String name) {
    return name != null && IFNAME.matcher(name).matches();
  }
}
