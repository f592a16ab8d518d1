package org.cimnet.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.plan.Admission;
import org.cimnet.core.plan.Plans;

/**
 * The flows the watcher adds to the uplink bridge, all under {@link Admission#WATCH_COOKIE}:
 * a quarantine (every frame from the MAC dropped, above every other flow) until the MAC is
 * admitted, and for a device admitted on a closed subnet a flow that lets it pass until the
 * next rendering of the flows includes it. Loading the rendered flows again
 * ({@code replace-flows}) removes these; {@link #reassert} adds them back.
 */
public final class Enforcer {
  private final Tables tables;
  private final TreeMap<MacAddress, String> flows = new TreeMap<>();

  public Enforcer(Tables tables) {
    this.tables = tables;
  }

  private static String cookie() {
    return "cookie=0x" + Long.toHexString(Admission.WATCH_COOKIE);
  }

  /** Drops every frame from {@code mac} on the uplink bridge. */
  public void quarantine(MacAddress mac) {
    String flow = cookie() + ",priority=" + Admission.QUARANTINE_PRIORITY + ",dl_src=" + mac
        + ",actions=drop";
    tables.addFlows(Plans.UPLINK_BRIDGE, List.of(flow));
    flows.put(mac, flow);
  }

  /** Lets {@code mac} pass a closed subnet's VLAN {@code vlan}. */
  public void admitClosed(MacAddress mac, int vlan) {
    String flow = cookie() + ",priority=" + Admission.ADMIT_PRIORITY + ",dl_vlan=" + vlan
        + ",dl_src=" + mac + ",actions=normal";
    tables.addFlows(Plans.UPLINK_BRIDGE, List.of(flow));
    flows.put(mac, flow);
  }

  /** Removes the watcher's flow for {@code mac}, if it added one. */
  public void release(MacAddress mac) {
    if (flows.remove(mac) != null) {
      tables.deleteFlows(Plans.UPLINK_BRIDGE, cookie() + "/-1,dl_src=" + mac);
    }
  }

  public boolean quarantined(MacAddress mac) {
    String flow = flows.get(mac);
    return flow != null && flow.endsWith("actions=drop");
  }

  /** Every flow the watcher keeps, MAC to flow. */
  public Map<MacAddress, String> flows() {
    return java.util.Collections.unmodifiableMap(flows);
  }

  /** Adds every flow again (after the rendered flows were loaded and removed them). */
  public void reassert() {
    if (!flows.isEmpty()) {
      tables.addFlows(Plans.UPLINK_BRIDGE, new ArrayList<>(flows.values()));
    }
  }

  /** Remembers a quarantine from before a restart, without touching the switch. */
  void remember(MacAddress mac) {
    flows.put(mac, cookie() + ",priority=" + Admission.QUARANTINE_PRIORITY + ",dl_src=" + mac
        + ",actions=drop");
  }
}
