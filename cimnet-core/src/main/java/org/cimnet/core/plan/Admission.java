package org.cimnet.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.ipam.Macs;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Watch;

/**
 * Admission on the uplink bridge, for subnets whose enforcement is {@code closed}: only the MACs
 * the model knows on that subnet (inventory devices, containers and host ports of other hosts)
 * pass from the spines on its VLAN, from the first frame; this host's own leaves pass (their
 * ports are checked by port security); every other frame on the VLAN is dropped and its source
 * recorded in table {@value #RECORD_TABLE}, where the watcher reads it.
 *
 * <p>The constants are shared with the watcher, which adds the quarantine flows of the
 * {@code quarantine} enforcement at run time.
 */
public final class Admission {
  /** The table that records the sources of dropped frames (a learned flow per MAC and VLAN). */
  public static final int RECORD_TABLE = 250;
  /** How long a recorded source stays in {@link #RECORD_TABLE} without frames, in seconds. */
  public static final int RECORD_IDLE_SECONDS = 300;
  /** A known MAC on a closed VLAN. */
  public static final int ADMIT_PRIORITY = 300;
  /** This host's own leaves on a closed VLAN. */
  public static final int LEAF_PRIORITY = 290;
  /** Everything else on a closed VLAN. */
  public static final int CLOSED_PRIORITY = 250;
  /** A quarantined MAC: above every other flow of the uplink bridge. */
  public static final int QUARANTINE_PRIORITY = 400;
  /** The cookie of the flows the watcher adds, so it can find and remove them. */
  public static final long WATCH_COOKIE = 0xc1a7_0001L;

  private final Map<String, List<Known>> known;

  /** A MAC the model knows on a subnet, and the host it is plugged into (empty: none). */
  private record Known(MacAddress mac, Optional<String> host, String what) {}

  private Admission(Map<String, List<Known>> known) {
    this.known = known;
  }

  /** The known MACs of every closed subnet of {@code network}; empty when there are none. */
  static Optional<Admission> of(Network network) {
    List<String> closed = network.watch().map(w -> w.enforcement().entrySet().stream()
        .filter(e -> e.getValue() == Watch.Enforcement.CLOSED).map(Map.Entry::getKey).toList())
        .orElse(List.of());
    if (closed.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<Known>> known = new HashMap<>();
    closed.forEach(s -> known.put(s, new ArrayList<>()));
    for (Device d : network.devices()) {
      Optional.ofNullable(known.get(d.subnet())).ifPresent(list -> list.add(
          new Known(d.mac(), Optional.empty(), "device " + d.name())));
    }
    for (Container c : network.containers()) {
      for (Attachment a : c.attachments()) {
        List<Known> list = known.get(a.subnet());
        if (list != null && a.mac().isPresent()) {
          list.add(new Known(a.mac().get(), Optional.of(c.host()), "container " + c.name()));
        }
      }
    }
    for (Host h : network.hosts()) {
      for (String s : h.carriedSubnets()) {
        List<Known> list = known.get(s);
        if (list != null) {
          list.add(new Known(Macs.hostPort(h.name(), s), Optional.of(h.name()),
              "host " + h.name()));
        }
      }
    }
    return Optional.of(new Admission(known));
  }

  /**
   * The uplink flows of {@code host}: for each closed subnet it carries (by VLAN), the known MACs
   * plugged in elsewhere, the host's own patch ports, then the drop that records the source.
   */
  List<Flow> flows(String host, Map<String, Integer> vlans, List<PortPlan> uplinkPorts) {
    List<Flow> flows = new ArrayList<>();
    for (Map.Entry<String, Integer> e : new TreeMap<>(vlans).entrySet()) {
      List<Known> list = known.get(e.getKey());
      if (list == null) {
        continue;
      }
      String vlan = "dl_vlan=" + e.getValue();
      TreeMap<MacAddress, String> admitted = new TreeMap<>();
      for (Known k : list) {
        if (!k.host().equals(Optional.of(host))) {
          admitted.putIfAbsent(k.mac(), k.what());
        }
      }
      admitted.forEach((mac, what) -> flows.add(new Flow(ADMIT_PRIORITY, vlan + ",dl_src=" + mac,
          "normal", e.getKey() + " is closed: " + what + " is known")));
      for (PortPlan p : uplinkPorts) {
        if (p.kind() == PortPlan.Kind.PATCH && p.trunks().contains(e.getValue())) {
          flows.add(new Flow(LEAF_PRIORITY, "in_port=" + p.ofport() + "," + vlan, "normal",
              e.getKey() + " is closed: frames from leaf " + p.owner() + " passed its port"
                  + " security"));
        }
      }
      flows.add(new Flow(CLOSED_PRIORITY, vlan, "learn(table=" + RECORD_TABLE
          + ",idle_timeout=" + RECORD_IDLE_SECONDS + ",vlan_tci[0..11],eth_src[])",
          e.getKey() + " is closed: any other source is dropped, and recorded in table "
              + RECORD_TABLE + " for the watcher"));
    }
    return flows;
  }
}
