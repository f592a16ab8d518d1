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

  private static Optional<Entry> entry(String line) {
    String[] words = line.split("\\s+");
    if (words.length != 4 || !(words[0].equals("LOCAL") || words[0].matches("\\d{1,5}"))
        || !words[1].matches("\\d{1,4}") || !words[3].matches("\\d{1,9}|\\?")) {
      return Optional.empty();
    }
    int vlan = Integer.parseInt(words[1]);
    if (vlan > 4095) {
      return Optional.empty();
    }
    return MacAddress.tryParse(words[2]).map(mac -> new Entry(words[0], vlan, mac));
  }
}
