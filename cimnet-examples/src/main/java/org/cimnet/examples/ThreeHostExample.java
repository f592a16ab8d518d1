package org.cimnet.examples;

import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.lxc;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.nixosContainer;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.cimnet.core.dsl.Cimnet.vm;

import org.cimnet.core.model.Network;

/**
 * Three hosts that share the routing and the DNS, subnet by subnet (README, "Placement and
 * routing"):
 *
 * <ul>
 *   <li>core routes lan (the way out), dmz and mgmt and serves DNS for lan and dmz;
 *   <li>edge routes app, db and iot and serves DNS for app and db; it holds its own address in
 *       lan, its uplink to core, so core routes app, db and iot through it;
 *   <li>rack routes nothing: it gets its address in mgmt from IPAM, and serves DNS for mgmt
 *       and iot.
 * </ul>
 *
 * <p>lan, app, dmz, mgmt and iot stretch over several hosts. Two containers relay between
 * subnets that different routers route: proxy (dmz, routed by core, and app, routed by edge)
 * and monitor (mgmt and iot). The internet reaches web only; web is single-homed, so nothing
 * from the internet relays onward.
 */
public final class ThreeHostExample {
  private ThreeHostExample() {}

  public static Network build() {
    return network("three")
        .domain("three.internal")
        .supernet("10.30.0.0/20")
        .subnet(subnet("lan", "10.30.1.0/24"))
        .subnet(subnet("app", "10.30.2.0/24"))
        .subnet(subnet("db", "10.30.3.0/24"))
        .subnet(subnet("dmz", "10.30.4.0/24").zone("dmz"))
        .subnet(subnet("iot", "10.30.5.0/24").zone("iot"))
        .subnet(subnet("mgmt", "10.30.9.0/24").zone("management"))
        .spine("spine1", 8)
        .spine("spine2", 8)
        .interconnect("spine1", 1, "spine2", 1)
        .host(host("core")
            .nic("eth0", "3c:ec:ef:30:00:00")
            .nic("eth1", "3c:ec:ef:30:00:01")
            .leaf("c-front", "lan", "dmz")
            .leaf("c-back", "mgmt", "app")
            .address("lan", "10.30.1.100")
            .router("lan", "dmz", "mgmt")
            .nameserver("lan", "dmz"))
        .host(host("edge")
            .nic("eth0", "3c:ec:ef:30:01:00")
            .nic("eth1", "3c:ec:ef:30:01:01")
            .leaf("e-up", "lan")
            .leaf("e-svc", "app", "db")
            .leaf("e-iot", "iot")
            .address("lan")
            .router("app", "db", "iot")
            .nameserver("app", "db"))
        .host(host("rack")
            .nic("eth0", "3c:ec:ef:30:02:00")
            .nic("eth1", "3c:ec:ef:30:02:01")
            .leaf("r-mgmt", "mgmt", "iot")
            .leaf("r-work", "lan", "app")
            .nameserver("mgmt", "iot"))
        .trunk("core", "eth0", "spine1", 2)
        .trunk("core", "eth1", "spine2", 2)
        .trunk("edge", "eth0", "spine1", 3)
        .trunk("edge", "eth1", "spine2", 3)
        .trunk("rack", "eth0", "spine1", 4)
        .trunk("rack", "eth1", "spine2", 4)
        .container(docker("web").on("core").attach("dmz").publish("tcp/443"))
        .container(nixosContainer("proxy").on("core").attach("dmz").attach("app"))
        .container(docker("api1").on("edge").attach("app"))
        .container(nixosContainer("pg").on("edge").attach("db"))
        .container(lxc("sensor").on("edge").attach("iot"))
        .container(docker("api2").on("rack").attach("app"))
        .container(lxc("files").on("rack").attach("lan"))
        .container(vm("cam").on("rack").attach("iot"))
        .container(nixosContainer("monitor").on("rack").attach("mgmt").attach("iot"))
        .internet("203.0.113.30/24", "203.0.113.1", "lan")
        .canConnect("internet", "container:web", "tcp/443")
        .canConnect("lan", "internet")
        .canConnect("app", "internet", "tcp/443")
        .canConnect("lan", "app", "tcp/443")
        .canConnect("app", "db", "tcp/5432")
        .canConnect("mgmt", "zone:private", "tcp/22")
        .never("internet", "zone:private")
        .never("internet", "zone:management")
        .never("zone:dmz", "zone:management")
        .build();
  }
}
