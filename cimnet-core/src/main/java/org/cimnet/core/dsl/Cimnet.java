package org.cimnet.core.dsl;

import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Service;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Watch;

/**
 * The one entry point of the DSL. Import it statically and describe the whole network:
 *
 * <pre>{@code
 * import static org.cimnet.core.dsl.Cimnet.*;
 *
 * Network cim = network("cim")
 *     .supernet("192.168.0.0/21")
 *     .subnet(subnet("lan", "192.168.1.0/24").vlan(101))
 *     .subnet(subnet("dmz", "192.168.4.0/24").zone("dmz"))
 *     .spine("spine1", 8)
 *     .host(host("vhost-dev").nic("eth0", "52:54:00:00:00:10")
 *         .leaf("leaf1", "lan").leaf("leaf4", "dmz").router().nameserver())
 *     .trunk("vhost-dev", "eth0", "spine1", 2)
 *     .container(docker("web1").on("vhost-dev").attach("dmz").publish("tcp/443"))
 *     .internet("203.0.113.10/24", "203.0.113.1", "lan")
 *     .canConnect("internet", "dmz", "tcp/443")
 *     .never("dmz", "lan")
 *     .build();
 * Report report = check(cim);
 * }</pre>
 *
 * <p>Strings are taken where a person would type them (CIDRs, addresses, MACs, services,
 * endpoints); every call checks its arguments at once and throws
 * {@link IllegalArgumentException} naming the element and quoting the value.
 */
public final class Cimnet {
  private Cimnet() {}

  /** A network named {@code name}; finish with {@code build()}. */
  public static Network.Builder network(String name) {
    return Network.builder(name);
  }

  /**
   * An authorized device of the inventory, such as
   * {@code device("ilo-a", "3c:ec:ef:00:00:01", "ilo", "ilo").cable("spine1", 5)}.
   */
  public static Device.Builder device(String name, String mac, String kind, String subnet) {
    return Device.builder(name, mac, kind, subnet);
  }

  /**
   * The watcher's settings, such as
   * {@code watch().enforce("lan", "quarantine").on("unauthorized", "/usr/local/bin/notify")}.
   */
  public static Watch.Builder watch() {
    return Watch.builder();
  }

  /** A subnet in zone {@code private}; set {@code vlan}, {@code zone}, {@code reserved}. */
  public static Subnet.Builder subnet(String name, String cidr) {
    return Subnet.builder(name, cidr);
  }

  /**
   * A physical machine; add NICs, leaves and addresses, and place roles on it: {@code router()}
   * and {@code nameserver()} for every subnet it carries, or {@code router("lan", "dmz")} and
   * {@code nameserver("lan")} for the named ones.
   */
  public static Host.Builder host(String name) {
    return Host.builder(name);
  }

  /** A container of {@code kind}; place it {@code on} a host and {@code attach} it. */
  public static Container.Builder container(ContainerKind kind, String name) {
    return Container.builder(kind, name);
  }

  /** A virtual machine. */
  public static Container.Builder vm(String name) {
    return container(ContainerKind.VM, name);
  }

  /** An LXC container. */
  public static Container.Builder lxc(String name) {
    return container(ContainerKind.LXC, name);
  }

  /** A Docker container. */
  public static Container.Builder docker(String name) {
    return container(ContainerKind.DOCKER, name);
  }

  /** A Kubernetes pod or node. */
  public static Container.Builder kubernetes(String name) {
    return container(ContainerKind.KUBERNETES, name);
  }

  /** A NixOS container ({@code containers.<name>}), declared in full in the host's modules. */
  public static Container.Builder nixosContainer(String name) {
    return container(ContainerKind.NIXOS_CONTAINER, name);
  }

  /** Every address of a subnet, as a rule or assertion endpoint ({@code subnet:NAME}). */
  public static Endpoint ofSubnet(String name) {
    return Endpoint.ofSubnet(name);
  }

  /** Every subnet of a zone, as a rule or assertion endpoint ({@code zone:NAME}). */
  public static Endpoint ofZone(String name) {
    return Endpoint.ofZone(name);
  }

  /** One container, as a rule or assertion endpoint ({@code container:NAME}). */
  public static Endpoint ofContainer(String name) {
    return Endpoint.ofContainer(name);
  }

  /** The addresses a host holds itself, as a rule or assertion endpoint ({@code host:NAME}). */
  public static Endpoint ofHost(String name) {
    return Endpoint.ofHost(name);
  }

  /** Every address outside the private spaces, as a rule or assertion endpoint. */
  public static Endpoint ofInternet() {
    return Endpoint.ofInternet();
  }

  /** A service from its text: {@code tcp/443}, {@code udp/53}, {@code icmp}, {@code any}. */
  public static Service service(String text) {
    return Service.parse(text);
  }

  /** Runs IPAM and the checker; the report holds every problem and the validated network. */
  public static Report check(Network network) {
    return Checker.check(network);
  }
}
