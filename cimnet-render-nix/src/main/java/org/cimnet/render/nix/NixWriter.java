package org.cimnet.render.nix;

import java.util.List;
import org.cimnet.core.format.nix.NixStrings;

/**
 * Writes Nix text line by line with two-space indentation. Values go in already escaped (by
 * {@link NixStrings}); indented strings are written here from raw lines, each escaped by
 * {@link NixStrings#indentedLine}. No line gets trailing whitespace.
 */
final class NixWriter {
  private static final String SPACES = " ".repeat(64);
  private final StringBuilder out;
  private int depth;

  NixWriter() {
    this(1024);
  }

  /** A writer expecting about {@code capacity} characters (a large host's module is megabytes). */
  NixWriter(int capacity) {
    out = new StringBuilder(capacity);
  }

  /** A line at the current depth; an empty text gives an empty line. */
  NixWriter line(String text) {
    if (!text.isEmpty()) {
      out.append(SPACES, 0, Math.min(2 * depth, SPACES.length())).append(text);
    }
    out.append('\n');
    return this;
  }

  /** A {@code #} comment line (the text must be one line; names in it are labels). */
  NixWriter comment(String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("Nix comment spans lines: '" + text + "'");
    }
    return line(text.isEmpty() ? "#" : "# " + text);
  }

  /** A line that opens a block; the following lines are indented. */
  NixWriter open(String text) {
    line(text);
    depth++;
    return this;
  }

  /** Closes a block opened by {@link #open}. */
  NixWriter close(String text) {
    if (depth == 0) {
      throw new IllegalStateException("NixWriter: close('" + text + "') without open");
    }
    depth--;
    return line(text);
  }

  /** {@code <lhs> ''} (lhs ends in {@code =}) then the lines, escaped, then {@code '';}. */
  NixWriter indented(String lhs, List<String> lines) {
    open(lhs + " ''");
    for (String l : lines) {
      line(NixStrings.indentedLine(l));
    }
    return close("'';");
  }

  /**
   * Like {@link #indented} but the lines are already Nix indented-string text (escaped pieces
   * joined with interpolations such as {@code ${pkgs.iproute2}}).
   */
  NixWriter indentedRaw(String lhs, List<String> lines) {
    open(lhs + " ''");
    lines.forEach(this::line);
    return close("'';");
  }

  @Override
  public String toString() {
    if (depth != 0) {
      throw new IllegalStateException("NixWriter: " + depth + " block(s) left open");
    }
    return out.toString();
  }
}
