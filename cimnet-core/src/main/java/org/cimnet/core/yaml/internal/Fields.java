package org.cimnet.core.yaml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.cimnet.core.format.Suggest;

/**
 * Typed access to a parsed file that records every problem (with file, line, column, key path,
 * the value and what is allowed) and goes on, so one load reports everything at once.
 *
 * <p>Public only so the event log ({@code org.cimnet.core.event}) shares this codec with the
 * YAML files; it is not part of cimnet's user API.
 */
public final class Fields {
  public final String file;
  public final List<ReadProblem> problems;

  public Fields(String file, List<ReadProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  public void problem(int line, int column, String path, String message) {
    problems.add(new ReadProblem(file, line, column, path, message));
  }

  public void problem(Node at, String path, String message) {
    problem(at.line(), at.column(), path, message);
  }

  /**
   * Runs a model or builder step; its IllegalArgumentException or IllegalStateException (whose
   * message names the element and quotes the value) becomes a problem at {@code at}.
   */
  public <T> Optional<T> attempt(Node at, String path, Supplier<T> step) {
    return attempt(at.line(), at.column(), path, step);
  }

  public <T> Optional<T> attempt(int line, int column, String path, Supplier<T> step) {
    try {
      return Optional.ofNullable(step.get());
    } catch (IllegalArgumentException | IllegalStateException e) {
      problem(line, column, path, e.getMessage());
      return Optional.empty();
    }
  }

  /** A mapping whose keys must all be in {@code allowed}; each unknown key is a problem. */
  public Optional<Obj> obj(Node node, String path, String what, String... allowed) {
    if (!(node instanceof Node.MapNode map)) {
      problem(node, path, "expected " + what + " (a mapping with keys " + String.join(", ",
          allowed) + "), found " + node.describe());
      return Optional.empty();
    }
    List<String> keys = List.of(allowed);
    for (Map.Entry<String, int[]> k : map.keys().entrySet()) {
      if (!keys.contains(k.getKey())) {
        problem(k.getValue()[0], k.getValue()[1], join(path, k.getKey()), "unknown key '"
            + k.getKey() + "': allowed here: " + String.join(", ", allowed)
            + Suggest.didYouMean(k.getKey(), keys));
      }
    }
    return Optional.of(new Obj(map, path, allowed));
  }

  public Optional<Node.MapNode> map(Node node, String path, String what) {
    if (node instanceof Node.MapNode map) {
      return Optional.of(map);
    }
    problem(node, path, "expected " + what + ", found " + node.describe());
    return Optional.empty();
  }

  /** A list; {@code null} (an empty value) counts as an empty list. */
  public List<Node> list(Node node, String path, String what) {
    if (node instanceof Node.ListNode list) {
      return list.items();
    }
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NULL) {
      return List.of();
    }
    problem(node, path, "expected a list of " + what + ", found " + node.describe());
    return List.of();
  }

  /** A scalar's text, whatever type YAML gave it (names and addresses are strings). */
  public Optional<String> string(Node node, String path, String what) {
    if (node instanceof Node.Scalar s && s.kind() != Node.Scalar.Kind.NULL) {
      return Optional.of(s.text());
    }
    problem(node, path, "expected " + what + ", found " + node.describe());
    return Optional.empty();
  }

  public Optional<Integer> integer(Node node, String path, String what) {
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.INT
        && s.text().matches("[-+]?\\d{1,9}")) {
      return Optional.of(Integer.parseInt(s.text()));
    }
    problem(node, path, "expected " + what + " (a whole number), found " + node.describe());
    return Optional.empty();
  }

  public Optional<Boolean> bool(Node node, String path) {
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.BOOL
        && (s.text().equals("true") || s.text().equals("false"))) {
      return Optional.of(s.text().equals("true"));
    }
    problem(node, path, "expected true or false, found " + node.describe());
    return Optional.empty();
  }

  /**
   * How a path names the {@code index}-th item of a list: by its {@code name} when it has a
   * {@code valid} one not already used in {@code seen}, else by its index. Paths name elements
   * the way the checker's do ({@code subnets[dmz].cidr}); an item without a usable name (a rule,
   * a link, a misspelt or repeated name) keeps its index ({@code rules[3].from}).
   */
  public static String item(Node item, int index, Set<String> seen, Predicate<String> valid) {
    if (item instanceof Node.MapNode m && m.entries().get("name") instanceof Node.Scalar s
        && s.kind() == Node.Scalar.Kind.STRING && valid.test(s.text()) && seen.add(s.text())) {
      return "[" + s.text() + "]";
    }
    return "[" + index + "]";
  }

  /** The path of a mapping's entry whose key is a name (a leaf, an attachment's subnet). */
  public static String entry(String path, String key) {
    return path + "[" + key + "]";
  }

  public static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A mapping being read: required and optional keys. */
  public final class Obj {
    public final Node.MapNode map;
    public final String path;
    private final String[] allowed;

    Obj(Node.MapNode map, String path, String[] allowed) {
      this.map = map;
      this.path = path;
      this.allowed = allowed;
    }

    public String path(String key) {
      return join(path, key);
    }

    public Optional<Node> opt(String key) {
      return Optional.ofNullable(map.entries().get(key));
    }

    /** The value of a required key; its absence is a problem at the mapping. */
    public Optional<Node> req(String key) {
      Node n = map.entries().get(key);
      if (n == null) {
        List<String> keys = new ArrayList<>(List.of(allowed));
        problem(map, path, "missing the required key '" + key + "' (keys here: "
            + String.join(", ", keys) + ")");
      }
      return Optional.ofNullable(n);
    }

    public Optional<String> reqString(String key, String what) {
      return req(key).flatMap(n -> string(n, path(key), what));
    }

    public Optional<String> optString(String key, String what) {
      return opt(key).flatMap(n -> string(n, path(key), what));
    }
  }
}
