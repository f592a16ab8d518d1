package org.cimnet.render.nix;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one nftables escaper: every name that reaches nftables text goes through it. nftables has
 * no escape inside {@code "..."}, so instead of escaping, names are checked against what the
 * syntax takes literally and anything else is refused with a clear message (the model's names
 * never are: they are DNS labels and kernel interface names).
 */
final class NftStrings {
  /** Interface names as cimnet derives them; quoted, so {@code .} and {@code -} are safe. */
  private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
  /** Bare identifiers for tables, sets and chains (the nft scanner's string token). */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,62}");

  private NftStrings() {}

  /** An interface name as a quoted nftables string, such as {@code "ve-bus.1"}. */
  static String ifname(String name) {
    Objects.requireNonNull(name, "name == null");
    if (!IFNAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Interface name '" + name + "' cannot be written in"
          + " nftables: use 1 to 15 letters, digits, '_', '.' or '-'");
    }
    return "\"" + name + "\"";
  }

  /** A table, set or chain name, bare, such as {@code zone_dmz}. */
  static String identifier(String name) {
    Objects.requireNonNull(name, "name == null");
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("nftables name '" + name + "' is not valid: use a"
          + " letter or '_', then up to 62 letters, digits, '_' or '-'");
    }
    return name;
  }

  /** A {@code #} comment line's text: line breaks and control characters become spaces. */
  static String comment(String text) {
    Objects.requireNonNull(text, "text == null");
    StringBuilder b = new StringBuilder("# ");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    return b.toString();
  }
}
