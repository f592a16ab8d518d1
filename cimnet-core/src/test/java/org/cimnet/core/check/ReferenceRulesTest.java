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
    Network n = lan().never("nosuch", "lan").never("host:r", "lan").never("lan", "gone")
        .build();
    assertEquals(List.of(new Problem("ref.subnet", "assertions[0].from",
        "Assertion never(nosuch, lan): subnet 'nosuch' is not declared"),
        new Problem("ref.subnet", "assertions[2].to",
            "Assertion never(lan, gone): subnet 'gone' is not declared")),
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
   * internet (h4), from lan on http only (h5), from zone private, which holds lan (h6), and from
   * a container nobody declared (h7). A reserved subnet carries no traffic, so h1 and h2 are as
   * locked out as h5 and h7.
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
        .canConnect("lan", "host:h5", "tcp/80")
        .canConnect("zone:private", "host:h6", "tcp/22")
        .canConnect("container:ghost", "host:h7", "tcp/22");
    for (String h : List.of("h1", "h2", "h3", "h4", "h5", "h6", "h7")) {
      b.host(host(h).leaf("leaf1", "lan").address("lan"));
    }
    assertEquals(List.of("hosts[h1]", "hosts[h2]", "hosts[h5]", "hosts[h7]"),
        warned(b.build(), "host.no-ssh"));
  }

  /** Without a declared internet, a rule from the internet gives no host ssh. */
  @Test
  void anUndeclaredInternetGivesNoHostSsh() {
    Network n = lan().canConnect("lan", "host:r", "tcp/22")
        .host(host("h").leaf("leaf1", "lan").address("lan"))
        .canConnect("internet", "host:h", "tcp/22").build();
    assertEquals(List.of("hosts[h]"), warned(n, "host.no-ssh"));
  }

  /** dmz and web on r; the internet reaches r through lan. */
  private static Network.Builder published() {
    return network("n").supernet("10.0.0.0/16")
        .subnet(subnet("lan", "10.0.0.0/24"))
        .subnet(subnet("dmz", "10.0.1.0/24").zone("dmz"))
        .host(host("r").router().leaf("leaf1", "lan", "dmz"))
        .internet("203.0.113.10/24", "203.0.113.1", "lan");
  }

  /** A rule from the internet to the container, to its subnet or to its zone each allows it. */
  @Test
  void aPublishedPortIsAllowedByARuleToTheContainerItsSubnetOrItsZone() {
    Network n = published()
        .container(lxc("a").on("r").attach("dmz").publish("tcp/443"))
        .container(lxc("b").on("r").attach("dmz").publish("tcp/8443"))
        .container(lxc("c").on("r").attach("dmz").publish("tcp/9443"))
        .container(lxc("d").on("r").attach("dmz").publish("tcp/25"))
        .canConnect("internet", "container:a", "tcp/443")
        .canConnect("internet", "dmz", "tcp/8443")
        .canConnect("internet", "zone:dmz", "tcp/9443")
        .build();
    assertEquals(List.of("containers[d].publishes[tcp/25]"), paths(n, "publish.no-rule"));
  }

  private static String clash(String later, String service, String first, String firstService) {
    return "Container '" + later + "': publishes '" + service + "', but container '" + first
        + "' already publishes '" + firstService + "' on the public address: a public port"
        + " forwards to one container";
  }

  /**
   * a publishes 80-90, b 85-90 (the same last port), c 88 and d 90-95 (sharing port 90 only):
   * each later one clashes with a, the first to take the ports; e's 96-99 clashes with none.
   */
  @Test
  void publishedRangesClashWithTheFirstContainerToTakeThem() {
    Network n = published()
        .container(lxc("a").on("r").attach("dmz").publish("tcp/80-90"))
        .container(lxc("b").on("r").attach("dmz").publish("tcp/85-90"))
        .container(lxc("c").on("r").attach("dmz").publish("tcp/88"))
        .container(lxc("d").on("r").attach("dmz").publish("tcp/90-95"))
        .container(lxc("e").on("r").attach("dmz").publish("tcp/96-99"))
        .canConnect("internet", "dmz", "tcp/1-65535")
        .build();
    assertEquals(List.of(clash("b", "tcp/85-90", "a", "tcp/80-90"),
        clash("c", "tcp/88", "a", "tcp/80-90"),
        clash("d", "tcp/90-95", "a", "tcp/80-90")),
        problems(n, "publish.conflict").stream().map(Problem::message).toList());
  }
}
