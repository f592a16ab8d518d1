package org.cimnet.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Network;
import org.cimnet.core.spi.OutputWriter;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderers;

/**
 * Checks the seed's CIM and renders it with every renderer on the class path into a folder
 * ({@code out} unless given), replacing that folder atomically; the checker's report (proofs and
 * reachability matrix) goes into the same folder as {@code report.txt}. Exits 1 with the report
 * if the network has violations, writing nothing.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "out");
    int status = render(SeedNetwork.build(), out);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The checker's report (violations, warnings, proofs, reachability matrix) as a file. */
  static RenderedFile reportFile(Report report) {
    return new RenderedFile("report.txt", report.toText());
  }

  /** Checks and renders {@code network} into {@code out}; returns the exit status. */
  static int render(Network network, Path out) {
    Report report = Checker.check(network);
    if (!report.ok()) {
      System.err.print(report.toText());
      return 1;
    }
    Renderers renderers = Renderers.discover();
    List<RenderedFile> files = new ArrayList<>(
        renderers.render(report.validated(), RenderContext.defaults()));
    // The checker's findings travel with what they vouch for, written in the same atomic swap.
    files.add(reportFile(report));
    OutputWriter.replace(out, files);
    System.out.println("cimnet: " + network + " -> " + files.size() + " files in " + out
        + " (renderers: " + String.join(", ", renderers.ids()) + ")");
    return 0;
  }
}
