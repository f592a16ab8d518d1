package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.check.Checker;
import org.cimnet.core.model.Network;
import org.cimnet.core.yaml.LoadReport;
import org.cimnet.core.yaml.NetworkYaml;
import org.junit.jupiter.api.Test;

/** The seed's YAML files, written by hand, describe exactly SeedNetwork and fit the schemas. */
class SeedYamlTest {
  private static byte[] resource(String path) throws IOException {
    try (InputStream in = SeedYamlTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("no resource " + path);
      }
      return in.readAllBytes();
    }
  }

  private static LoadReport seed() throws IOException {
    return NetworkYaml.read(resource("/seed/network.yaml"), "network.yaml",
        Optional.of(resource("/seed/parts.yaml")), "parts.yaml");
  }

  @Test
  void theSeedsYamlIsTheSeedNetwork() throws IOException {
    LoadReport report = seed();
    assertTrue(report.ok(), report::toText);
    assertEquals(SeedNetwork.build(), report.network().orElseThrow());
  }

  @Test
  void theSeedsYamlFitsTheSchemas() throws IOException {
    assertEquals(List.of(), Schema.check(schema("network"), yaml(resource("/seed/network.yaml"))));
    assertEquals(List.of(), Schema.check(schema("parts"), yaml(resource("/seed/parts.yaml"))));
  }

  /** What cimnet writes fits the schemas too, numbers and all. */
  @Test
  void exportedYamlFitsTheSchemas() throws IOException {
    Network assigned = Checker.check(SeedNetwork.build()).network();
    assertEquals(List.of(), Schema.check(schema("network"),
        yaml(NetworkYaml.network(assigned).getBytes())));
    assertEquals(List.of(), Schema.check(schema("parts"),
        yaml(NetworkYaml.parts(assigned).getBytes())));
  }

  /** The structural check does fail: an unknown key, a missing key, a bad CIDR, a bad type. */
  @Test
  void theSchemaCheckCatchesStructuralMistakes() throws IOException {
    String broken = new String(resource("/seed/network.yaml"))
        .replace("    cidr: 192.168.1.0/24\n", "    cidr: 192.168.1.0/33x\n    colour: red\n")
        .replace("supernet: 192.168.0.0/21\n", "")
        .replace("reserved: true", "reserved: 3");
    List<String> problems = Schema.check(schema("network"), yaml(broken.getBytes()));
    assertEquals(List.of(
        "$: missing required 'supernet'",
        "$.subnets[0].reserved: expected boolean",
        "$.subnets[1].cidr: '192.168.1.0/33x' does not match ^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$",
        "$.subnets[1].colour: not allowed here"), problems);
  }

  private static JsonNode schema(String name) throws IOException {
    return new ObjectMapper().readTree(resource("/schema/" + name + ".schema.json"));
  }

  private static JsonNode yaml(byte[] bytes) throws IOException {
    return new YAMLMapper().readTree(bytes);
  }

  /**
   * A structural JSON Schema check for the subset cimnet's schemas use: type, const, enum,
   * pattern, minimum, maximum, required, properties, additionalProperties, minProperties,
   * items, oneOf and $ref to $defs. (Enough to hold the files to the schemas' shape without a
   * validator dependency.)
   */
  static final class Schema {
    private final JsonNode root;
    private final List<String> problems = new ArrayList<>();

    private Schema(JsonNode root) {
      this.root = root;
    }

    static List<String> check(JsonNode schema, JsonNode value) {
      Schema s = new Schema(schema);
      s.check(schema, value, "$");
      return s.problems;
    }

    private void check(JsonNode schema, JsonNode value, String path) {
      if (schema.has("$ref")) {
        String ref = schema.get("$ref").asText();
        check(root.at(ref.substring(1)), value, path);
      }
      if (schema.has("oneOf")) {
        int matches = 0;
        for (JsonNode option : schema.get("oneOf")) {
          Schema probe = new Schema(root);
          probe.check(option, value, path);
          matches += probe.problems.isEmpty() ? 1 : 0;
        }
        if (matches != 1) {
          problems.add(path + ": matches " + matches + " of the oneOf options, not exactly one");
        }
      }
      if (schema.has("const") && !schema.get("const").equals(value)) {
        problems.add(path + ": expected " + schema.get("const"));
      }
      if (schema.has("enum")) {
        boolean found = false;
        for (JsonNode e : schema.get("enum")) {
          found |= e.equals(value);
        }
        if (!found) {
          problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
      }
      if (schema.has("type") && !type(schema.get("type").asText(), value)) {
        problems.add(path + ": expected " + schema.get("type").asText());
        return;
      }
      if (value.isTextual() && schema.has("pattern")
          && !value.asText().matches(schema.get("pattern").asText())) {
        problems.add(path + ": '" + value.asText() + "' does not match "
            + schema.get("pattern").asText());
      }
      if (value.isNumber() && schema.has("minimum")
          && value.asLong() < schema.get("minimum").asLong()) {
        problems.add(path + ": below " + schema.get("minimum"));
      }
      if (value.isNumber() && schema.has("maximum")
          && value.asLong() > schema.get("maximum").asLong()) {
        problems.add(path + ": above " + schema.get("maximum"));
      }
      if (value.isObject()) {
        for (JsonNode r : schema.path("required")) {
          if (!value.has(r.asText())) {
            problems.add(path + ": missing required '" + r.asText() + "'");
          }
        }
        if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
          problems.add(path + ": fewer than " + schema.get("minProperties") + " entries");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> f = fields.next();
          String p = path + "." + f.getKey();
          if (schema.path("properties").has(f.getKey())) {
            check(schema.get("properties").get(f.getKey()), f.getValue(), p);
          } else if (schema.has("additionalProperties")) {
            JsonNode extra = schema.get("additionalProperties");
            if (extra.isBoolean() && !extra.asBoolean()) {
              problems.add(p + ": not allowed here");
            } else if (extra.isObject()) {
              check(extra, f.getValue(), p);
            }
          }
        }
      }
      if (value.isArray() && schema.has("items")) {
        for (int i = 0; i < value.size(); i++) {
          check(schema.get("items"), value.get(i), path + "[" + i + "]");
        }
      }
    }

    private static boolean type(String type, JsonNode v) {
      return switch (type) {
        case "object" -> v.isObject();
        case "array" -> v.isArray();
        case "string" -> v.isTextual();
        case "integer" -> v.isIntegralNumber();
        case "boolean" -> v.isBoolean();
        default -> true;
      };
    }
  }
}
