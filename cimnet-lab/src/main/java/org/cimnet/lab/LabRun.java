package org.cimnet.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.spi.OutputWriter;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderers;
import org.cimnet.lab.LabReport.Observation;

/**
 * One lab run, stage by stage: render, build the fabric ({@link FabricBuilder}), start the
 * listeners, probe ({@link TcpProbes}, {@link RelayProbes}, {@link DnsProbes},
 * {@link SpoofProbes}), compare.
 */
final class LabRun {
  private static final List<String> SCRIPTS = List.of("listen.py", "connect.py", "hops.py",
      "spoof.py", "sniff.py", "txoff.py");

  private final ValidatedNetwork validated;
  private final Expectation expectation;
  private final Lab.Options options;
  private final Fabric fabric;
  private final Path rendered;

  LabRun(ValidatedNetwork validated, Expectation expectation, Lab.Options options,
      Fabric fabric) {
    this.validated = validated;
    this.expectation = expectation;
    this.options = options;
    this.fabric = fabric;
    this.rendered = fabric.work().resolve("rendered");
  }

  LabReport run() {
    long start = System.nanoTime();
    stage(Lab.Stage.RENDER, "rendering " + validated.network().name());
    render();
    stage(Lab.Stage.BUILD, "building the fabric");
    Built built = new FabricBuilder(fabric, validated, rendered, this::log).build();
    log("fabric up in " + (System.nanoTime() - start) / 1_000_000 + " ms; probing");
    Probing probing = new Probing(built, options);
    stage(Lab.Stage.LISTEN, "listeners on tcp " + probing.ports() + " in "
        + (built.containers.size() + built.routers.size() + 1) + " namespaces");
    probing.listen();
    List<Observation> observations = new ArrayList<>();
    stage(Lab.Stage.TCP, "direct connections between every pair");
    observations.addAll(new TcpProbes(built, probing, expectation, this::log).run());
    stage(Lab.Stage.RELAY, "connections through relays");
    observations.addAll(new RelayProbes(built, probing, expectation, this::log).run());
    stage(Lab.Stage.DNS, "names forward and reverse from every subnet");
    observations.addAll(new DnsProbes(built).run());
    stage(Lab.Stage.SPOOF, "forged sources from every subnet");
    observations.addAll(new SpoofProbes(built).run());
    LabReport report = new LabReport(validated.network().name(), observations, built.notes());
    long millis = (System.nanoTime() - start) / 1_000_000;
    stage(Lab.Stage.DONE, report.pairsAgreeing() + " of " + report.pairsProbed()
        + " pairs agree, " + report.relayedCellsAgreeing() + " of "
        + report.relayedCellsProbed() + " relayed cells, in " + millis + " ms");
    return report;
  }

  private void stage(Lab.Stage stage, String detail) {
    log(detail);
    options.progress().stage(stage, detail);
  }

  private void log(String message) {
    options.log().println("cimnet lab: " + message);
  }

  private void render() {
    Renderers renderers = Renderers.discover();
    List<RenderedFile> files = options.edit().apply(renderers.render(validated,
        Lab.renderContext(fabric.work())));
    OutputWriter.replace(rendered, files);
    for (String script : SCRIPTS) {
      try (InputStream in = LabRun.class.getResourceAsStream(script)) {
        if (in == null) {
          throw new LabException("The lab's script " + script + " is missing from its jar");
        }
        Files.write(fabric.work().resolve(script), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    log("rendered " + files.size() + " files with " + String.join(", ", renderers.ids()));
  }
}
