package org.cimnet.core.model;

/**
 * The one rule for VLAN ids: 802.1Q's 1 to 4094 (0 means untagged and 4095 is reserved).
 * Subnets, their builders and the per-host plans all check through it.
 */
public final class Vlans {
  /** The lowest VLAN id a subnet may have. */
  public static final int MIN = 1;
  /** The highest VLAN id a subnet may have. */
  public static final int MAX = 4094;

  private Vlans() {}

  public static boolean isValid(int id) {
    return id >= MIN && id <= MAX;
  }

  /**
   * Returns {@code id} if valid.
   *
   * @throws IllegalArgumentException naming {@code element} and quoting the id
   */
  public static int check(String element, int id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException(element + ": VLAN id '" + id
          + "' is out of range: must be " + MIN + " to " + MAX);
    }
    return id;
  }
}
