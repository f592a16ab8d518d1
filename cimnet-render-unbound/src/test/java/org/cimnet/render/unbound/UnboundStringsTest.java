package org.cimnet.render.unbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cimnet.testkit.LiveUnbound;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnboundStringsTest {

  static List<Arguments> names() {
    return List.of(
        Arguments.of("web.lan.cim.internal", "web.lan.cim.internal."),
        Arguments.of("web.lan.cim.internal.", "web.lan.cim.internal."),
        Arguments.of("", "."),
        Arguments.of(".", "."),
        Arguments.of("Under_score-1.x", "Under_score-1.x."),
        Arguments.of("a b.x", "a\\032b.x."),
        Arguments.of("a\"b.x", "a\\034b.x."),
        Arguments.of("a'b.x", "a\\039b.x."),
        Arguments.of("a\\b.x", "a\\092b.x."),
        Arguments.of("a;b.x", "a\\059b.x."),
        Arguments.of("a#b.x", "a\\035b.x."),
        Arguments.of("a(b).x", "a\\040b\\041.x."),
        Arguments.of("a$b@c.x", "a\\036b\\064c.x."),
        Arguments.of("a\nb\tc.x", "a\\010b\\009c.x."),
        Arguments.of("\u00e9.x", "\\195\\169.x."));
  }

  @ParameterizedTest
  @MethodSource("names")
  void namesBecomePresentationForm(String input, String expected) {
    assertEquals(expected, UnboundStrings.name(input));
  }

  @Test
  void anEmptyLabelIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UnboundStrings.name("a..b"));
    assertEquals("DNS name 'a..b': label '' must be 1 to 63 octets long", e.getMessage());
  }

  @Test
  void aLabelOver63OctetsIsRefused() {
    String label = "a".repeat(64);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UnboundStrings.name(label + ".x"));
    assertEquals("DNS name '" + label + ".x': label '" + label + "' must be 1 to 63 octets long",
        e.getMessage());
  }

  static List<Arguments> arguments() {
    return List.of(
        Arguments.of("127.0.0.1", "127.0.0.1"),
        Arguments.of("192.168.1.0/24", "192.168.1.0/24"),
        Arguments.of("53", "53"),
        Arguments.of("/var/lib/unbound", "/var/lib/unbound"),
        Arguments.of("", "\"\""),
        Arguments.of("/tmp/a b", "\"/tmp/a b\""),
        Arguments.of("a#b", "\"a#b\""),
        Arguments.of("it's", "\"it's\""),
        Arguments.of("say \"hi\"", "'say \"hi\"'"),
        Arguments.of("a\\032b", "\"a\\032b\""),
        Arguments.of("ends\\\\", "\"ends\\\\\""),
        Arguments.of("x. 300 IN A 10.0.0.1", "\"x. 300 IN A 10.0.0.1\""));
  }

  @ParameterizedTest
  @MethodSource("arguments")
  void argumentsAreQuotedOnlyWhenNeeded(String input, String expected) {
    assertEquals(expected, UnboundStrings.quote(input));
  }

  static List<Arguments> refused() {
    return List.of(
        Arguments.of("a\nb", "Unbound value 'a\\nb' holds the control character U+000A: only"
            + " printable characters fit in an Unbound argument"),
        Arguments.of("a\tb", "Unbound value 'a\tb' holds the control character U+0009: only"
            + " printable characters fit in an Unbound argument"),
        Arguments.of("a\\", "Unbound value 'a\\' ends in a lone backslash, which would escape"
            + " its closing quote"),
        Arguments.of("'\"", "Unbound value ''\"' holds both ' and \": an Unbound argument can"
            + " be quoted with only one of them"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void whatNoQuotingCarriesIsRefused(String input, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UnboundStrings.quote(input));
    assertEquals(expected, e.getMessage());
  }

  /** Every special character survives the config lexer and the RR parser of a real Unbound. */
  @Test
  void aRealUnboundLoadsAndAnswersEscapedNames(@TempDir Path dir) throws Exception {
    Tools.require("unbound", "unbound-checkconf", "dig");
    String raw = "a b\"c'd\\e;f#g(h)$i\u00e9.weird.test";
    String name = UnboundStrings.name(raw);
    Path odd = Files.createDirectories(dir.resolve("dir with 'quote' #hash"));
    int port = LiveUnbound.freePort();
    String conf = "server:\n  interface: 127.0.0.1\n  port: " + port + "\n  username: \"\"\n"
        + "  chroot: \"\"\n  directory: " + UnboundStrings.quote(odd.toString()) + "\n"
        + "  pidfile: \"\"\n  local-zone: " + UnboundStrings.quoted("weird.test.") + " static\n"
        + "  local-data: " + UnboundStrings.quoted(name + " 300 IN A 10.9.8.7") + "\n"
        + "  local-data-ptr: " + UnboundStrings.quoted("10.9.8.7 300 " + name) + "\n";
    Path file = dir.resolve("unbound.conf");
    Files.writeString(file, conf);
    Proc.Result check = Proc.run(List.of("unbound-checkconf", file.toString()), dir, 60);
    assertEquals(0, check.exit(), check.output() + "\n" + conf);
    try (LiveUnbound live = LiveUnbound.start(file, port, "nosuch.weird.test")) {
      Proc.Result a = Proc.run(List.of("dig", "@127.0.0.1", "-p", String.valueOf(port),
          "+short", name, "A"), dir, 30);
      assertEquals("10.9.8.7\n", a.output());
      // dig prints the name back in its own presentation form; read it back octet by octet.
      Proc.Result ptr = Proc.run(List.of("dig", "@127.0.0.1", "-p", String.valueOf(port),
          "+short", "-x", "10.9.8.7"), dir, 30);
      assertEquals(raw + ".", unescape(ptr.output().strip()));
    }
  }

  /** Reads DNS presentation form ({@code \DDD} and {@code \c}) back into UTF-8 text. */
  private static String unescape(String presentation) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < presentation.length(); i++) {
      char c = presentation.charAt(i);
      if (c == '\\' && i + 3 < presentation.length() + 1
          && presentation.substring(i + 1, Math.min(i + 4, presentation.length()))
              .matches("\\d{3}")) {
        out.write(Integer.parseInt(presentation.substring(i + 1, i + 4)));
        i += 3;
      } else if (c == '\\') {
        out.write(presentation.charAt(++i));
      } else {
        out.write(c);
      }
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
