package org.cimnet.core.yaml.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed YAML or JSON value that remembers where it was written, so every problem found later
 * (a bad CIDR, a dangling reference) points at a line and column. Jackson's own tree drops
 * locations, hence this small one.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {

  /** Where the value starts: 1-based line and column. */
  int line();

  int column();

  /** What the value is, for "expected X, found Y" messages. */
  String describe();

  /** A mapping; keys keep their order. {@code keys} maps each key to where the key was. */
  record MapNode(Map<String, Node> entries, Map<String, int[]> keys, int line, int column)
      implements Node {
    public MapNode {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A sequence. */
  record ListNode(List<Node> items, int line, int column) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar as written, with the type the parser resolved ({@code STRING}, {@code INT},
   * {@code FLOAT}, {@code BOOL}, {@code NULL}).
   */
  record Scalar(String text, Kind kind, int line, int column) implements Node {
    /** The resolved type of a scalar. */
    public enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    public Scalar {
      Objects.requireNonNull(text, "text == null");
      Objects.requireNonNull(kind, "kind == null");
    }

    @Override
    public String describe() {
      return kind == Kind.NULL ? "nothing (null)" : "'" + text + "'";
    }
  }
}
