package org.cimnet.core.check;

import java.util.HashMap;
import java.util.Map;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Leaf;
import org.cimnet.core.plan.Plans;

/**
 * Open vSwitch's own limits on a host's ports, checked on the model before anything is planned
 * (the plan could not number the ports of a host past them): at most
 * {@value Plans#CONTAINER_OFPORTS} container ports per leaf bridge, the OpenFlow numbers cimnet
 * pins them to, and at most {@value #DATAPATH_PORTS} ports per host, the port numbers of the
 * one datapath all of a host's bridges share.
 */
final class PortRules {
  /** A datapath numbers its ports with 16 bits. */
  static final int DATAPATH_PORTS = 65_535;

  private PortRules() {}

  /** Reports every host past a limit; true if none is, so the host plans can be made. */
  static boolean check(Facts f, Findings out) {
    Map<String, Map<String, Integer>> containerPorts = new HashMap<>();
    for (Container c : f.containers) {
      Host h = f.hostByName.get(c.host());
      if (h == null) {
        continue; // ref.host says why
      }
      for (Attachment a : c.attachments()) {
        for (Leaf leaf : h.leaves()) {
          if (leaf.subnets().contains(a.subnet())) {
            containerPorts.computeIfAbsent(h.name(), k -> new HashMap<>())
                .merge(leaf.name(), 1, Integer::sum);
            break;
          }
        }
      }
    }
    boolean ok = true;
    for (Host h : f.hosts) {
      Map<String, Integer> byLeaf = containerPorts.getOrDefault(h.name(), Map.of());
      // Every NIC, the uplink bridge's own port, and per leaf its own port, its patch pair and
      // at most one internal port per subnet.
      long ports = h.nics().size() + 1L;
      for (Leaf leaf : h.leaves()) {
        int containers = byLeaf.getOrDefault(leaf.name(), 0);
        ports += containers + 3L + leaf.subnets().size();
        if (containers > Plans.CONTAINER_OFPORTS) {
          ok = false;
          out.error(ProblemIds.HOST_PORTS, "hosts[" + h.name() + "].leaves[" + leaf.name() + "]",
              "Host '" + h.name() + "': leaf '" + leaf.name() + "' has " + containers
              + " container ports: at most " + Plans.CONTAINER_OFPORTS + " fit in the OpenFlow"
              + " port numbers cimnet pins them to (Open vSwitch numbers ports 1 to 65279):"
              + " spread the containers over more leaves or hosts");
        }
      }
      if (ports > DATAPATH_PORTS) {
        ok = false;
        out.error(ProblemIds.HOST_PORTS, "hosts[" + h.name() + "]", "Host '" + h.name()
            + "' needs up to " + ports + " switch ports: its bridges share one Open vSwitch"
            + " datapath, which holds at most " + DATAPATH_PORTS + ": move containers to other"
            + " hosts");
      }
    }
    return ok;
  }
}
