package org.cimnet.core.plan;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

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
