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
 * A bigger CIM than the seed's, several hosts' worth: twelve subnets carved from 10.20.0.0/20,
 * three hosts (core1 routes every subnet and serves DNS; rack1 and rack2 only host containers on
 * subnets that stretch to them over the spines, and are reached through mgmt, where IPAM gives
 * each an address), two spines, thirty containers, and rules of
 * every shape (subnet to subnet, zone to zone, a single service, a published service, NAT to the
 * internet).
 *
 * <p>Zones: office, dev, build, storage and iot are {@code private}; data (the databases) is its
 * own zone so that the dmz may reach it on one service without reaching anything private; web,
 * api and partners are {@code dmz}; mgmt and backup are {@code management}; guest is
 * {@code guest}. The internet is reached through office; core1's Unbound forwards the names
 * outside the network to two upstream resolvers, so every host and container resolves the
 * internet.
 */
public final class LargerExample {
  private LargerExample() {}

  public static Network build() {
    return network("larger")
        .domain("larger.internal")
        .supernet("10.20.0.0/20")
        .subnet(subnet("office", "10.20.1.0/24"))
        .subnet(subnet("dev", "10.20.2.0/24"))
        .subnet(subnet("build", "10.20.3.0/24"))
        .subnet(subnet("storage", "10.20.4.0/24"))
        .subnet(subnet("data", "10.20.5.0/24").zone("data"))
        .subnet(subnet("web", "10.20.6.0/24").zone("dmz"))
        .subnet(subnet("api", "10.20.7.0/24").zone("dmz"))
        .subnet(subnet("partners", "10.20.8.0/24").zone("dmz"))
        .subnet(subnet("mgmt", "10.20.9.0/24").zone("management"))
        .subnet(subnet("backup", "10.20.10.0/24").zone("management"))
        .subnet(subnet("iot", "10.20.11.0/24"))
        .subnet(subnet("guest", "10.20.12.0/24").zone("guest"))
        .spine("spine1", 8)
        .spine("spine2", 8)
        .interconnect("spine1", 1, "spine2", 1)
        .host(host("core1")
            .nic("eth0", "3c:ec:ef:20:00:00")
            .nic("eth1", "3c:ec:ef:20:00:01")
            .leaf("leaf1", "office", "guest", "iot")
            .leaf("leaf2", "dev", "build", "storage")
            .leaf("leaf3", "data", "backup")
            .leaf("leaf4", "web", "api", "partners")
            .leaf("leaf5", "mgmt")
            .address("office", "10.20.1.100")
            .address("mgmt", "10.20.9.100")
            .router()
            .nameserver())
        .host(host("rack1")
            .nic("eth0", "3c:ec:ef:20:01:00")
            .nic("eth1", "3c:ec:ef:20:01:01")
            .leaf("r1web", "web", "api")
            .leaf("r1dev", "dev", "build", "storage")
            .leaf("r1mgmt", "mgmt"))
        .host(host("rack2")
            .nic("eth0", "3c:ec:ef:20:02:00")
            .nic("eth1", "3c:ec:ef:20:02:01")
            .leaf("r2data", "data", "storage")
            .leaf("r2office", "office", "guest")
            .leaf("r2mgmt", "mgmt"))
        .trunk("core1", "eth0", "spine1", 2)
        .trunk("core1", "eth1", "spine2", 2)
        .trunk("rack1", "eth0", "spine1", 3)
        .trunk("rack1", "eth1", "spine2", 3)
        .trunk("rack2", "eth0", "spine1", 4)
        .trunk("rack2", "eth1", "spine2", 4)
        // core1
        .container(lxc("files").on("core1").attach("office"))
        .container(lxc("print").on("core1").attach("office"))
        .container(kubernetes("cam1").on("core1").attach("iot"))
        .container(kubernetes("cam2").on("core1").attach("iot"))
        .container(vm("kiosk").on("core1").attach("guest"))
        .container(nixosContainer("monitor").on("core1").attach("mgmt"))
        .container(nixosContainer("bastion").on("core1").attach("mgmt").attach("backup"))
        .container(vm("tape").on("core1").attach("backup"))
        .container(docker("extranet").on("core1").attach("partners"))
        .container(docker("sftp").on("core1").attach("partners"))
        .container(nixosContainer("pg1").on("core1").attach("data"))
        .container(lxc("nas1").on("core1").attach("storage"))
        // rack1
        .container(docker("www").on("rack1").attach("web").publish("tcp/80", "tcp/443"))
        .container(docker("www2").on("rack1").attach("web"))
        .container(docker("api1").on("rack1").attach("api").publish("tcp/8443"))
        .container(docker("api2").on("rack1").attach("api"))
        .container(vm("devbox1").on("rack1").attach("dev"))
        .container(vm("devbox2").on("rack1").attach("dev"))
        .container(vm("devbox3").on("rack1").attach("dev"))
        .container(lxc("ci").on("rack1").attach("build"))
        .container(lxc("runner1").on("rack1").attach("build"))
        .container(lxc("runner2").on("rack1").attach("build").attach("storage"))
        // rack2
        .container(nixosContainer("pg2").on("rack2").attach("data"))
        .container(nixosContainer("redis").on("rack2").attach("data"))
        .container(lxc("nas2").on("rack2").attach("storage"))
        .container(lxc("minio").on("rack2").attach("storage"))
        .container(lxc("desk1").on("rack2").attach("office"))
        .container(lxc("desk2").on("rack2").attach("office"))
        .container(vm("laptop").on("rack2").attach("guest"))
        .container(vm("phone").on("rack2").attach("guest"))
        .internet("203.0.113.20/24", "203.0.113.1", "office")
        .forwarders("9.9.9.9", "149.112.112.112")
        .canConnect("internet", "web", "tcp/80", "tcp/443")
        .canConnect("internet", "container:api1", "tcp/8443")
        .canConnect("office", "internet")
        .canConnect("dev", "internet")
        .canConnect("guest", "internet")
        .canConnect("office", "zone:dmz")
        .canConnect("dev", "build")
        .canConnect("dev", "data", "tcp/5432")
        .canConnect("build", "storage")
        .canConnect("web", "api", "tcp/8443")
        .canConnect("api", "data", "tcp/5432")
        .canConnect("mgmt", "zone:private", "tcp/22")
        .canConnect("mgmt", "zone:dmz", "tcp/22")
        .canConnect("backup", "data")
        .never("zone:dmz", "zone:private")
        .never("zone:dmz", "zone:management")
        .never("internet", "zone:private")
        .never("internet", "zone:management")
        .never("internet", "zone:data")
        .never("zone:guest", "zone:private")
        .build();
  }
}
