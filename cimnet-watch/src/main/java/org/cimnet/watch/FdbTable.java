package org.cimnet.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.MacAddress;

/**
 * One bridge's MAC learning table as {@code ovs-appctl fdb/show <bridge>} prints it:
 *
 * <pre>
 *  port  VLAN  MAC                Age
 *     1   101  3c:ec:ef:00:00:01    3
 * LOCAL     0  52:54:00:00:01:00    ?
 * </pre>
 *
 * <p>A line that does not read is kept as a problem (its number and text, control characters
 * escaped) and the other lines still count: one torn line never hides the rest of the table.
 */
public final class FdbTable {
  /** One learned MAC: the OpenFlow port number it was learned on ({@code LOCAL} too). */
  public record Entry(String port, int vlan, MacAddress mac) {}

  /** The entries read, and a problem per line that did not read. */
  public record Read(List<Entry> entries, List<String> problems) {}

  private FdbTable() {}

  public static Read parse(String bridge, String text) {
    List<Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || (i == 0 && line.startsWith("port"))) {
        continue;
      }
      Optional<Entry> e = entry(line);
      if (e.isPresent()) {
        entries.add(e.get());
      } else {
        problems.add("fdb/show " + bridge + " line " + (i + 1) + " is not 'port vlan mac age': '"
            + Text.escaped(line) + "'");
      }
    }
    return new Read(entries, problems);
  }

  // By hand, not by regex: a table of tens of thousands of lines is read every poll.
  private static Optional<Entry> entry(String line) {
    String[] words = new String[4];
    int n = 0;
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        if (n == 4) {
          return Optional.empty();
        }
        words[n++] = line.substring(start, i);
      }
    }
    if (n != 4 || !(words[0].equals("LOCAL") || digits(words[0], 5)) || !digits(words[1], 4)
        || !(words[3].equals("?") || digits(words[3], 9))) {
      return Optional.empty();
    }
    int vlan = Integer.parseInt(words[1]);
    if (vlan > 4095) {
      return Optional.empty();
    }
    String port = words[0];
    return MacAddress.tryParse(words[2]).map(mac -> new Entry(port, vlan, mac));
  }

  private static boolean digits(String word, int most) {
    if (word.isEmpty() || word.length() > most) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) < '0' || word.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
