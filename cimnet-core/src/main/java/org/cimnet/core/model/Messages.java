package org.cimnet.core.model;

import java.util.function.Supplier;
import org.cimnet.core.format.Quote;

/** Wraps a value parser so its error names the element being built. */
final class Messages {
  private Messages() {}

  /** Runs {@code parse}; an IllegalArgumentException gains the prefix {@code "<element>: "}. */
  static <T> T in(String element, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      // The element's own text may quote a raw value ("Rule can_connect(<from>, <to>)").
      throw new IllegalArgumentException(Quote.safe(element + ": " + e.getMessage()), e);
    }
  }

  /**
   * {@code value}, or a NullPointerException naming the element and the argument
   * ({@code "Host 'h1': leaf subnets == null"}), never a bare {@code null}.
   */
  static <T> T given(T value, String element, String argument) {
    if (value == null) {
      throw new NullPointerException(element + ": " + argument + " == null");
    }
    return value;
  }

  /** {@link #given} for an array and each of its items ({@code services[1] == null}). */
  static <T> T[] givenAll(T[] values, String element, String argument) {
    given(values, element, argument);
    for (int i = 0; i < values.length; i++) {
      given(values[i], element, argument + "[" + i + "]");
    }
    return values;
  }

  static String quote(String kind, String name) {
    return kind + " '" + name + "'";
  }
}
