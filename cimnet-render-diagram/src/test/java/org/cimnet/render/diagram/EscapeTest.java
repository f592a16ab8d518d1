package org.cimnet.render.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each format's one escaping function, on tables of inputs that would break out. */
class EscapeTest {
  @Test
  void htmlEscapesMarkupQuotesAndControlCharacters() {
    assertEquals("a&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Escape.html("a<b> & \"c\" 'd'"));
    assertEquals("x\uFFFDy", Escape.html("x\u0001y"));
    assertEquals("lan", Escape.html("lan"));
  }

  @Test
  void dotQuotesAndEscapesBackslashesAndQuotes() {
    assertEquals("\"lan\"", Escape.dot("lan"));
    assertEquals("\"a\\\"b\\\\c\"", Escape.dot("a\"b\\c"));
    assertEquals("\"one\\ntwo\"", Escape.dot("one", "two"));
    assertEquals("\"a b\"", Escape.dot("a\nb"));
  }

  @Test
  void mermaidUsesEntityCodesForWhatWouldEndOrMarkUpALabel() {
    assertEquals("\"lan\"", Escape.mermaid("lan"));
    assertEquals("\"#quot;x#quot; #35;1 #lt;b#gt; #amp; #59; #96;\"",
        Escape.mermaid("\"x\" #1 <b> & ; `"));
    assertEquals("\"one<br/>two\"", Escape.mermaid("one", "two"));
  }

  @Test
  void csvQuotesOnlyWhatNeedsIt() {
    assertEquals("lan", Escape.csv("lan"));
    assertEquals("\"101,103\"", Escape.csv("101,103"));
    assertEquals("\"say \"\"hi\"\"\"", Escape.csv("say \"hi\""));
    assertEquals("\"a\nb\"", Escape.csv("a\nb"));
    assertEquals("a,\"b,c\",\n", Escape.csvLine("a", "b,c", ""));
  }

  @Test
  void vlanListsBecomeRanges() {
    assertEquals("-", Text.vlans(java.util.List.of()));
    assertEquals("101-107", Text.vlans(java.util.List.of(101, 102, 103, 104, 105, 106, 107)));
    assertEquals("101,103,105-106", Text.vlans(java.util.List.of(106, 101, 103, 105)));
    assertEquals("100,000", Text.count(100_000));
  }
}
