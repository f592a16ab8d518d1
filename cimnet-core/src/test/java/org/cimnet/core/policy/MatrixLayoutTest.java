package org.cimnet.core.policy;

import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cimnet.core.model.Network;
import org.junit.jupiter.api.Test;

/** The matrix is a grid up to {@link Matrix#GRID_LIMIT} nodes and a list beyond. */
class MatrixLayoutTest {
  /** Subnets s0..s{count-1}, 10.0.i.0/24; s0 may open tcp/22 to s1. */
  private static Network sketch(int count) {
    Network.Builder b = network("g").supernet("10.0.0.0/16");
    for (int i = 0; i < count; i++) {
      b.subnet(subnet("s" + i, "10.0." + i + ".0/24"));
    }
    return b.canConnect("s0", "s1", "tcp/22").build();
  }

  private static List<String> names(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("s" + i);
    }
    return names;
  }

  /** 31 subnets and the internet: 32 nodes, the most a grid shows (a header and 32 rows). */
  @Test
  void thirtyTwoNodesAreAGrid() {
    Matrix m = Matrix.of(sketch(31));
    List<String> nodes = names(31);
    nodes.add("internet");
    assertEquals(nodes, m.nodes());
    List<String> lines = m.toText().lines().toList();
    assertEquals(33, lines.size());
    assertEquals("from \\ to  s0   s1      s2   s3", lines.get(0).substring(0, 31));
    assertEquals("s0         any  tcp/22  -    -", lines.get(1).substring(0, 30));
    assertEquals("internet   -    -       -    -", lines.get(32).substring(0, 30));
  }

  /** One subnet more: 33 nodes, one line per source that reaches another node. */
  @Test
  void thirtyThreeNodesAreAList() {
    Matrix m = Matrix.of(sketch(32));
    assertEquals(33, m.nodes().size());
    assertEquals("s0: s1 tcp/22\n", m.toText());
  }
}
