package org.cimnet.render.diagram;

import java.util.ArrayList;
import java.util.List;

/** The lines of text each box carries, the same in the Mermaid, DOT and SVG pictures. */
final class Labels {
  private Labels() {}

  /** {@code vhost-dev: router, nameserver}. */
  static String hostTitle(Topology.HostView h) {
    List<String> roles = new ArrayList<>();
    if (h.router()) {
      roles.add("router");
    }
    if (h.nameserver()) {
      roles.add("nameserver");
    }
    return roles.isEmpty() ? h.name() : h.name() + ": " + String.join(", ", roles);
  }

  /** A host drawn as one box: its roles and counts. */
  static List<String> host(Topology.HostView h) {
    List<String> lines = new ArrayList<>();
    lines.add(hostTitle(h));
    lines.add(Text.count(h.leaves().size(), "leaf", "leaves") + ", "
        + Text.count(h.subnetCount(), "subnet", "subnets"));
    lines.add(Text.count(h.containers(), "container", "containers"));
    lines.add(Text.count(h.trunks().size(), "trunk", "trunks") + ", "
        + Text.count(h.uplinkVlans().size(), "VLAN", "VLANs"));
    return lines;
  }

  /** {@code lan}, {@code 192.168.1.0/24}, {@code VLAN 101 · private}. */
  static List<String> subnet(Topology.SubnetView s) {
    return List.of(s.subnet().name(), s.subnet().cidr().toString(),
        "VLAN " + s.vlan() + " · " + s.subnet().zone());
  }

  /**
   * The containers of one subnet: {@code web1 (docker)} per line, a relay with the other subnets
   * it joins ({@code bus (nixos-container) also on internal}), or counts by kind when many.
   */
  static List<String> containers(Topology.ContainerGroup g) {
    List<String> lines = new ArrayList<>();
    if (g.named()) {
      for (Topology.Member m : g.members()) {
        lines.add(m.name() + " (" + m.kind().key() + ")"
            + (m.alsoOn().isEmpty() ? "" : " also on " + String.join(", ", m.alsoOn())));
      }
    } else {
      lines.add(Text.count(g.count(), "container", "containers"));
      lines.add(Topology.kindCounts(g.kinds()));
    }
    return lines;
  }
}
