package org.cimnet.core.check;

import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.junit.jupiter.api.Test;

/**
 * References the one-fault networks of {@link InvariantsTest} do not reach: an assertion's own
 * source, the deploy_from subnet, which sources really give a host ssh, and which rules let the
 * internet reach a published port.
 */
class ReferenceRulesTest {
  private static List<Problem> problems(Network network, String id) {
    return Checker.check(network).problems().stream()
        .filter(p -> p.id().equals(id)).toList();
  }

  private static List<String> paths(Network network, String id) {
    return problems(network, id).stream().map(Problem::path).toList();
  }

  private static List<String> warned(Network network, String id) {
    return Checker.check(network).warnings().stream().filter(p -> p.id().equals(id))
        .map(Problem::path).toList();
  }

  private static Network.Builder lan() {
    return network("n").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .host(host("r").router().leaf("leaf1", "lan"));
  }

  /** An assertion's source must be declared, and may not be a host (as a rule's may not). */
  @Test
  void anAssertionsSourceIsCheckedAsARulesIs() {
    Network n = lan().never("nosuch", "lan").never("host:r", "lan").build();
    assertEquals(List.of(new Problem("ref.subnet", "assertions[0].from",
        "Assertion never(nosuch, lan): subnet 'nosuch' is not declared")),
        problems(n, "ref.subnet"));
    assertEquals(List.of("assertions[1].from"), paths(n, "endpoint.host-source"));
  }

  @Test
  void deployFromMustNameADeclaredSubnet() {
    assertEquals(List.of(new Problem("ref.subnet", "deploy_from",
        "Network 'n': deploy_from subnet 'nowhere' is not declared")),
        problems(lan().deployFrom("nowhere").build(), "ref.subnet"));
    assertEquals(List.of(), problems(lan().deployFrom("lan").build(), "ref.subnet"));
  }

  /**
   * Each host is given ssh by one rule: from lan (r), from the reserved subnet ilo (h1), from
   * zone oob whose one subnet is ilo (h2), from an existing container (h3), from the declared
   * internet (h4), from lan on http only (h5). A reserved subnet carries no traffic, so h1 and h2
   * are as locked out as h5.
   */
  @Test
  void onlyASourceThatCarriesTrafficGivesAHostSsh() {
    Network.Builder b = network("n").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .subnet(subnet("ilo", "10.0.1.0/24").zone("oob").reserved())
        .host(host("r").router().leaf("leaf1", "lan"))
        .internet("203.0.113.10/24", "203.0.113.1", "lan")
        .container(lxc("jump").on("r").attach("lan"))
        .canConnect("lan", "host:r", "tcp/22")
        .canConnect("ilo", "host:h1", "tcp/22")
        .canConnect("zone:oob", "host:h2", "tcp/22")
        .canConnect("container:jump", "host:h3", "tcp/22")
        .canConnect("internet", "host:h4", "tcp/22")
        .canConnect("lan", "host:h5", "tcp/80");
    for (String h : List.of("h1", "h2", "h3", "h4", "h5")) {
      b.host(host(h).leaf("leaf1", "lan").address("lan"));
    }
    assertEquals(List.of("hosts[h1]", "hosts[h2]", "hosts[h5]"),
        warned(b.build(), "host.no-ssh"));
  }
}
