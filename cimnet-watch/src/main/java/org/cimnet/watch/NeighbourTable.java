package org.cimnet.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;

/**
 * The kernel's neighbour table as {@code ip -j neigh} prints it: which IPv4 address each MAC
 * answers for, so that a sighting can say the address a device uses. Entries without a MAC
 * (incomplete, failed) and IPv6 entries are skipped.
 */
public final class NeighbourTable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NeighbourTable() {}

  /** MAC to address; {@code problems} gets a line if the text is not the JSON list expected. */
  public static Map<MacAddress, Ipv4Address> parse(String json, List<String> problems) {
    Map<MacAddress, Ipv4Address> out = new HashMap<>();
    JsonNode root;
    try {
      root = JSON.readTree(json.isBlank() ? "[]" : json);
    } catch (IOException e) {
      problems.add("ip -j neigh printed something that is not JSON: '" + Text.escaped(json)
          + "'");
      return out;
    }
    if (!root.isArray()) {
      problems.add("ip -j neigh printed JSON that is not a list: '" + Text.escaped(json) + "'");
      return out;
    }
    for (JsonNode n : root) {
      Optional<MacAddress> mac = MacAddress.tryParse(n.path("lladdr").asText(""));
      String dst = n.path("dst").asText("");
      if (mac.isEmpty() || dst.contains(":")) {
        continue;
      }
      try {
        out.putIfAbsent(mac.get(), Ipv4Address.parse(dst));
      } catch (IllegalArgumentException e) {
        problems.add("ip -j neigh: '" + Text.escaped(dst) + "' is not an IPv4 address");
      }
    }
    return out;
  }
}
