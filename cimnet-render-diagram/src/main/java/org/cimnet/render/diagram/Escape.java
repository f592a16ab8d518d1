package org.cimnet.render.diagram;

/**
 * The one escaping function of each format the renderer writes. Every name and value that
 * reaches a file goes through the function of that file's format, so no name can break out of an
 * HTML or SVG text, a DOT string, a Mermaid label or a CSV field.
 */
final class Escape {
  private Escape() {}

  /** Text for HTML and SVG (XML) content and attribute values in double quotes. */
  static String html(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            // XML 1.0 forbids other control characters even as references.
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * A DOT double-quoted string, quotes included; {@code lines} are joined by DOT's centred line
   * break {@code \n}.
   */
  static String dot(String... lines) {
    StringBuilder out = new StringBuilder("\"");
    for (int l = 0; l < lines.length; l++) {
      if (l > 0) {
        out.append("\\n");
      }
      String line = lines[l];
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n', '\r' -> out.append(' ');
          default -> out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A Mermaid quoted label, quotes included; {@code lines} are joined by {@code <br/>}. Mermaid
   * has no backslash escapes: characters that would end the label or be read as markup become
   * its entity codes ({@code #quot;}, {@code #35;}, ...).
   */
  static String mermaid(String... lines) {
    StringBuilder out = new StringBuilder("\"");
    for (int l = 0; l < lines.length; l++) {
      if (l > 0) {
        out.append("<br/>");
      }
      String line = lines[l];
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        switch (c) {
          case '"' -> out.append("#quot;");
          case '#' -> out.append("#35;");
          case '<' -> out.append("#lt;");
          case '>' -> out.append("#gt;");
          case '&' -> out.append("#amp;");
          case ';' -> out.append("#59;");
          case '`' -> out.append("#96;");
          case '\n', '\r' -> out.append(' ');
          default -> out.append(c);
        }
      }
    }
    return out.append('"').toString();
  }

  /** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
  static String csv(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return "\"" + field.replace("\"", "\"\"") + "\"";
  }

  /** A CSV line of fields, ending in {@code \n}. */
  static String csvLine(String... fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(csv(fields[i]));
    }
    return out.append('\n').toString();
  }
}
