package org.cimnet.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.MacAddress;

/**
 * The neighbours lldpd heard, as {@code lldpcli -f json show neighbors} prints them: on which
 * local interface, which chassis (its MAC, when the chassis id is one) and which of its ports.
 * lldpd writes {@code "interface"} as an object keyed by interface name, or as a list of such
 * objects when there are several; both are read. A neighbour whose chassis id is not a MAC is
 * skipped.
 */
public final class LldpNeighbours {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One neighbour: heard on {@code iface}, chassis {@code chassis} named {@code system}. */
  public record Neighbour(String iface, MacAddress chassis, String system, String port) {}

  private LldpNeighbours() {}

  public static List<Neighbour> parse(String json, List<String> problems) {
    List<Neighbour> out = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      problems.add("lldpcli printed something that is not JSON: '" + Text.escaped(json) + "'");
      return out;
    }
    JsonNode interfaces = root == null ? null : root.path("lldp").path("interface");
    if (interfaces == null || interfaces.isMissingNode()) {
      return out;
    }
    List<JsonNode> keyed = new ArrayList<>();
    if (interfaces.isArray()) {
      interfaces.forEach(keyed::add);
    } else {
      keyed.add(interfaces);
    }
    for (JsonNode object : keyed) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        neighbour(e.getKey(), e.getValue()).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<Neighbour> neighbour(String iface, JsonNode n) {
    JsonNode chassis = n.path("chassis");
    String system = "";
    JsonNode id = chassis.path("id");
    if (id.isMissingNode() && chassis.fields().hasNext()) {
      Map.Entry<String, JsonNode> named = chassis.fields().next();
      system = named.getKey();
      id = named.getValue().path("id");
    }
    if (!id.path("type").asText("").equals("mac")) {
      return Optional.empty();
    }
    String port = n.path("port").path("descr").asText(n.path("port").path("id")
        .path("value").asText(""));
    String sys = system;
    return MacAddress.tryParse(id.path("value").asText(""))
        .map(mac -> new Neighbour(iface, mac, sys, port));
  }
}
