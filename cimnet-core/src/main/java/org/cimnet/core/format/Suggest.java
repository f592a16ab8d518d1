package org.cimnet.core.format;

import java.util.Collection;

/**
 * "Did you mean" for misspelt keys and names: the closest candidate within two edits. YAML keys
 * and names, and render settings ({@code spi.Renderers}), use it, so a misspelling is answered
 * the same way everywhere.
 */
public final class Suggest {
  private Suggest() {}

  public static String didYouMean(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = 3;
    for (String c : candidates) {
      int d = distance(typed, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) {
      return 3;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
