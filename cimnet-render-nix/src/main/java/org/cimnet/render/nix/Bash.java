package org.cimnet.render.nix;

import java.util.Objects;

/**
 * Names that reach bash unquoted: NixOS pastes {@code extraOvsctlCmds} lines into a bash script,
 * and the container hooks are bash too. Rather than quote (quotes inside Nix strings inside bash
 * are a trap), a name must be a plain word that bash passes through unchanged; cimnet's names
 * (DNS labels, kernel interface names) always are, anything else is refused.
 */
final class Bash {
  private Bash() {}

  /** {@code [A-Za-z0-9_.:,-]+}, by hand: this runs for every name of a large network. */
  private static boolean isWord(String word) {
    if (word.isEmpty()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == ':' || c == ',' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code word} unchanged, if bash reads it as one literal word. */
  static String word(String word) {
    Objects.requireNonNull(word, "word == null");
    if (!isWord(word)) {
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
