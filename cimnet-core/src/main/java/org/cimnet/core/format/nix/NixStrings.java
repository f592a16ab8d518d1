package org.cimnet.core.format.nix;

import java.util.Objects;
import java.util.Set;

/**
 * The one Nix escaping function set: double-quoted string literals and attribute names.
 *
 * <p>In a {@code "..."} literal only {@code \}, {@code "} and <code>&#36;&#123;</code> are special (plus the
 * control characters, written {@code \n}, {@code \r}, {@code \t}); a lone {@code $} is literal.
 */
public final class NixStrings {
  private static final Set<String> KEYWORDS = Set.of("assert", "else", "if", "in", "inherit",
      "let", "or", "rec", "then", "with");

  private NixStrings() {}

  /** {@code s} as a double-quoted Nix string literal, quotes included. */
  public static String string(String s) {
    Objects.requireNonNull(s, "s == null");
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '$' -> b.append(i + 1 < s.length() && s.charAt(i + 1) == '{' ? "\\$" : "$");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /**
   * {@code line} as one line of the body of an indented string {@code ''...''}: {@code '} becomes
   * {@code ''\'}, {@code $&#123;} becomes {@code ''$&#123;}, tab and CR their {@code ''\} escapes;
   * backslashes and double quotes stay literal, as bash text embedded in Nix needs them. The
   * caller writes the line breaks and controls the indentation, which Nix strips.
   *
   * @throws IllegalArgumentException if {@code line} contains a line break
   */
  public static String indentedLine(String line) {
    Objects.requireNonNull(line, "line == null");
    if (plainLine(line)) {
      return line;
    }
    StringBuilder b = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '\n' -> throw new IllegalArgumentException(
            "Indented Nix string line contains a line break: '" + line.replace("\n", "\\n")
                + "'");
        case '\'' -> b.append("''\\'");
        case '\t' -> b.append("''\\t");
        case '\r' -> b.append("''\\r");
        case '$' -> b.append(i + 1 < line.length() && line.charAt(i + 1) == '{' ? "''$" : "$");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Whether {@code line} has nothing an indented string treats specially (the usual case). */
  private static boolean plainLine(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' || c == '$' || c == '\n' || c == '\r' || c == '\t') {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z_][A-Za-z0-9_'-]*}, by hand: it runs for every attribute of a large host. */
  private static boolean identifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean ok = letter || (i > 0 && ((c >= '0' && c <= '9') || c == '\'' || c == '-'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code name} as an attribute name: bare when it is a plain identifier, quoted otherwise. */
  public static String attr(String name) {
    Objects.requireNonNull(name, "name == null");
    if (identifier(name) && !KEYWORDS.contains(name)) {
      return name;
    }
    return string(name);
  }
}
