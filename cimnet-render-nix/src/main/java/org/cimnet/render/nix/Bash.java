package org.cimnet.render.nix;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names that reach bash unquoted: NixOS pastes {@code extraOvsctlCmds} lines into a bash script,
 * and the container hooks are bash too. Rather than quote (quotes inside Nix strings inside bash
 * are a trap), a name must be a plain word that bash passes through unchanged; cimnet's names
 * (DNS labels, kernel interface names) always are, anything else is refused.
 */
final class Bash {
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:,-]+");

  private Bash() {}

  /** {@code word} unchanged, if bash reads it as one literal word. */
  static String word(String word) {
    Objects.requireNonNull(word, "word == null");
    if (!WORD.matcher(word).matches()) {
      throw new IllegalArgumentException("'" + word + "' cannot be passed to bash unquoted:"
          + " use letters, digits, '_', '.', ':', ',' or '-'");
    }
    return word;
  }

  /**
   * An ovs-vsctl string value that contains {@code :} (a MAC, a peer name), double-quoted for
   * ovs-vsctl and with the quotes backslash-escaped so bash passes them on: {@code \"v\"}.
   */
  static String ovsString(String value) {
    return "\\\"" + word(value) + "\\\"";
  }
}
