package org.cimnet.core.check;

import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.junit.jupiter.api.Test;

/** Overlaps are reported in declaration order, whatever the order of the addresses. */
class AddressRulesTest {
  /**
   * a (10.0.1.0/24) and b (10.0.0.0/24) are declared before big (10.0.0.0/16), which covers
   * both: big is reported against a first, then b, though b comes first in address order.
   */
  @Test
  void aLaterBlockOverEarlierOnesNamesThemInDeclarationOrder() {
    Network n = network("t").supernet("10.0.0.0/8")
        .subnet(subnet("a", "10.0.1.0/24").reserved())
        .subnet(subnet("b", "10.0.0.0/24").reserved())
        .subnet(subnet("big", "10.0.0.0/16").reserved())
        .build();
    assertEquals(List.of(
        "Subnet 'big': cidr '10.0.0.0/16' overlaps subnet 'a' (10.0.1.0/24): subnets must not"
            + " share addresses",
        "Subnet 'big': cidr '10.0.0.0/16' overlaps subnet 'b' (10.0.0.0/24): subnets must not"
            + " share addresses"),
        Checker.check(n).problems().stream().filter(p -> p.id().equals("subnet.overlap"))
            .map(Problem::message).toList());
  }

  /**
   * x2 (declared fourth) overlaps x, y2 (declared third) overlaps y: y2 is reported first, as
   * the one declared earlier, though x and x2 come first in address order.
   */
  @Test
  void overlapsAreReportedInTheOrderTheLaterBlocksAreDeclared() {
    Network n = network("t").supernet("10.0.0.0/8")
        .subnet(subnet("x", "10.0.0.0/24").reserved())
        .subnet(subnet("y", "10.0.1.0/24").reserved())
        .subnet(subnet("y2", "10.0.1.0/25").reserved())
        .subnet(subnet("x2", "10.0.0.0/25").reserved())
        .build();
    assertEquals(List.of("subnets[y2].cidr", "subnets[x2].cidr"),
        Checker.check(n).problems().stream().filter(p -> p.id().equals("subnet.overlap"))
            .map(Problem::path).toList());
  }
}
