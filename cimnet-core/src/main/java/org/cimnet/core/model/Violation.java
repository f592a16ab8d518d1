package org.cimnet.core.model;

import java.util.Objects;
import org.cimnet.core.format.Quote;

/**
 * One problem with a network: a stable rule id (such as {@code subnet.overlap}), the path of the
 * offending element (such as {@code subnets[dmz].cidr}) and a message that quotes the value and
 * says what is allowed.
 */
public record Violation(String rule, String path, String message) {
  public Violation {
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(message, "message == null");
    // Whatever a rule quoted, no control or invisible character reaches a report line.
    path = Quote.safe(path);
    message = Quote.safe(message);
  }

  @Override
  public String toString() {
    return "[" + rule + "] " + path + ": " + message;
  }
}
