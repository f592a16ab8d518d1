package org.cimnet.core.model;

import java.util.Objects;
import java.util.regex.Pattern;
import org.cimnet.core.format.Quote;

/** The one rule for names of declared things: a lower-case DNS label that starts with a letter. */
public final class Names {
  private static final Pattern LABEL = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

  private Names() {}

  /** Whether {@code name} is a valid name for a subnet, host, leaf, container, spine or zone. */
  private static boolean allowed(int c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
  }

  public static boolean isValid(String name) {
    return name != null && LABEL.matcher(name).matches();
  }

  /** What a valid name looks like, for error messages. */
  public static final String ALLOWED =
      "1 to 63 lower-case letters, digits and '-', starting with a letter and not ending with '-'";

  /**
   * Returns {@code name} if valid.
   *
   * @throws IllegalArgumentException naming the kind of element and quoting the name
   */
  public static String check(String kind, String name) {
    Objects.requireNonNull(name, kind + " name == null");
    if (!isValid(name)) {
      throw new IllegalArgumentException(kind + " name " + Quote.value(name) + " is not valid: "
          + Quote.firstRefused(name, Names::allowed).map(r -> r + "; ").orElse("") + "use "
          + ALLOWED);
    }
    return name;
  }
}
