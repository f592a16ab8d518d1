package org.cimnet.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cimnet.core.check.Checker;
import org.cimnet.core.model.Network;

class RoundTripTest {
  @Provide
  Arbitrary<Network> networks() {
    return Networks.small();
  }

  @Property(tries = 100)
  void declaredNetworksSurviveExportAndImport(@ForAll("networks") Network n) {
    LoadReport back = NetworkYaml.read(NetworkYaml.network(n), NetworkYaml.parts(n));
    assertTrue(back.ok(), back::toText);
    assertEquals(n, back.network().orElseThrow());
  }

  /** After IPAM every number is concrete: addresses, container MACs and VLANs round trip too. */
  @Property(tries = 60)
  void assignedNetworksSurviveExportAndImport(@ForAll("networks") Network n) {
    Network assigned = Checker.check(n).network();
    String yaml = NetworkYaml.network(assigned);
    LoadReport back = NetworkYaml.read(yaml, NetworkYaml.parts(assigned));
    assertTrue(back.ok(), back::toText);
    assertEquals(assigned, back.network().orElseThrow());
    // The export is stable: the same network always gives the same bytes.
    assertEquals(yaml, NetworkYaml.network(back.network().get()));
  }

  @Property(tries = 60)
  void editedNetworksSurviveExportAndImport(@ForAll("networks") Network n,
      @ForAll long seed) {
    Network edited = Networks.edit(n, seed);
    LoadReport back = NetworkYaml.read(NetworkYaml.network(edited), NetworkYaml.parts(edited));
    assertTrue(back.ok(), back::toText);
    assertEquals(edited, back.network().orElseThrow());
  }
}
