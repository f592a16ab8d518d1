package org.cimnet.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Network;
import org.cimnet.testkit.gen.NetworkGenerator;

/** Port-security flows name ports by number, so a port's number must not move under it. */
class OfportProperties {

  private static Map<String, Integer> ofports(Network network) {
    Map<String, Integer> byPort = new HashMap<>();
    for (HostPlan host : Plans.of(network).values()) {
      for (BridgePlan bridge : host.bridges()) {
        Set<Integer> seen = new HashSet<>();
        for (PortPlan port : bridge.ports()) {
          assertTrue(seen.add(port.ofport()), "ofport " + port.ofport() + " twice on "
              + bridge.name());
          assertTrue(port.ofport() >= 1 && port.ofport() <= 65279, port.toString());
          byPort.put(host.host() + "/" + bridge.name() + "/" + port.name(), port.ofport());
        }
      }
    }
    return byPort;
  }

  @Property(tries = 60)
  void removingAContainerMovesNoOtherPort(@ForAll @IntRange(min = 1, max = 3) int hosts,
      @ForAll @IntRange(min = 2, max = 80) int containers,
      @ForAll @IntRange(min = 0, max = 1000) int pick, @ForAll @LongRange long seed) {
    Network declared = NetworkGenerator.generate(new NetworkGenerator.Spec(hosts, 2,
        hosts * 2 + 2, 24, containers, 4, 2, 5, seed));
    Report before = Checker.check(declared);
    assertTrue(before.ok(), before.toText());
    String removed = declared.containers().get(pick % declared.containers().size()).name();
    Network after = Checker.check(declared.toBuilder().removeContainer(removed).build(),
        Optional.of(before.network())).network();
    Map<String, Integer> old = ofports(before.network());
    Map<String, Integer> now = ofports(after);
    for (Map.Entry<String, Integer> e : now.entrySet()) {
      if (e.getKey().contains("/ve-")) {
        assertEquals(old.get(e.getKey()), e.getValue(), "port " + e.getKey() + " moved");
      }
    }
    assertEquals(old.size() - before.network().container(removed).orElseThrow()
        .attachments().size(), now.size());
  }
}
