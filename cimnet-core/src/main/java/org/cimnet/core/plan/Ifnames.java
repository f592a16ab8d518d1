package org.cimnet.core.plan;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.cimnet.core.model.Nic;

/**
 * Kernel interface names (at most 15 characters) derived from model names: the name itself when
 * it fits, otherwise a readable head plus a short hash of the whole, so the result is stable and
 * distinct names stay distinct (the checker still verifies uniqueness per host).
 */
public final class Ifnames {
  /** Linux's IFNAMSIZ less the terminating NUL. */
  public static final int MAX = 15;

  private Ifnames() {}

  /** {@code prefix + name}, shortened with a hash if longer than {@value #MAX}. */
  public static String of(String prefix, String name) {
    String full = prefix + name;
    if (full.length() <= MAX) {
      return full;
    }
    String hash = Integer.toHexString(Hashing.murmur3_32_fixed()
        .hashString(full, StandardCharsets.UTF_8).asInt() & 0xFFFFF);
    hash = "0".repeat(5 - hash.length()) + hash;
    return full.substring(0, MAX - 6) + "-" + hash;
  }

  /**
   * What a NIC's interface name derived from its model name starts with. No other name cimnet
   * makes holds a {@code _} (bridges, subnet ports and patch ports are DNS labels, container
   * ports start {@code ve-}), and no kernel driver names a device so, so the derived names
   * collide with nothing and never race with the kernel's own {@code eth<N>} at boot.
   */
  public static final String NIC_PREFIX = "nic_";

  /**
   * The names the kernel gives devices itself as they appear ({@code eth0}, {@code wlan1},
   * {@code wwan0}, {@code usb0}, {@code ib0}): renaming a card to one of them races with the
   * kernel naming another card the same way at boot.
   */
  private static final Pattern KERNEL_SPACE = Pattern.compile("(eth|wlan|wwan|usb|ib)[0-9]+");

  /** What {@link #isValid} takes, for messages. */
  public static final String ALLOWED = "1 to " + MAX + " characters: letters, digits, '_', '.'"
      + " or '-', starting with a letter, a digit or '_', and not only digits";

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");

  /**
   * The interface name of a NIC on its host: the name the user states, or else
   * {@value #NIC_PREFIX} and the NIC's name ({@code eth0} becomes {@code nic_eth0}; a name too
   * long is shortened with a hash, as {@link #of} does).
   */
  public static String nic(Nic nic) {
    return nic.ifname().orElseGet(() -> of(NIC_PREFIX, nic.name()));
  }

  /**
   * Whether Linux (and systemd's {@code .link} files) take {@code name} as an interface name,
   * kept to characters that need no quoting in a shell or a command's arguments: at most
   * {@value #MAX} characters of {@code A-Z a-z 0-9 _ . -}, not starting with {@code .} or
   * {@code -}, and not only digits (systemd would read it as an interface index).
   */
  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches() && !name.chars().allMatch(
        c -> c >= '0' && c <= '9');
  }

  /** Whether {@code name} is one the kernel gives devices itself, such as {@code eth0}. */
  public static boolean inKernelSpace(String name) {
    return KERNEL_SPACE.matcher(name).matches();
  }

  /** The host's internal L3 port in a subnet: the subnet's name. */
  public static String subnetPort(String subnet) {
    return of("", subnet);
  }

  /** A container's switch port in a subnet: {@code ve-<container>}, numbered if multi-homed. */
  public static String containerPort(String container, int index, int count) {
    return of("ve-", count == 1 ? container : container + "." + index);
  }

  /** The leaf's side of its patch pair to the uplink bridge. */
  public static String leafPatch(String leaf) {
    return of("", leaf + "-up");
  }

  /** The uplink bridge's side of its patch pair to a leaf. */
  public static String uplinkPatch(String leaf) {
    return of("up-", leaf);
  }
}
