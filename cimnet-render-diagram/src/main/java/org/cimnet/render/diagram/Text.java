package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text helpers shared by the tables and pictures: counts, VLAN lists, aligned columns. */
final class Text {
  private Text() {}

  /** {@code 100,000}: thousands grouped the same way on every machine. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code 1 subnet}, {@code 3 subnets}. */
  static String count(long n, String singular, String plural) {
    return count(n) + " " + (n == 1 ? singular : plural);
  }

  /** Ascending VLAN ids as ranges: {@code 101-107}, {@code 101,103,105-106}; {@code -} if none. */
  static String vlans(List<Integer> ids) {
    if (ids.isEmpty()) {
      return "-";
    }
    List<Integer> sorted = ids.stream().distinct().sorted().toList();
    List<String> parts = new ArrayList<>();
    int start = sorted.get(0);
    int last = start;
    for (int i = 1; i <= sorted.size(); i++) {
      if (i < sorted.size() && sorted.get(i) == last + 1) {
        last = sorted.get(i);
        continue;
      }
      parts.add(start == last ? String.valueOf(start) : start + "-" + last);
      if (i < sorted.size()) {
        start = sorted.get(i);
        last = start;
      }
    }
    return String.join(",", parts);
  }

  /**
   * Rows aligned in columns two spaces apart, trailing blanks stripped, one {@code \n} per row.
   */
  static String align(List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i + 1 < columns) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  /** At most {@code max} characters, ending in {@code …} when cut. */
  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
