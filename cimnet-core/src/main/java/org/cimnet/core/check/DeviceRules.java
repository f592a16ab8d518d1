package org.cimnet.core.check;

import java.util.HashMap;
import java.util.Map;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Watch;

/**
 * The inventory and the watcher's settings: every device's subnet and spine exist, its spine
 * port exists and takes no other cable; every subnet the watcher enforces exists. (Its MAC is
 * checked with every other MAC, by {@link MacRules}.)
 */
final class DeviceRules {
  private DeviceRules() {}

  static void check(Facts f, Findings out) {
    Map<String, String> cabled = new HashMap<>();
    for (int i = 0; i < f.links.size(); i++) {
      Link link = f.links.get(i);
      String what = TopologyRules.lower(Facts.describe(link, i));
      if (link instanceof Link.Trunk t) {
        cabled.putIfAbsent(t.spine() + ":" + t.port(), what);
      } else if (link instanceof Link.Interconnect c) {
        cabled.putIfAbsent(c.spine() + ":" + c.port(), what);
        cabled.putIfAbsent(c.otherSpine() + ":" + c.otherPort(), what);
      }
    }
    for (Device d : f.network.devices()) {
      String self = "Device '" + d.name() + "'";
      String path = "devices[" + d.name() + "]";
      Subnet subnet = f.subnetByName.get(d.subnet());
      if (subnet == null) {
        out.error(ProblemIds.REF_SUBNET, path + ".subnet", self + ": subnet '" + d.subnet()
            + "' is not declared");
      }
      if (d.cable().isEmpty()) {
        continue;
      }
      Device.Cable c = d.cable().get();
      Spine spine = f.spineByName.get(c.spine());
      if (spine == null) {
        out.error(ProblemIds.REF_SPINE, path + ".spine", self + ": spine '" + c.spine()
            + "' is not declared");
        continue;
      }
      if (c.port() > spine.ports()) {
        out.error(ProblemIds.LINK_PORT_RANGE, path + ".port", self + ": port '" + c.port()
            + "' of spine '" + c.spine() + "' does not exist: its ports are 1 to "
            + spine.ports());
        continue;
      }
      String first = cabled.putIfAbsent(c.toString(), "device '" + d.name() + "'");
      if (first != null) {
        out.error(ProblemIds.LINK_PORT_REUSE, path + ".port", self + ": port '" + c.port()
            + "' of spine '" + c.spine() + "' is already used by " + first
            + ": a port takes one cable");
      }
    }
    f.network.watch().ifPresent(w -> watch(f, w, out));
  }

  private static void watch(Facts f, Watch w, Findings out) {
    for (String subnet : w.enforcement().keySet()) {
      if (!f.subnetByName.containsKey(subnet)) {
        out.error(ProblemIds.REF_SUBNET, "watch.enforcement[" + subnet + "]", "Watch: subnet '"
            + subnet + "' is not declared");
      }
    }
  }
}
