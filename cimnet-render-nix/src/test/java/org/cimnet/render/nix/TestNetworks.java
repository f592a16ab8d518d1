package org.cimnet.render.nix;

import static org.cimnet.core.dsl.Cimnet.docker;
import static org.cimnet.core.dsl.Cimnet.host;
import static org.cimnet.core.dsl.Cimnet.network;
import static org.cimnet.core.dsl.Cimnet.nixosContainer;
import static org.cimnet.core.dsl.Cimnet.subnet;
import static org.cimnet.core.dsl.Cimnet.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;

/** Small networks for the renderer's tests, and writing rendered files to a folder. */
final class TestNetworks {
  private TestNetworks() {}

  /**
   * A router and a plain host: the router has two NICs (a bond), every kind of rule endpoint
   * and a multi-homed nixos-container; the plain host serves no DNS and routes nothing.
   */
  static ValidatedNetwork twoHosts() {
    return Checker.validate(network("t").domain("t.internal").supernet("10.9.0.0/16")
        .subnet(subnet("lan", "10.9.1.0/24").vlan(11))
        .subnet(subnet("app", "10.9.2.0/24").vlan(12))
        .subnet(subnet("dmz", "10.9.4.0/24").vlan(14).zone("dmz"))
        .spine("s1", 8)
        .spine("s2", 8)
        .interconnect("s1", 1, "s2", 1)
        .host(host("r1").nic("eth0", "52:54:00:00:00:01").nic("eth1", "52:54:00:00:00:02")
            .leaf("l1", "lan", "app").leaf("l2", "dmz")
            .address("lan", "10.9.1.100").router().nameserver())
        .host(host("plain").nic("eth0", "52:54:00:00:01:01").leaf("pl", "app")
            .address("app", "10.9.2.50"))
        .trunk("r1", "eth0", "s1", 2)
        .trunk("r1", "eth1", "s2", 2)
        .trunk("plain", "eth0", "s1", 3)
        .container(docker("web").on("r1").attach("dmz", "10.9.4.10").publish("tcp/443", "icmp"))
        .container(nixosContainer("bus").on("r1").attach("lan").attach("app"))
        .container(vm("runner").on("plain").attach("app"))
        .internet("203.0.113.10/24", "203.0.113.1", "lan")
        .canConnect("lan", "internet")
        .canConnect("internet", "container:web", "tcp/443", "icmp")
        .canConnect("app", "dmz", "tcp/8000-8080", "tcp/8080-8090", "udp")
        .canConnect("container:bus", "dmz", "tcp/22")
        .canConnect("zone:private", "zone:dmz", "udp/53")
        .canConnect("zone:dmz", "internet", "tcp/80")
        .build());
  }

  static List<RenderedFile> render(ValidatedNetwork v) {
    return new NixRenderer().render(v, RenderContext.defaults());
  }

  static String file(List<RenderedFile> files, String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("not rendered: " + path)).content();
  }

  /** Writes the files under {@code dir} and returns their paths. */
  static List<Path> write(Path dir, List<RenderedFile> files) {
    try {
      for (RenderedFile f : files) {
        Path p = dir.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.content());
      }
      return files.stream().map(f -> dir.resolve(f.path())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
