package org.cimnet.watch;

/** Text shown to people: control characters escaped, long text cut. */
final class Text {
  private Text() {}

  /** {@code text} with control characters as {@code \\uXXXX}, at most 200 characters. */
  static String escaped(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length() && b.length() < 200; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.length() >= 200 && text.length() > 200 ? b + "..." : b.toString();
  }
}
