package org.cimnet.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FlowTest {
  @Test
  void textJoinsPriorityMatchAndActions() {
    assertEquals("priority=100,in_port=4,actions=drop",
        new Flow(100, "in_port=4", "drop", "x").text());
    assertEquals("priority=0,actions=normal", new Flow(0, "", "normal", "x").text());
    assertEquals("priority=200,in_port=4,dl_src=02:00:00:00:00:01,ip,nw_src=10.0.0.1/32,"
        + "actions=normal", new Flow(200, "in_port=4,dl_src=02:00:00:00:00:01,ip,"
        + "nw_src=10.0.0.1/32", "normal", "x").text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"in_port=1 ", "IN_PORT=1", "a;b", "a\nb", "a#b", "ü", "a\"b"})
  void matchOutsideTheAlphabetIsRejected(String match) {
    assertThrows(IllegalArgumentException.class, () -> new Flow(1, match, "drop", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "drop ", "output:1/2", "NORMAL", "normal\n"})
  void actionsOutsideTheAlphabetAreRejected(String actions) {
    assertThrows(IllegalArgumentException.class, () -> new Flow(1, "", actions, ""));
  }
}
