package org.cimnet.core.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.ipam.Naming.NameRecord;
import org.cimnet.core.ipam.Naming.Owner;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;
import org.junit.jupiter.api.Test;

/** The names the model implies, and the subnets that imply none. */
class NamingTest {
  /**
   * Router and nameserver h carries lan, the reserved ilo and ghost (declared nowhere): only lan
   * has a gateway and a nameserver name; then h's own address, then the container's.
   */
  @Test
  void aReservedOrUndeclaredSubnetHasNoGatewayOrNameserverName() {
    Network n = Network.builder("n").supernet("10.0.0.0/16")
        .subnet("lan", "10.0.0.0/24")
        .subnet(Subnet.builder("ilo", "10.0.1.0/24").zone("management").reserved())
        .host(Host.builder("h").router().nameserver().leaf("leaf1", "lan", "ilo", "ghost")
            .address("lan", "10.0.0.9"))
        .container(Container.builder(ContainerKind.LXC, "web").on("h")
            .attach("lan", "10.0.0.20"))
        .build();
    assertEquals(List.of(
        new NameRecord("gw.lan.cim.internal", Ipv4Address.parse("10.0.0.1"), "lan",
            Owner.GATEWAY, "h"),
        new NameRecord("ns.lan.cim.internal", Ipv4Address.parse("10.0.0.254"), "lan",
            Owner.NAMESERVER, "h"),
        new NameRecord("h.lan.cim.internal", Ipv4Address.parse("10.0.0.9"), "lan",
            Owner.HOST, "h"),
        new NameRecord("web.lan.cim.internal", Ipv4Address.parse("10.0.0.20"), "lan",
            Owner.CONTAINER, "web")),
        Naming.records(n));
  }
}
