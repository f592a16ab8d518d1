package org.cimnet.testkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Network;
import org.junit.jupiter.api.Test;

class NetworkGeneratorTest {
  @Test
  void aNetworkOfOneSubnetAssertsNothingAboutTheDmzItLacks() {
    Network n = NetworkGenerator.generate(new NetworkGenerator.Spec(1, 1, 1, 24, 3, 2, 1, 0, 7));
    Report report = Checker.check(n);
    assertTrue(report.ok(), report::toText);
    assertEquals(List.of("never(internet, zone:private)"),
        n.assertions().stream().map(Object::toString).toList());
  }

  @Test
  void withADmzBothAssertionsAreDeclaredAndHold() {
    Network n = NetworkGenerator.generate(new NetworkGenerator.Spec(1, 1, 2, 24, 3, 2, 1, 0, 7));
    Report report = Checker.check(n);
    assertTrue(report.ok(), report::toText);
    assertEquals(List.of("never(zone:dmz, zone:private)", "never(internet, zone:private)"),
        n.assertions().stream().map(Object::toString).toList());
  }
}
