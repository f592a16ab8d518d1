package org.cimnet.render.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cimnet.core.format.nix.NixStrings;
import org.cimnet.core.model.Names;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;

/**
 * Names and values reach Nix only through NixStrings: hostile text never breaks out of a string,
 * and what Nix reads back is exactly what went in (checked by nix-instantiate itself).
 */
class NixEscapingTest {
  static final List<String> HOSTILE = List.of("plain", "a\"b", "\"; x = 1; \"", "${x}",
      "$${x}", "\\${x}", "\\", "a\\\\b", "$", "${", "}", "''", "'''", "''${x}", "a'", "'",
      "tab\there", "cr\rhere", "ab\\n", "${builtins.abort \"x\"}", "# c", "/* c */", "{ }",
      "\u00e9\u00fc\u2603", " lead", "trail ");

  /** Evaluates a Nix list expression to the strings it holds. */
  static List<String> eval(String listExpression) throws Exception {
    Tools.require("nix-instantiate");
    Proc.Result r = Proc.run(List.of("nix-instantiate", "--eval", "--strict", "--json", "-E",
        listExpression));
    assertTrue(r.ok(), r.output());
    String json = r.output().lines().filter(l -> l.startsWith("[")).findFirst().orElseThrow();
    return List.of(new ObjectMapper().readValue(json, String[].class));
  }

  @Test
  void doubleQuotedStringsRoundTrip() throws Exception {
    List<String> all = new ArrayList<>(HOSTILE);
    all.add("line\nbreak");
    StringBuilder e = new StringBuilder("[");
    all.forEach(s -> e.append(' ').append(NixStrings.string(s)));
    assertEquals(all, eval(e.append(" ]").toString()));
  }

  @Test
  void indentedLinesRoundTrip() throws Exception {
    // A marker first keeps each line's own leading spaces out of Nix's indentation stripping.
    StringBuilder e = new StringBuilder("[");
    List<String> expected = new ArrayList<>();
    for (String s : HOSTILE) {
      e.append(" ''\n    |").append(NixStrings.indentedLine(s)).append("\n  ''");
      expected.add("|" + s + "\n");
    }
    assertEquals(expected, eval(e.append(" ]").toString()));
  }

  @Test
  void indentedLinesRefuseLineBreaks() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NixStrings.indentedLine("a\nb"));
    assertEquals("Indented Nix string line contains a line break: 'a\\nb'", e.getMessage());
  }

  @Test
  void attributeNamesRoundTrip() throws Exception {
    List<String> names = List.of("lan", "ve-bus.1", "10-eth0", "with", "or", "a b", "${x}",
        "container@db1", "a\"b");
    StringBuilder e = new StringBuilder("builtins.attrNames {");
    names.forEach(n -> e.append(' ').append(NixStrings.attr(n)).append(" = 1;"));
    assertEquals(names.stream().sorted().toList(), eval(e.append(" }").toString()));
  }

  @Provide
  Arbitrary<List<String>> labels() {
    Arbitrary<Character> first = Arbitraries.chars().range('a', 'z');
    Arbitrary<String> rest = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz"
        + "0123456789-").ofMaxLength(60);
    Arbitrary<Character> last = Arbitraries.chars().range('a', 'z').with('0', '9');
    return net.jqwik.api.Combinators.combine(first, rest, last)
        .as((f, r, l) -> f + r + l).filter(Names::isValid).list().ofMinSize(1).ofMaxSize(8);
  }

  /** Any name the model accepts, in every place the renderer puts names, reads back as is. */
  @Property(tries = 20)
  void modelNamesRoundTrip(@ForAll("labels") List<String> names)
      throws Exception {
    StringBuilder e = new StringBuilder("let a = {");
    for (String n : names.stream().distinct().toList()) {
      e.append(' ').append(NixStrings.attr(n)).append(" = ").append(NixStrings.string(n))
          .append(';');
    }
    e.append(" }; in builtins.attrValues a ++ [ ''\n");
    names.forEach(n -> e.append("  ").append(NixStrings.indentedLine(n)).append('\n'));
    e.append("'' ]");
    List<String> expected = new ArrayList<>(names.stream().distinct().sorted().toList());
    expected.add(String.join("\n", names) + "\n");
    assertEquals(expected, eval(e.toString()));
  }
}
