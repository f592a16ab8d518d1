package example;

import static org.cimnet.core.dsl.Cimnet.*;

import java.nio.file.Path;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Network;
import org.cimnet.core.spi.OutputWriter;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.Renderers;

/** Builds a small network, checks it and renders it with every renderer on the class path. */
public final class Render {
  public static void main(String[] args) {
    Network net = network("shop")
        .supernet("10.30.0.0/16")
        .subnet(subnet("lan", "10.30.1.0/24"))
        .subnet(subnet("dmz", "10.30.2.0/24").zone("dmz"))
        .spine("spine1", 4)
        .spine("spine2", 4)
        .interconnect("spine1", 1, "spine2", 1)
        .host(host("vhost1").nic("eth0", "52:54:00:00:10:01").nic("eth1", "52:54:00:00:10:02")
            .leaf("leaf1", "lan", "dmz").router().nameserver())
        .trunk("vhost1", "eth0", "spine1", 2)
        .trunk("vhost1", "eth1", "spine2", 2)
        .container(docker("web").on("vhost1").attach("dmz").publish("tcp/443"))
        .internet("203.0.113.10/24", "203.0.113.1", "lan")
        .canConnect("internet", "dmz", "tcp/443")
        .never("dmz", "lan")
        .build();
    Report report = check(net);
    if (!report.ok()) {
      System.err.print(report.toText());
      System.exit(1);
    }
    Renderers renderers = Renderers.discover();
    var files = renderers.render(report.validated(), RenderContext.defaults());
    OutputWriter.replace(Path.of(args[0]), files);
    System.out.println(files.size() + " files by " + String.join(",", renderers.ids()));
  }
}
