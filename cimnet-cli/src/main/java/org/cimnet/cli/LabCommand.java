package org.cimnet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cimnet.core.check.Report;
import org.cimnet.lab.Lab;
import org.cimnet.lab.LabException;
import org.cimnet.lab.LabReport;
import org.cimnet.lab.ProverExpectation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cimnet lab SOURCE}: the rendered network run for real and compared with the prover. */
@Command(name = "lab", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Renders SOURCE, runs it in Linux network namespaces (private Open vSwitch,"
        + " nftables, Unbound), probes every pair and compares each observation with the"
        + " prover. Needs root and the tools scripts/install-test-tools.sh installs.",
        "Progress goes to standard error, the summary to standard output.",
        "Exit status 0 when everything agrees, 1 on a disagreement or an invalid network,"
            + " 3 when the lab could not run."})
final class LabCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  @Option(names = "--keep", description = "Keep the work folder (rendered files, daemon logs).")
  boolean keep;

  @Option(names = "--timeout-ms", paramLabel = "N", defaultValue = "1500",
      description = "Bound on each connection (default: ${DEFAULT-VALUE}).")
  int timeoutMillis;

  @Option(names = "--ports", paramLabel = "P", split = ",", defaultValue = "22,8080",
      description = "Extra ports probed besides those the rules name (default:"
          + " ${DEFAULT-VALUE}).")
  List<Integer> ports = new ArrayList<>();

  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Report report = source.validReport();
    Lab.Options options;
    try {
      options = new Lab.Options(timeoutMillis, ports, keep, Lab.Options.defaults().edit(),
          System.err);
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.USAGE, e.getMessage());
    }
    LabReport lab;
    try {
      lab = Lab.run(report.validated(), new ProverExpectation(report.policy()), options);
    } catch (LabException e) {
      throw new CliException(CliException.FAILED, "could not run: " + e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.print(Json.write(Json.object("network", lab.network(), "agrees", lab.agrees(),
          "pairs_probed", lab.pairsProbed(), "pairs_agreeing", lab.pairsAgreeing(),
          "observations", lab.observations().size(),
          "disagreements", lab.disagreements().stream()
              .map(LabReport.Observation::text).toList(),
          "notes", lab.notes())));
    } else {
      out.print(lab.toText());
    }
    return lab.agrees() ? 0 : CliException.INVALID;
  }
}
