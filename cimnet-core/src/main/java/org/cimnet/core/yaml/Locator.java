package org.cimnet.core.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.yaml.internal.Node;

/**
 * Finds where in network.yaml or parts.yaml a checker path ({@code subnets[dmz].cidr},
 * {@code hosts[vhost-dev].nics[eth2].mac}, {@code rules[3].from}) was written.
 *
 * <p>A bracket selects a list item by its {@code name}, by its text (a service in
 * {@code publishes}) or by its index, or a mapping entry by its key (a leaf, an attachment); a
 * camelCase key is looked up in snake_case. Where the path goes on past what the file says (a
 * VLAN IPAM handed out), the deepest element written is the place; the file whose match is
 * deeper wins, network.yaml on a tie.
 */
final class Locator {
  private final List<Tree> trees;

  record Tree(String file, Node root) {}

  /** Where a path was found: the file and the node. */
  record Place(String file, Node node) {}

  Locator(List<Tree> trees) {
    this.trees = List.copyOf(trees);
  }

  Optional<Place> find(String path) {
    List<String> steps = steps(path);
    Place best = null;
    int bestDepth = 0;
    for (Tree t : trees) {
      Node at = t.root();
      int depth = 0;
      for (String step : steps) {
        Node next = step(at, step);
        if (next == null) {
          break;
        }
        at = next;
        depth++;
      }
      if (depth > bestDepth) {
        best = new Place(t.file(), at);
        bestDepth = depth;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code a[b].c[d]} to {@code a, [b, c, [d}: keys plain, selectors with a leading '['. */
  private static List<String> steps(String path) {
    List<String> steps = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          break;
        }
        flush(key, steps);
        steps.add("[" + path.substring(i + 1, end));
        i = end;
      } else if (c == '.') {
        flush(key, steps);
      } else {
        key.append(c);
      }
    }
    flush(key, steps);
    return steps;
  }

  private static void flush(StringBuilder key, List<String> steps) {
    if (key.length() > 0) {
      steps.add(key.toString());
      key.setLength(0);
    }
  }

  private static Node step(Node at, String step) {
    if (step.startsWith("[")) {
      String sel = step.substring(1);
      if (at instanceof Node.ListNode list) {
        for (Node item : list.items()) {
          if (item instanceof Node.MapNode m && m.entries().get("name") instanceof Node.Scalar s
              && s.text().equals(sel)) {
            return item;
          }
          if (item instanceof Node.Scalar s && s.text().equals(sel)) {
            return item;
          }
        }
        if (sel.matches("\\d{1,6}") && Integer.parseInt(sel) < list.items().size()) {
          return list.items().get(Integer.parseInt(sel));
        }
        return null;
      }
      return at instanceof Node.MapNode m ? m.entries().get(sel) : null;
    }
    if (at instanceof Node.MapNode m) {
      Node n = m.entries().get(step);
      return n != null ? n : m.entries().get(snake(step));
    }
    return null;
  }

  private static String snake(String key) {
    StringBuilder s = new StringBuilder();
    for (char c : key.toCharArray()) {
      if (Character.isUpperCase(c)) {
        s.append('_').append(Character.toLowerCase(c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
