package org.cimnet.render.ovs;

import java.util.Objects;

/**
 * The one escaping function set for everything the Open vSwitch renderer writes: shell words for
 * the setup script, OVSDB values inside {@code ovs-vsctl} arguments, fields of the script's plan
 * table, and comment text for the script and the flow files.
 *
 * <p>Two layers meet in an {@code ovs-vsctl} argument such as {@code mac="02:00:00:00:00:01"}: the
 * shell splits and unquotes the word, then {@code ovs-vsctl} tokenizes the value, where
 * {@code : = , [ ] { } ! < >} are delimiters (so an unquoted MAC ends at its first colon) and
 * {@code true}, {@code false} and UUID-like text change type. A value is therefore always written
 * as a JSON string (which OVSDB accepts for every string column and map value), and the whole
 * argument is then made one shell word.
 */
final class OvsStrings {
  /**
   * Characters that mean nothing to bash anywhere in a word (after the command name); a table,
   * not a regex, because a large network has hundreds of thousands of words.
   */
  private static final boolean[] BARE = new boolean[128];

  static {
    for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=,@%+-"
        .toCharArray()) {
      BARE[c] = true;
    }
  }

  private OvsStrings() {}

  /**
   * {@code s} as exactly one bash word: bare when it holds only characters bash leaves alone,
   * otherwise single-quoted, a {@code '} written as {@code '\''}.
   *
   * @throws IllegalArgumentException if {@code s} holds NUL, which no bash word can carry
   */
  static String word(String s) {
    Objects.requireNonNull(s, "s == null");
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("Text '" + s.replace("\0", "\\0")
          + "' contains NUL, which a shell word cannot carry");
    }
    if (bare(s)) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static boolean bare(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= BARE.length || !BARE[c]) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} as an OVSDB string value: a JSON string literal, quotes included. */
  static String value(String s) {
    Objects.requireNonNull(s, "s == null");
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * {@code s} as one field of the setup script's plan table, which is tab-separated and read by
   * awk: the text itself, since the model admits no control character in a name.
   *
   * @throws IllegalArgumentException if {@code s} holds a control character
   */
  static String field(String s) {
    Objects.requireNonNull(s, "s == null");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("Text '" + comment(s) + "' holds control character "
            + String.format("U+%04X", (int) c) + ", which the setup script's plan table cannot"
            + " carry: names are letters, digits, '-', '_' and '.'");
      }
    }
    return s;
  }

  /** {@code s} made safe for a {@code #} comment: control characters become {@code ?}. */
  static String comment(String s) {
    Objects.requireNonNull(s, "s == null");
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean breaks = c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029'
          || c == '\u0085';
      if (breaks && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(breaks ? '?' : c);
      }
    }
    return b == null ? s : b.toString();
  }
}
