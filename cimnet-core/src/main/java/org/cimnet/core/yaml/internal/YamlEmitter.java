package org.cimnet.core.yaml.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a tree as YAML a person would write: block style, two-space indents, lists of plain
 * names inline ({@code [lan, wifi]}), a blank line between top-level sections, and quotes only
 * where a YAML reader would otherwise take the text for something else (a number, a boolean,
 * null, a sexagesimal like {@code 52:54:00:12:34:56}).
 */
public final class YamlEmitter {
  private YamlEmitter() {}

  /** Text safe as a plain scalar in block context. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./:@+-]*");
  /** What YAML 1.1 and 1.2 readers resolve to something other than a string. */
  private static final Pattern SPECIAL = Pattern.compile(
      "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
          + "|~|null|Null|NULL"
          + "|[-+]?(0|[1-9][0-9_]*)"
          + "|[-+]?0[0-7_]+|[-+]?0o[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+"
          + "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
          + "|[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
          + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
          + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?|=|<<");

  public static String emit(Node.MapNode root) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Map.Entry<String, Node> e : root.entries().entrySet()) {
      boolean block = !(e.getValue() instanceof Node.Scalar) && !inline(e.getValue());
      if (block && !first) {
        out.append('\n');
      }
      entry(out, 0, e.getKey(), e.getValue());
      first = false;
    }
    return out.toString();
  }

  private static void entry(StringBuilder out, int indent, String key, Node value) {
    out.append(" ".repeat(indent)).append(scalar(key)).append(':');
    value(out, indent, value);
  }

  /** Writes what follows {@code key:} (or {@code -}), including the line end. */
  private static void value(StringBuilder out, int indent, Node value) {
    if (value instanceof Node.Scalar s) {
      out.append(' ').append(s.kind() == Node.Scalar.Kind.STRING ? scalar(s.text()) : s.text())
          .append('\n');
    } else if (inline(value)) {
      List<Node> items = ((Node.ListNode) value).items();
      out.append(" [");
      for (int i = 0; i < items.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(((Node.Scalar) items.get(i)).text());
      }
      out.append("]\n");
    } else if (value instanceof Node.MapNode m) {
      out.append('\n');
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        entry(out, indent + 2, e.getKey(), e.getValue());
      }
    } else {
      out.append('\n');
      for (Node item : ((Node.ListNode) value).items()) {
        item(out, indent + 2, item);
      }
    }
  }

  private static void item(StringBuilder out, int indent, Node item) {
    out.append(" ".repeat(indent)).append('-');
    if (item instanceof Node.MapNode m && !m.entries().isEmpty()) {
      boolean first = true;
      for (Map.Entry<String, Node> e : m.entries().entrySet()) {
        if (first) {
          out.append(' ').append(scalar(e.getKey())).append(':');
          value(out, indent + 2, e.getValue());
          first = false;
        } else {
          entry(out, indent + 2, e.getKey(), e.getValue());
        }
      }
    } else if (item instanceof Node.MapNode) {
      out.append(" {}\n");
    } else {
      value(out, indent, item);
    }
  }

  /** A list short enough and plain enough to read on one line: {@code [lan, wifi]}. */
  private static boolean inline(Node node) {
    if (!(node instanceof Node.ListNode list)) {
      return false;
    }
    int length = 0;
    for (Node item : list.items()) {
      if (!(item instanceof Node.Scalar s) || !plain(s.text()) || s.text().indexOf(':') >= 0) {
        return false;
      }
      length += s.text().length() + 2;
    }
    return length <= 80;
  }

  private static boolean plain(String text) {
    return PLAIN.matcher(text).matches() && !SPECIAL.matcher(text).matches();
  }

  /** The text as a plain scalar if that reads back as the same string, else double-quoted. */
  static String scalar(String text) {
    if (plain(text)) {
      return text;
    }
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029
              || c == 0xFEFF) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
