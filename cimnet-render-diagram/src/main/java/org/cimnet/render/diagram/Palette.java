package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colour of each zone, the same in every picture: the seed's zones keep fixed colours
 * (private blue, dmz orange, management violet); other zones take the rest in order of first
 * appearance. Colours are light fills with a darker outline, readable in print.
 */
final class Palette {
  /** A zone's colours and the short id pictures use for its style. */
  record Colour(String id, String fill, String stroke) {}

  private static final Map<String, String[]> FIXED = Map.of(
      "private", new String[] {"#dbeafe", "#1d4ed8"},
      "dmz", new String[] {"#ffedd5", "#c2410c"},
      "management", new String[] {"#ede9fe", "#6d28d9"});
  private static final String[][] OTHERS = {
      {"#dcfce7", "#15803d"}, {"#fef9c3", "#a16207"}, {"#fce7f3", "#be185d"},
      {"#cffafe", "#0e7490"}, {"#f1f5f9", "#475569"}};

  private final Map<String, Colour> colours = new LinkedHashMap<>();

  Palette(List<String> zones) {
    int other = 0;
    for (String zone : zones) {
      String[] c = FIXED.get(zone);
      if (c == null) {
        c = OTHERS[other++ % OTHERS.length];
      }
      colours.put(zone, new Colour("z" + colours.size(), c[0], c[1]));
    }
  }

  Colour of(String zone) {
    return colours.get(zone);
  }

  List<Map.Entry<String, Colour>> all() {
    return new ArrayList<>(colours.entrySet());
  }
}
