package org.cimnet.render.ovs;

import static org.cimnet.render.ovs.PrivateSwitch.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one escaping function set, as a table, and checked by the real bash and OVSDB. */
class OvsStringsTest {
  /** Texts that must survive both layers unchanged; each one breaks a naive writer. */
  static final List<String> NASTY = List.of("plain", "leaf1-up", "ve-bus.1", "", " ", "a b",
      "it's", "'", "''", "\"", "back\\slash", "$HOME", "${x}", "$(id)", "`id`", "a;b", "a&b",
      "a|b", "a>b", "a<b", "*", "?", "[a]", "{a,b}", "~root", "#hash", "!bang", "%x", "a=b",
      "mac=\"x\"", "52:54:00:00:00:01", "a,b", "{}", "[]", "true", "false", "123", "-1",
      "550e8400-e29b-41d4-a716-446655440000", "tab\there", "new\nline", "cr\rx", "\u0001ctl",
      "del\u007f", "über", "日本", "emoji\uD83D\uDE00", "--", "-- set Bridge x fail_mode=standalone");

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
      "leaf1|leaf1",
      "ve-bus.1|ve-bus.1",
      "trunks=101,107|trunks=101,107",
      "^^|''",
      "a b|'a b'",
      "it's|'it'\\''s'",
      "$HOME|'$HOME'",
      "trunks=[]|'trunks=[]'",
      "~x|'~x'",
      "a*|'a*'",
      "mac=\"52:54:00:00:00:01\"|'mac=\"52:54:00:00:00:01\"'",
  })
  void wordTable(String text, String word) {
    assertEquals(word, OvsStrings.word(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
      "leaf1|\"leaf1\"",
      "52:54:00:00:00:01|\"52:54:00:00:00:01\"",
      "a\"b|\"a\\\"b\"",
      "a\\b|\"a\\\\b\"",
      "^^|\"\"",
      "true|\"true\"",
  })
  void valueTable(String text, String value) {
    assertEquals(value, OvsStrings.value(text));
  }

  @Test
  void controlCharactersAreEscapedInValues() {
    assertEquals("\"a\\nb\\tc\\rd\\u0001e\\u007f\"", OvsStrings.value("a\nb\tc\rd\u0001e\u007f"));
  }

  @Test
  void planFieldsKeepNamesAndRejectControlCharacters() {
    assertEquals("ve-c1.2", OvsStrings.field("ve-c1.2"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OvsStrings.field("a\tb"));
    assertTrue(e.getMessage().contains("'a?b'") && e.getMessage().contains("U+0009"),
        e.getMessage());
  }

  @Test
  void commentsStayOnOneLine() {
    assertEquals("host x?rm -rf /?y", OvsStrings.comment("host x\nrm -rf /\ry"));
    for (String s : NASTY) {
      assertFalse(OvsStrings.comment(s).matches("(?s).*[\\n\\r\\u2028\\u2029\\u0085].*"), s);
    }
  }

  @Test
  void nulIsRejectedNamingTheText() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OvsStrings.word("a\0b"));
    assertTrue(e.getMessage().contains("'a\\0b'"), e.getMessage());
  }

  /** bash itself splits every word back into exactly the original text. */
  @Test
  void bashReadsEveryWordBack(@TempDir Path dir) throws IOException, InterruptedException {
    Tools.require("bash");
    StringBuilder script = new StringBuilder("set -euo pipefail\nprintf '%s\\0'");
    for (String s : NASTY) {
      script.append(' ').append(OvsStrings.word(s));
    }
    script.append('\n');
    Path file = dir.resolve("words.sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
    List<String> back = new ArrayList<>(List.of(new String(out, StandardCharsets.UTF_8)
        .split("\0", -1)));
    back.remove(back.size() - 1);
    assertEquals(NASTY, back);
  }

  /**
   * A scratch database (no switch, no root) stores every value exactly: each text goes the way
   * the setup script sends it, inside a JSON transaction in a file that bash hands to
   * {@code ovsdb-client transact} as one argument.
   */
  @Test
  void ovsdbStoresEveryValueExactly(@TempDir Path dir) throws IOException,
      InterruptedException {
    Tools.require("bash", "ovs-vsctl", "ovsdb-tool", "ovsdb-server", "ovsdb-client");
    Path db = dir.resolve("conf.db");
    check(Proc.run(List.of("ovsdb-tool", "create", db.toString(),
        "/usr/share/openvswitch/vswitch.ovsschema"), null, 30));
    Path sock = dir.resolve("db.sock");
    Process server = new ProcessBuilder("ovsdb-server", db.toString(), "--remote=punix:" + sock,
        "--unixctl=" + dir.resolve("ctl"), "--log-file=" + dir.resolve("log"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
    try {
      assertTrue(PrivateSwitch.eventually(() -> Files.exists(sock)), "ovsdb-server came up");
      check(Proc.run(List.of("ovs-vsctl", "--no-wait", "--db=unix:" + sock, "init"), null, 10));
      StringBuilder tx = new StringBuilder("[\"Open_vSwitch\",{\"op\":\"mutate\",\"table\":"
          + "\"Open_vSwitch\",\"where\":[],\"mutations\":[[\"external_ids\",\"insert\","
          + "[\"map\",[");
      for (int i = 0; i < NASTY.size(); i++) {
        tx.append(i > 0 ? "," : "").append("[\"k").append(i).append("\",")
            .append(OvsStrings.value(NASTY.get(i))).append(']');
      }
      tx.append("]]]]}]");
      Files.writeString(dir.resolve("tx"), tx, StandardCharsets.UTF_8);
      String script = "set -euo pipefail\nreply=$(ovsdb-client transact " + OvsStrings.word(
          "unix:" + sock) + " \"$(<" + OvsStrings.word(dir.resolve("tx").toString()) + ")\")\n"
          + "case $reply in *'\"error\":'*) echo \"$reply\"; exit 1 ;; esac\n";
      Path file = dir.resolve("values.sh");
      Files.writeString(file, script, StandardCharsets.UTF_8);
      check(Proc.run(List.of("bash", file.toString()), null, 60));
      for (int i = 0; i < NASTY.size(); i++) {
        // --format=json prints the value as a JSON string: compare through our own encoder.
        String got = check(Proc.run(List.of("ovs-vsctl", "--no-wait", "--db=unix:" + sock,
            "--if-exists", "get", "Open_vSwitch", ".", "external_ids:k" + i), null, 10))
            .output().strip();
        String expected = OvsStrings.value(NASTY.get(i));
        assertEquals(unjson(expected), unjson(got), "value " + i + ": " + NASTY.get(i));
      }
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Decodes ovs-vsctl's printed string (bare, or a JSON string literal) to its text. */
  private static String unjson(String printed) {
    if (!printed.startsWith("\"")) {
      return printed;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < printed.length() - 1; i++) {
      char c = printed.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char n = printed.charAt(++i);
      switch (n) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          b.append((char) Integer.parseInt(printed.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(n);
      }
    }
    return b.toString();
  }
}
