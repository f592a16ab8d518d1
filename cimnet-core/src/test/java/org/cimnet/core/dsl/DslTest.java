package org.cimnet.core.dsl;

import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cimnet.core.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input to the DSL fails at once, naming the element and quoting the value. */
class DslTest {

  private static void fails(String message, Executable call) {
    Exception e = assertThrows(RuntimeException.class, call);
    assertEquals(message, e.getMessage());
  }

  @Test
  void badCidr() {
    fails("Subnet 'dmz': cidr '192.168.4.0/33' is not an IPv4 prefix: the length '33' must be"
        + " a number from 0 to 32", () -> subnet("dmz", "192.168.4.0/33"));
    fails("Subnet 'dmz': cidr '192.168.4.9/24' has host bits set: did you mean"
        + " '192.168.4.0/24'?", () -> subnet("dmz", "192.168.4.9/24"));
    fails("Network 'cim': supernet '192.168.0.0' is not an IPv4 prefix: expected"
        + " address/length, such as '192.168.4.0/24'", () -> network("cim").supernet(
            "192.168.0.0"));
  }

  @Test
  void badMac() {
    fails("Host 'vhost-dev': NIC 'eth2': '52:54:00:zz:00:01' is not a MAC address: expected six"
        + " pairs of hex digits joined by ':', such as '52:54:00:12:34:56'",
        () -> host("vhost-dev").nic("eth2", "52:54:00:zz:00:01"));
    fails("Container 'web1': MAC in subnet 'dmz': '52:54:00:00:01' is not a MAC address:"
        + " expected six pairs of hex digits joined by ':', such as '52:54:00:12:34:56'",
        () -> docker("web1").attach("dmz", "192.168.4.10", "52:54:00:00:01"));
  }

  @Test
  void badNames() {
    String allowed = "use 1 to 63 lower-case letters, digits and '-', starting with a letter and"
        + " not ending with '-'";
    fails("Subnet name 'my net' is not valid: " + allowed, () -> subnet("my net",
        "192.168.4.0/24"));
    fails("Subnet name 'dmz\"' is not valid: " + allowed, () -> subnet("dmz\"",
        "192.168.4.0/24"));
    fails("Host name 'Vhost' is not valid: " + allowed, () -> host("Vhost"));
    fails("Container name 'web${x}' is not valid: " + allowed, () -> docker("web${x}"));
    fails("Host 'h': leaf 'leaf1': Subnet name 'l an' is not valid: " + allowed,
        () -> host("h").leaf("leaf1", "l an"));
    fails("Host 'h': NIC name 'eth0;rm' is not valid: use 1 to 15 characters: a lower-case letter, then"
        + " lower-case letters, digits, '_', '.' or '-'", () -> host("h").nic("eth0;rm",
            "52:54:00:00:00:01"));
  }

  @Test
  void duplicates() {
    Network.Builder b = network("cim").supernet("192.168.0.0/21")
        .subnet(subnet("dmz", "192.168.4.0/24"));
    fails("Subnet 'dmz' is declared twice", () -> b.subnet(subnet("dmz", "192.168.5.0/24")));
    b.host(host("h"));
    fails("Host 'h' is declared twice", () -> b.host(host("h")));
    fails("Host 'h': NIC 'eth0' is declared twice",
        () -> host("h").nic("eth0", "52:54:00:00:00:01").nic("eth0", "52:54:00:00:00:02"));
    b.container(docker("web1").on("h").attach("dmz"));
    fails("Container 'web1' is declared twice",
        () -> b.container(docker("web1").on("h").attach("dmz")));
    fails("Network 'cim': supernet already set to '192.168.0.0/21'",
        () -> b.supernet("10.0.0.0/8"));
  }

  @Test
  void misuseOfBuilders() {
    fails("Container 'web1': not placed on a host: call on(\"host\")",
        () -> docker("web1").attach("dmz").build());
    fails("Container 'web1': attached to no subnet: call attach(\"subnet\")",
        () -> docker("web1").on("h").build());
    fails("Container 'web1': host already set to 'h'", () -> docker("web1").on("h").on("g"));
    fails("Network 'cim': no supernet: call supernet(\"192.168.0.0/21\") or similar",
        () -> network("cim").build());
    fails("Subnet 'dmz': VLAN id '4095' is out of range: must be 1 to 4094",
        () -> subnet("dmz", "192.168.4.0/24").vlan(4095));
  }

  @Test
  void badRulesAndServices() {
    Network.Builder b = network("cim").supernet("192.168.0.0/21");
    fails("Rule can_connect(internet, dmz): Service 'tcp/70000' is not valid: use tcp/PORT,"
        + " udp/PORT, tcp/LOW-HIGH, tcp, udp, icmp or any (ports 1 to 65535)",
        () -> b.canConnect("internet", "dmz", "tcp/70000"));
    fails("Rule can_connect(zone:Bad, dmz): Endpoint 'zone:Bad' is not valid (Zone name 'Bad' is"
        + " not valid: use 1 to 63 lower-case letters, digits and '-', starting with a letter"
        + " and not ending with '-'): use a subnet name, subnet:NAME, zone:NAME, container:NAME,"
        + " host:NAME or internet", () -> b.canConnect("zone:Bad", "dmz"));
    fails("Assertion never(vm:x, dmz): Endpoint 'vm:x' is not valid (unknown kind 'vm'):"
        + " use a subnet name, subnet:NAME, zone:NAME, container:NAME, host:NAME or internet",
        () -> b.never("vm:x", "dmz"));
  }

  @Test
  void badInternet() {
    fails("Internet: public address '203.0.113/24' is not valid: expected an IPv4 address with"
        + " its prefix length, such as '203.0.113.10/24'",
        () -> network("cim").internet("203.0.113/24", "203.0.113.1", "lan"));
  }

  /** A NIC's interface name is stated after the NIC; the forwarders after the internet. */
  @Test
  void ifnameAndForwardersFollowWhatTheyBelongTo() {
    assertEquals(java.util.Optional.of("enp3s0f0"), host("h").nic("eth0")
        .ifname("eth0", "enp3s0f0").build().nic("eth0").orElseThrow().ifname());
    IllegalArgumentException nic = assertThrows(IllegalArgumentException.class,
        () -> host("h").nic("eth0").ifname("eth1", "enp3s0f1"));
    assertEquals("Host 'h': NIC 'eth1' is not declared: declare it with nic(...) before naming"
        + " its interface", nic.getMessage());
    IllegalStateException internet = assertThrows(IllegalStateException.class,
        () -> network("n").forwarders("9.9.9.9"));
    assertEquals("Network 'n': forwarders need the internet: declare internet(...) first, they"
        + " are reached through it", internet.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> network("n").internet("203.0.113.10/24", "203.0.113.1", "lan")
            .forwarders("9.9.9.9", "nine"));
    assertEquals("Network 'n': Internet: forwarder: 'nine' is not an IPv4 address: expected four"
        + " numbers 0 to 255 joined by dots, such as '192.168.1.10'", twice.getMessage());
  }
}
