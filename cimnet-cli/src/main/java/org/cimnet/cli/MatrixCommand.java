package org.cimnet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cimnet.core.check.Report;
import org.cimnet.core.policy.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cimnet matrix SOURCE}: who may open connections to whom. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
    description = {"The reachability matrix the prover computes: rows open connections to"
        + " columns (every subnet in declaration order, then internet).",
        "A cell is the services (tcp/80,443, any, - for none), and what a relaying container"
        + " opens beyond them (any via bus)."})
final class MatrixCommand implements Callable<Integer> {
  @Mixin SourceOptions source;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Report report = source.validReport();
    Matrix matrix = report.matrix();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      List<Map<String, Object>> cells = new ArrayList<>();
      for (String from : matrix.nodes()) {
        for (Matrix.Cell c : matrix.row(from)) {
          cells.add(Json.object("from", c.from(), "to", c.to(),
              "direct", c.direct().isEmpty() ? null : c.direct().toString(),
              "via", c.via().isEmpty() ? null : c.via().toString(),
              "relay", c.via().isEmpty() ? null : c.relay().orElse(null),
              "text", c.text()));
        }
      }
      out.print(Json.write(Json.object("network", report.network().name(),
          "nodes", matrix.nodes(), "cells", cells)));
    } else {
      out.print(matrix.toText());
    }
    return 0;
  }
}
