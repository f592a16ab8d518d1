package org.cimnet.core.model;

import java.util.Objects;
import org.cimnet.core.format.Quote;

/**
 * One problem with a network, or one warning: a stable problem id (such as {@code
 * subnet.overlap}, listed in {@code check.ProblemIds}), the path of the offending element, by
 * name where it has one (such as {@code subnets[dmz].cidr}), and a message that quotes the value
 * and says what is allowed.
 */
public record Problem(String id, String path, String message) {
  public Problem {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(message, "message == null");
    // Whatever a check quoted, no control or invisible character reaches a report line.
    path = Quote.safe(path);
    message = Quote.safe(message);
  }

  @Override
  public String toString() {
    return "[" + id + "] " + path + ": " + message;
  }
}
