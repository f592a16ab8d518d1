package org.cimnet.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.cimnet.core.yaml.internal.TreeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile sizes: refused quickly with a message, never a stack trace or a hang. */
class LimitsTest {
  @Test
  @Timeout(20)
  void aHugeDocumentIsRefusedBeforeParsing() {
    byte[] huge = new byte[TreeReader.MAX_BYTES + 1];
    Arrays.fill(huge, (byte) '#');
    LoadReport r = NetworkYaml.read(huge, "network.yaml", Optional.empty(), "parts.yaml");
    assertEquals("1 problem:\n  network.yaml:1:1: the file is 67108865 bytes: at most 67108864"
        + " are read\n", r.toText());
  }

  @Test
  @Timeout(20)
  void deepNestingIsRefused() {
    String deep = "name: x\nsupernet: 10.0.0.0/8\nsubnets: " + "[".repeat(5000)
        + "]".repeat(5000) + "\n";
    LoadReport r = NetworkYaml.read(deep.getBytes(StandardCharsets.UTF_8), "network.yaml",
        Optional.empty(), "parts.yaml");
    assertEquals(1, r.problems().size(), r::toText);
    assertEquals("1 problem:\n  network.yaml:3:42: refused: nested deeper than 32 levels; cimnet"
        + " files never are\n", r.toText());
  }

  @Test
  @Timeout(20)
  void aHugeScalarIsRefused() {
    // Names are at most 63 characters; a 200,000-character one is refused as too long to read.
    String big = "name: " + "a".repeat(200_000) + "\nsupernet: 10.0.0.0/8\n";
    LoadReport r = NetworkYaml.read(big.getBytes(StandardCharsets.UTF_8), "network.yaml",
        Optional.empty(), "parts.yaml");
    assertEquals("2 problems:\n  network.yaml:1:7: name: refused: a value longer than 10000"
        + " characters\n  network.yaml:1:7: name: expected the network's name, found nothing"
        + " (null)\n", r.toText());
  }
}
