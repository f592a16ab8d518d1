package org.cimnet.watch;

import org.cimnet.core.format.Quote;

/** Text shown to people: escaped by cimnet's one function for messages, long text cut. */
final class Text {
  private static final int MOST = 200;

  private Text() {}

  /** {@code text} escaped by {@link Quote#escape}, cut after {@value #MOST} characters. */
  static String escaped(String text) {
    return text.length() > MOST ? Quote.escape(text.substring(0, MOST)) + "..."
        : Quote.escape(text);
  }
}
