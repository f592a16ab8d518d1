package org.cimnet.render.unbound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.plan.DnsPlan;

/**
 * Text shared by many hosts' files, escaped and formatted once: every nameserver lists every
 * other nameserver's zones, so the same zone line and forward-zone clause appear in up to one
 * file per nameserver.
 */
final class SharedText {
  private final UnboundSettings settings;
  private final UnboundOptions.Addresses addresses;
  private final Map<DnsPlan.Zone, String> zones = new HashMap<>();
  private final Map<DnsPlan.Delegation, String[]> forwards = new HashMap<>();

  SharedText(UnboundSettings settings, UnboundOptions.Addresses addresses) {
    this.settings = settings;
    this.addresses = addresses;
  }

  /** The {@code local-zone} argument of a zone. */
  String zone(DnsPlan.Zone zone) {
    return zones.computeIfAbsent(zone, UnboundOptions::zone);
  }

  String confForward(DnsPlan.Delegation d) {
    return forward(d)[0];
  }

  String nixForward(DnsPlan.Delegation d) {
    return forward(d)[1];
  }

  private String[] forward(DnsPlan.Delegation d) {
    return forwards.computeIfAbsent(d, k -> {
      List<String> targets = k.nameservers().stream()
          .map(a -> UnboundOptions.forwardAddr(addresses.map(a), settings.port())).toList();
      return new String[] {UnboundConf.forward(k, targets),
          UnboundNix.forward(UnboundOptions.zoneName(k.zone()), targets)};
    });
  }
}
