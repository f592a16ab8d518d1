package org.cimnet.core.model;

import java.util.function.Supplier;

/** Wraps a value parser so its error names the element being built. */
final class Messages {
  private Messages() {}

  /** Runs {@code parse}; an IllegalArgumentException gains the prefix {@code "<element>: "}. */
  static <T> T in(String element, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(element + ": " + e.getMessage(), e);
    }
  }

  static String quote(String kind, String name) {
    return kind + " '" + name + "'";
  }
}
