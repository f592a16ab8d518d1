package org.cimnet.core.policy;

import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.kubernetes;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.nixosContainer;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.cimnet.core.dsl.Cimnet.vm;

import org.cimnet.core.model.Network;

/**
 * The seed's shape, built inline (cimnet-examples is not a dependency of core): eight subnets,
 * the seed's rules and assertions, and the multi-homed {@code bus} on comms and internal.
 * Container addresses are fixed so the expected texts do not depend on IPAM's hash choices.
 */
final class SeedShape {
  private SeedShape() {}

  static Network.Builder builder() {
    return network("cim")
        .supernet("192.168.0.0/21")
        .subnet(subnet("ilo", "192.168.0.0/24").zone("management").reserved())
        .subnet(subnet("lan", "192.168.1.0/24"))
        .subnet(subnet("comms", "192.168.2.0/24"))
        .subnet(subnet("internal", "192.168.3.0/24"))
        .subnet(subnet("dmz", "192.168.4.0/24").zone("dmz"))
        .subnet(subnet("agents", "192.168.5.0/24"))
        .subnet(subnet("mgmt", "192.168.6.0/24").zone("management"))
        .subnet(subnet("wifi", "192.168.7.0/24"))
        .spine("spine1", 8)
        .spine("spine2", 8)
        .interconnect("spine1", 1, "spine2", 1)
        .host(host("vhost-dev")
            .nic("eth0", "3c:ec:ef:6a:10:00")
            .nic("eth1", "3c:ec:ef:6a:10:01")
            .nic("eth2", "3c:ec:ef:6a:10:02")
            .nic("eth3", "3c:ec:ef:6a:10:03")
            .leaf("leaf1", "lan", "wifi")
            .leaf("leaf2", "comms")
            .leaf("leaf3", "internal")
            .leaf("leaf4", "dmz", "agents", "mgmt")
            .address("lan", "192.168.1.100")
            .address("comms", "192.168.2.100")
            .address("internal", "192.168.3.100")
            .address("dmz", "192.168.4.100")
            .router()
            .nameserver())
        .trunk("vhost-dev", "eth0", "spine1", 2)
        .trunk("vhost-dev", "eth1", "spine1", 3)
        .trunk("vhost-dev", "eth2", "spine2", 2)
        .trunk("vhost-dev", "eth3", "spine2", 3)
        .container(docker("web1").on("vhost-dev").attach("dmz", "192.168.4.10")
            .publish("tcp/80", "tcp/443"))
        .container(lxc("files").on("vhost-dev").attach("lan", "192.168.1.10"))
        .container(lxc("mq1").on("vhost-dev").attach("comms", "192.168.2.10"))
        .container(nixosContainer("db1").on("vhost-dev").attach("internal", "192.168.3.10"))
        .container(vm("agent1").on("vhost-dev").attach("agents", "192.168.5.10"))
        .container(nixosContainer("monitor").on("vhost-dev").attach("mgmt", "192.168.6.10"))
        .container(kubernetes("portal").on("vhost-dev").attach("wifi", "192.168.7.10"))
        .container(nixosContainer("bus").on("vhost-dev").attach("comms", "192.168.2.20")
            .attach("internal", "192.168.3.20"))
        .internet("203.0.113.10/24", "203.0.113.1", "lan")
        .canConnect("internet", "dmz", "tcp/80", "tcp/443")
        .canConnect("internal", "dmz")
        .canConnect("comms", "dmz")
        .canConnect("lan", "internet")
        .canConnect("mgmt", "ilo")
        .never("zone:dmz", "zone:private")
        .never("zone:dmz", "zone:management")
        .never("internet", "zone:private")
        .never("internet", "zone:management");
  }

  static Network build() {
    return builder().build();
  }
}
