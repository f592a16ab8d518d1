package org.cimnet.watch;

import static org.cimnet.core.dsl.Cimnet.device;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;

import org.cimnet.core.model.Network;
import org.cimnet.core.model.Watch;

/**
 * The network the watcher's tests use: host {@code hv} with two trunk NICs, leaf1 carrying
 * subnets a (quarantine) and b (closed), c (alert) on leaf2; containers c1 and c2 on a, c3 on
 * b; two inventory devices.
 */
final class Lab {
  static final String HOST = "hv";
  static final String ILO = "3c:ec:ef:00:00:01";
  static final String WORKSTATION = "3c:ec:ef:00:00:02";

  private Lab() {}

  static Network model(Watch.Builder watch) {
    return network("lab").domain("lab.internal").supernet("10.20.0.0/16")
        .subnet(subnet("a", "10.20.1.0/24").vlan(101))
        .subnet(subnet("b", "10.20.2.0/24").vlan(102))
        .subnet(subnet("c", "10.20.3.0/24").vlan(103))
        .spine("s1", 8)
        .spine("s2", 8)
        .interconnect("s1", 1, "s2", 1)
        .host(host(HOST).nic("eth0", "52:54:00:00:01:00").nic("eth1", "52:54:00:00:01:01")
            .leaf("leaf1", "a", "b").leaf("leaf2", "c").address("a", "10.20.1.10")
            .address("b", "10.20.2.10"))
        .trunk(HOST, "eth0", "s1", 2)
        .trunk(HOST, "eth1", "s2", 2)
        .container(lxc("c1").on(HOST).attach("a"))
        .container(lxc("c2").on(HOST).attach("a"))
        .container(lxc("c3").on(HOST).attach("b"))
        .device(device("ilo-a", ILO, "ilo", "a").cable("s1", 5))
        .device(device("ws-b", WORKSTATION, "workstation", "b").cable("s2", 5))
        .watch(watch.enforce("a", "quarantine").enforce("b", "closed"))
        .build();
  }
}
