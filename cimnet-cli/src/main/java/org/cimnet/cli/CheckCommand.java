package org.cimnet.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.policy.Proof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cimnet check SOURCE}: every problem at once; exit 0 valid, 1 invalid. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Loads SOURCE and checks it: every problem at once (YAML problems with"
        + " file:line:col), then the proof of every assertion.",
        "Exit status 0 when the network is valid, 1 when it is not."})
final class CheckCommand implements Callable<Integer> {
  @Mixin SourceOptions source;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Source loaded;
    try {
      loaded = source.load();
    } catch (Source.LoadFailed e) {
      if (output.json) {
        out.print(Json.write(Json.object("source", source.source, "valid", false,
            "problems", Json.problems(source.source, e.problems()), "violations", List.of(),
            "warnings", List.of())));
      } else {
        out.println(e.getMessage());
      }
      return CliException.INVALID;
    }
    Report report = Checker.check(loaded.network());
    if (output.json) {
      out.print(Json.write(Json.object("source", loaded.name(), "network",
          loaded.network().name(), "valid", report.ok(), "problems", List.of(),
          "violations", Json.violations(report.violations()),
          "warnings", Json.violations(report.warnings()),
          "proofs", report.proofs().stream().map(p -> Json.object("assertion",
              p.assertion().toString(), "status", p.status().key(), "text", p.toText()))
              .toList())));
    } else {
      out.print(text(loaded, report));
    }
    return report.ok() ? 0 : CliException.INVALID;
  }

  static String text(Source source, Report report) {
    StringBuilder text = new StringBuilder();
    int n = report.violations().size();
    text.append(source.name()).append(": network '").append(source.network().name())
        .append("' ").append(n == 0 ? "is valid" : "has " + n + (n == 1 ? " violation"
            : " violations")).append('\n');
    text.append(Problems.violationsText(source, report));
    report.warnings().forEach(w -> text.append("  ").append(source.name()).append(": warning ")
        .append(w).append('\n'));
    if (report.proved()) {
      long held = report.proofs().stream().filter(Proof::holds).count();
      text.append("assertions: ").append(held).append(" of ").append(report.proofs().size())
          .append(" proven over every packet\n");
      report.proofs().forEach(p -> text.append("  ").append(p.toText()).append('\n'));
    } else {
      text.append("assertions: not proven: every reference must resolve and no subnets"
          + " overlap first\n");
    }
    return text.toString();
  }
}
