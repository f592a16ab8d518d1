package org.cimnet.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cimnet.core.check.Checker;
import org.cimnet.core.model.Network;
import org.cimnet.core.yaml.Networks;
import org.junit.jupiter.api.Test;

class DiffTest {
  @Provide
  Arbitrary<Network> networks() {
    return Networks.small();
  }

  @Property(tries = 100)
  void replayingTheDiffGivesTheOtherNetwork(@ForAll("networks") Network a, @ForAll long seed) {
    Network b = Networks.edit(a, seed);
    List<Event> events = Diff.between(a, b);
    assertEquals(b, Replay.fold(a, events));
    // And back again.
    assertEquals(a, Replay.fold(b, Diff.between(b, a)));
  }

  @Property(tries = 40)
  void numbersAreSmallEvents(@ForAll("networks") Network a) {
    Network assigned = Checker.check(a).network();
    List<Event> events = Diff.between(a, assigned);
    assertEquals(assigned, Replay.fold(a, events));
    assertTrue(events.stream().allMatch(e -> e instanceof Event.AddressAssigned
        || e instanceof Event.MacAssigned || e instanceof Event.VlanAssigned), events::toString);
  }

  /** Every event survives the log's JSON encoding. */
  @Property(tries = 60)
  void eventsSurviveTheirJson(@ForAll("networks") Network a, @ForAll long seed) {
    Network b = Checker.check(Networks.edit(a, seed)).network();
    for (Event e : Diff.between(Network.builder("empty").supernet("10.0.0.0/8").build(), b)) {
      List<org.cimnet.core.yaml.YamlProblem> problems = new java.util.ArrayList<>();
      String line = EventEncoder.encode(e);
      assertEquals(e, EventDecoder.decode(line.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "log", 1, problems).orElseThrow(() -> new AssertionError(problems + " in " + line)));
    }
  }

  @Test
  void emptyDiffBetweenEqualNetworks() {
    Network a = org.cimnet.testkit.gen.NetworkGenerator.generate(
        org.cimnet.testkit.gen.NetworkGenerator.Spec.small(3));
    assertEquals(List.of(), Diff.between(a, a));
  }
}
