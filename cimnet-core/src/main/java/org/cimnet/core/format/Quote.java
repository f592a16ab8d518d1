package org.cimnet.core.format;

import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The one escaping function for messages: a value quoted in a message shows every control and
 * invisible character as an escape ({@code \n}, {@code \t}, {@code \u202e}, {@code \u00a0}), so a
 * hostile value can neither forge a report line nor hide itself, and a person sees what is there.
 */
public final class Quote {
  private Quote() {}

  /** {@code 'value'} with {@link #escape} applied. */
  public static String value(String value) {
    return "'" + escape(value) + "'";
  }

  /**
   * {@code text} with every control, format (bidirectional overrides, zero-width characters),
   * separator other than the plain space, and lone surrogate escaped; a backslash is doubled so
   * that an escape is never ambiguous. Plain text passes unchanged.
   */
  public static String escape(String text) {
    Objects.requireNonNull(text, "text == null");
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      String escaped = cp == '\\' ? "\\\\" : invisible(cp) ? escapeOf(cp) : null;
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escaped != null) {
          out.append(escaped);
        } else {
          out.appendCodePoint(cp);
        }
      }
      i += n;
    }
    return out == null ? text : out.toString();
  }

  /**
   * {@link #escape} for text that is already a message: control and invisible characters are
   * escaped, backslashes left alone, so escaping twice changes nothing.
   */
  public static String safe(String text) {
    Objects.requireNonNull(text, "text == null");
    for (int i = 0; i < text.length(); i++) {
      if (invisible(text.charAt(i)) || Character.isSurrogate(text.charAt(i))) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
          if (invisible(cp)) {
            out.append(escapeOf(cp));
          } else {
            out.appendCodePoint(cp);
          }
        });
        return out.toString();
      }
    }
    return text;
  }

  /** Whether {@code cp} is shown as an escape: it is invisible or moves the text around. */
  public static boolean invisible(int cp) {
    if (cp == ' ') {
      return false;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR, Character.SURROGATE,
          Character.UNASSIGNED, Character.PRIVATE_USE -> true;
      default -> false;
    };
  }

  /**
   * The character for a person: {@code U+202E (RIGHT-TO-LEFT OVERRIDE)}, {@code U+000A (line
   * feed)}.
   */
  public static String describe(int cp) {
    String name = switch (cp) {
      case '\n' -> "LINE FEED";
      case '\r' -> "CARRIAGE RETURN";
      case '\t' -> "TAB";
      case 0 -> "NUL";
      default -> Character.getName(cp);
    };
    return String.format("U+%04X", cp) + (name == null ? "" : " (" + name + ")");
  }

  /**
   * The first character of {@code text} that {@code allowed} refuses and that a reader cannot
   * tell by eye (anything but printable ASCII: a control, an invisible character, a look-alike
   * letter), for a message: {@code "character 4, U+202E (RIGHT-TO-LEFT OVERRIDE), is not
   * allowed"}, counting characters, not UTF-16 units, from 1. Empty if there is none: a refused
   * 'B' or space shows itself in the quoted value.
   */
  public static Optional<String> firstRefused(String text, IntPredicate allowed) {
    int position = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      position++;
      if (!allowed.test(cp) && (cp < 0x20 || cp > 0x7E)) {
        String shown = invisible(cp) ? describe(cp)
            : "'" + new String(Character.toChars(cp)) + "' " + describe(cp);
        return Optional.of("character " + position + ", " + shown + ", is not allowed");
      }
      i += Character.charCount(cp);
    }
    return Optional.empty();
  }

  private static String escapeOf(int cp) {
    return switch (cp) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp);
    };
  }
}
