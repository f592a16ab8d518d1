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
 * @param name the NIC's name in the model, such as {@code eth0}: links, messages and problem
 *     paths use it
 * @param ifname the interface name the machine gives the card, as the user states it; empty:
 *     derived outside the kernel's own names ({@link org.cimnet.core.plan.Ifnames#nic}). The
 *     checker refuses a name Linux does not take ({@code ifname.invalid}) and warns of one in
 *     the kernel's space ({@code ifname.kernel-space})
 */
public record Nic(String name, Optional<MacAddress> mac, Optional<String> ifname) {
  private static final Pattern IFNAME = Pattern.compile("[a-z][a-z0-9_.-]{0,14}");

  /** What a valid interface name looks like, for messages. */
  public static final String ALLOWED = "1 to 15 characters: a lower-case letter, then lower-case"
      + " letters, digits, '_', '.' or '-'";

  public Nic {
    checkName(name);
    Objects.requireNonNull(mac, "mac == null");
    Objects.requireNonNull(ifname, "ifname == null");
  }

  /** A NIC whose interface name is derived. */
  public Nic(String name, Optional<MacAddress> mac) {
    this(name, mac, Optional.empty());
  }

  /** The same NIC with this MAC (discovered or assigned), keeping its interface name. */
  public Nic withMac(MacAddress found) {
    return new Nic(name, Optional.of(found), ifname);
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
