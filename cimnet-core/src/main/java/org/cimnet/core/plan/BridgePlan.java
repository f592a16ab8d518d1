package org.cimnet.core.plan;

import java.util.List;
import org.cimnet.core.model.Vlans;

/**
 * One Open vSwitch bridge: a leaf, or the host's uplink bridge.
 *
 * @param leaf the leaf's name, or empty text for the uplink bridge
 * @param vlans every VLAN the bridge carries, ascending
 * @param flows the OpenFlow table, in the order to load it (port security, then the fallback)
 */
public record BridgePlan(String name, String leaf, List<Integer> vlans, List<PortPlan> ports,
    List<Flow> flows) {
  public BridgePlan {
    vlans = List.copyOf(vlans);
    vlans.forEach(v -> Vlans.check("Bridge '" + name + "'", v));
    ports = List.copyOf(ports);
    // A flow table makes its port-security flows when read: kept as it is (immutable).
    flows = flows instanceof FlowTable ? flows : List.copyOf(flows);
  }

  public boolean isUplink() {
    return leaf.isEmpty();
  }
}
