package org.cimnet.lab;

import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.model.Service;

/**
 * What the checker proved about one probe: may {@code from} open a connection to {@code to} for
 * {@code service}, and who answers. The lab compares what really happens against it.
 */
@FunctionalInterface
public interface Expectation {

  /** The verdict for a TCP connection from {@code from} to {@code to} on {@code service}. */
  Verdict tcp(Node from, Node to, Service service);

  /**
   * A verdict.
   *
   * @param reaches the identity expected to answer when open (see {@link Node#identity()})
   * @param why the rule that allows it, or why nothing does
   */
  record Verdict(boolean open, Optional<String> reaches, String why) {
    public Verdict {
      Objects.requireNonNull(reaches, "reaches == null");
      Objects.requireNonNull(why, "why == null");
    }

    public static Verdict open(String reaches, String why) {
      return new Verdict(true, Optional.of(reaches), why);
    }

    public static Verdict closed(String why) {
      return new Verdict(false, Optional.empty(), why);
    }

    /** How a report prints it: {@code open (web1)} or {@code closed}. */
    public String text() {
      return open ? "open (" + reaches.orElse("?") + ")" : "closed";
    }
  }
}
