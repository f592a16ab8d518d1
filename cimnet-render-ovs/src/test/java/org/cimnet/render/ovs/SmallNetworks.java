package org.cimnet.render.ovs;

import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.cimnet.core.dsl.Cimnet.vm;

import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;

/**
 * Small networks built with the DSL for the real-switch tests: host {@code hv} with two trunk
 * NICs (a bond), leaf1 carrying subnets a and b, leaf2 carrying c.
 */
final class SmallNetworks {
  static final String HOST = "hv";

  private SmallNetworks() {}

  /**
   * The first model: c1 and c2 in a, c3 in b (all on leaf1), c4 in c (leaf2); the host holds an
   * address in a and in b.
   */
  static ValidatedNetwork before() {
    return validated(base(host(HOST).nic("eth0", "52:54:00:00:01:00")
            .nic("eth1", "52:54:00:00:01:01")
            .leaf("leaf1", "a", "b").leaf("leaf2", "c")
            .address("a", "10.20.1.10").address("b", "10.20.2.10"))
        .trunk(HOST, "eth0", "s1", 2)
        .trunk(HOST, "eth1", "s2", 2)
        .container(lxc("c1").on(HOST).attach("a"))
        .container(lxc("c2").on(HOST).attach("a"))
        .container(lxc("c3").on(HOST).attach("b"))
        .container(vm("c4").on(HOST).attach("c"))
        .build());
  }

  /**
   * The model after a change: c2 is gone, leaf2 (with c4) is gone, c5 joined b, and a third
   * trunk NIC joined the bond.
   */
  static ValidatedNetwork after() {
    return validated(base(host(HOST).nic("eth0", "52:54:00:00:01:00")
            .nic("eth1", "52:54:00:00:01:01").nic("eth2", "52:54:00:00:01:02")
            .leaf("leaf1", "a", "b")
            .address("a", "10.20.1.10").address("b", "10.20.2.10"))
        .trunk(HOST, "eth0", "s1", 2)
        .trunk(HOST, "eth1", "s2", 2)
        .trunk(HOST, "eth2", "s1", 3)
        .container(lxc("c1").on(HOST).attach("a"))
        .container(lxc("c3").on(HOST).attach("b"))
        .container(lxc("c5").on(HOST).attach("b"))
        .build());
  }

  /**
   * Host {@code hv} with one leaf of six subnets and {@code containers} containers spread over
   * them (at most 1,500): more ports than one ovs-vsctl transaction of the setup script takes.
   */
  static ValidatedNetwork crowded(int containers) {
    return crowded(containers, "a");
  }

  /** As {@link #crowded(int)}, with the first container, k0, in subnet {@code first}. */
  static ValidatedNetwork crowded(int containers, String first) {
    String[] subnets = {"a", "b", "c", "d", "e", "f"};
    Network.Builder b = network("lab").domain("lab.internal").supernet("10.20.0.0/16");
    for (int i = 0; i < subnets.length; i++) {
      b.subnet(subnet(subnets[i], "10.20." + (i + 1) + ".0/24"));
    }
    b.spine("s1", 4).spine("s2", 4).interconnect("s1", 1, "s2", 1)
        .host(host(HOST).nic("eth0", "52:54:00:00:01:00").nic("eth1", "52:54:00:00:01:01")
            .leaf("leaf1", subnets).address("a", "10.20.1.10"))
        .trunk(HOST, "eth0", "s1", 2)
        .trunk(HOST, "eth1", "s2", 2);
    for (int i = 0; i < containers; i++) {
      b.container(lxc("k" + i).on(HOST).attach(i == 0 ? first : subnets[i % subnets.length]));
    }
    return validated(b.build());
  }

  private static Network.Builder base(Host.Builder host) {
    return network("lab")
        .domain("lab.internal")
        .supernet("10.20.0.0/16")
        .subnet(subnet("a", "10.20.1.0/24"))
        .subnet(subnet("b", "10.20.2.0/24"))
        .subnet(subnet("c", "10.20.3.0/24"))
        .spine("s1", 4)
        .spine("s2", 4)
        .interconnect("s1", 1, "s2", 1)
        .host(host);
  }

  static ValidatedNetwork validated(Network network) {
    Report report = Checker.check(network);
    if (!report.ok()) {
      throw new IllegalStateException("Test network is invalid:\n" + report.toText());
    }
    return report.validated();
  }
}
