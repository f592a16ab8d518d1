package org.cimnet.render.unbound;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one Unbound escaping function set: domain names in DNS presentation form, and config
 * arguments.
 *
 * <p>Unbound's config lexer splits unquoted arguments on blanks and quotes; inside {@code "..."}
 * it keeps every character, backslashes included (they reach the RR parser, which reads
 * {@code \DDD} as one octet), allows no line break, and lets {@code \"} continue the string.
 * So a name is first reduced to letters, digits, {@code -}, {@code _}, dots and {@code \DDD}
 * escapes ({@link #name}), and then any argument is quoted verbatim ({@link #quote}), refusing
 * what no quoting can carry.
 */
final class UnboundStrings {
  /** Arguments that need no quotes: addresses, prefixes, numbers, keywords. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:/@-]+");

  private UnboundStrings() {}

  /**
   * {@code fqdn} as an absolute name in presentation form, with the final dot: every octet of a
   * label other than a letter, digit, {@code -} or {@code _} becomes {@code \DDD} (so a space,
   * a quote, a backslash, {@code ;} or a non-ASCII letter can neither split the RR nor end the
   * config string). The empty name is the root, {@code .}.
   *
   * @throws IllegalArgumentException if a label is empty or longer than 63 octets
   */
  static String name(String fqdn) {
    Objects.requireNonNull(fqdn, "fqdn == null");
    if (fqdn.isEmpty() || fqdn.equals(".")) {
      return ".";
    }
    String body = fqdn.endsWith(".") ? fqdn.substring(0, fqdn.length() - 1) : fqdn;
    if (plain(body)) {
      return body + ".";
    }
    StringBuilder b = new StringBuilder(body.length() + 1);
    for (String label : body.split("\\.", -1)) {
      byte[] octets = label.getBytes(StandardCharsets.UTF_8);
      if (octets.length == 0 || octets.length > 63) {
        throw new IllegalArgumentException("DNS name '" + fqdn + "': label '" + label
            + "' must be 1 to 63 octets long");
      }
      for (byte octet : octets) {
        int c = octet & 0xFF;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_') {
          b.append((char) c);
        } else {
          b.append('\\').append(String.format("%03d", c));
        }
      }
      b.append('.');
    }
    return b.toString();
  }

  /**
   * Whether {@code body} needs no escape: only letters, digits, {@code -} and {@code _} in
   * labels of 1 to 63 octets (the common case, checked without allocating; a large network
   * has a hundred thousand names).
   */
  private static boolean plain(String body) {
    int label = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '.') {
        if (label == 0) {
          return false;
        }
        label = 0;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_') {
        if (++label > 63) {
          return false;
        }
      } else {
        return false;
      }
    }
    return label > 0;
  }

  /**
   * {@code value} as one config argument, unchanged in meaning: bare when it is a plain token
   * (an address, a prefix, a number, a keyword), in double quotes otherwise, or in single quotes
   * when it holds a double quote.
   *
   * @throws IllegalArgumentException if the value holds a control character (a line
   *     break would end the option), holds both quote characters, or ends in an odd number of
   *     backslashes (which would escape the closing quote)
   */
  static String quote(String value) {
    Objects.requireNonNull(value, "value == null");
    if (TOKEN.matcher(value).matches()) {
      return value;
    }
    return quoted(value);
  }

  /** {@code value} always in quotes (names and RRs, which Unbound expects quoted). */
  static String quoted(String value) {
    Objects.requireNonNull(value, "value == null");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("Unbound value '" + value.replace("\n", "\\n")
            + "' holds the control character U+" + String.format("%04X", (int) c)
            + ": only printable characters fit in an Unbound argument");
      }
    }
    int trailing = 0;
    for (int i = value.length() - 1; i >= 0 && value.charAt(i) == '\\'; i--) {
      trailing++;
    }
    if (trailing % 2 == 1) {
      throw new IllegalArgumentException("Unbound value '" + value
          + "' ends in a lone backslash, which would escape its closing quote");
    }
    boolean dq = value.indexOf('"') >= 0;
    boolean sq = value.indexOf('\'') >= 0;
    if (dq && sq) {
      throw new IllegalArgumentException("Unbound value '" + value
          + "' holds both ' and \": an Unbound argument can be quoted with only one of them");
    }
    char q = dq ? '\'' : '"';
    return q + value + q;
  }
}
