package org.cimnet.examples;

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
 * The seed's CIM: one host (vhost-dev) with four leaves, two spines, eight subnets carved from
 * 192.168.0.0/21, one public address reached through lan.
 *
 * <p>Choices where the seed is silent, each one line to change:
 * <ul>
 *   <li>VLAN ids are left to IPAM, which gives 100 plus the subnet's position in the
 *       declaration: ilo 100, lan 101, ..., wifi 107 (declared in address order, so the third
 *       octet shows in the id).
 *   <li>Zones: lan, comms, internal, agents and wifi are {@code private}; ilo and mgmt are
 *       {@code management}; dmz is {@code dmz}. "Private subnets" in the seed's assertions means
 *       both private and management zones.
 *   <li>The NIC MACs stand in for the real ones in parts.yaml.
 *   <li>Wiring: spine1 port 1 to spine2 port 1; eth0 and eth1 to spine1 ports 2 and 3, eth2 and
 *       eth3 to spine2 ports 2 and 3.
 *   <li>The public address is 203.0.113.10/24 with the upstream gateway 203.0.113.1
 *       (documentation addresses): replace them with the provider's.
 *   <li>Internet to dmz is web only (tcp/80, tcp/443), published by web1; internal and comms may
 *       push to dmz on any service; only lan reaches the internet.
 *   <li>The multi-homed container is {@code bus}, a message bus on comms and internal: a path
 *       between two private subnets, which no assertion forbids.
 * </ul>
 */
public final class SeedNetwork {
  private SeedNetwork() {}

  public static Network build() {
    return network("cim")
        .domain("cim.internal")
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
        .container(docker("web1").on("vhost-dev").attach("dmz").publish("tcp/80", "tcp/443"))
        .container(lxc("files").on("vhost-dev").attach("lan"))
        .container(lxc("mq1").on("vhost-dev").attach("comms"))
        .container(nixosContainer("db1").on("vhost-dev").attach("internal"))
        .container(vm("agent1").on("vhost-dev").attach("agents"))
        .container(nixosContainer("monitor").on("vhost-dev").attach("mgmt"))
        .container(kubernetes("portal").on("vhost-dev").attach("wifi"))
        .container(nixosContainer("bus").on("vhost-dev").attach("comms").attach("internal"))
        .internet("203.0.113.10/24", "203.0.113.1", "lan")
        .canConnect("internet", "dmz", "tcp/80", "tcp/443")
        .canConnect("internal", "dmz")
        .canConnect("comms", "dmz")
        .canConnect("lan", "internet")
        .canConnect("mgmt", "ilo")
        .never("zone:dmz", "zone:private")
        .never("zone:dmz", "zone:management")
        .never("internet", "zone:private")
        .never("internet", "zone:management")
        .build();
  }
}
