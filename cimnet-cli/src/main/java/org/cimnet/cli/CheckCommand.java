package org.cimnet.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    description = {"Loads SOURCE and checks it: every problem at once (load problems and the"
        + " checker's problems together; in YAML each at file:line:col), the warnings, then"
        + " the proof of every assertion.",
        "Exit status 0 when the network is valid, 1 when it is not."})
final class CheckCommand implements Callable<Integer> {
  @Mixin SourceOptions source;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  /** What check found, as text lines and JSON objects, whatever the kind of source. */
  private record Found(String source, Optional<String> network, List<String> problems,
      List<Map<String, Object>> problemsJson, List<String> warnings,
      List<Map<String, Object>> warningsJson, Optional<Report> report) {}

  @Override
  public Integer call() {
    Found found = find();
    PrintWriter out = spec.commandLine().getOut();
    boolean valid = found.problems().isEmpty();
    if (output.json) {
      out.print(Json.write(Json.object("source", found.source(),
          "network", found.network().orElse(null), "valid", valid,
          "problems", found.problemsJson(), "warnings", found.warningsJson(),
          "proofs", found.report().map(r -> r.proofs().stream().map(p -> Json.object(
              "assertion", p.assertion().toString(), "status", p.status().key(),
              "text", p.toText())).toList()).orElse(List.of()))));
    } else {
      out.print(text(found));
    }
    return valid ? 0 : CliException.INVALID;
  }

  private Found find() {
    Source loaded;
    try {
      loaded = source.load();
    } catch (Source.LoadFailed e) {
      return new Found(e.folder().resolve("network.yaml").toString(), Optional.empty(),
          Problems.located(e.folder(), e.problems()).lines().map(String::strip).toList(),
          Json.problems(e.folder(), e.problems()), List.of(), List.of(), Optional.empty());
    }
    Optional<String> name = Optional.of(loaded.network().name());
    if (loaded.yaml().isPresent()) {
      Source.Yaml yaml = loaded.yaml().get();
      return new Found(loaded.name(), name,
          Problems.located(yaml.folder(), yaml.check().problems()).lines().map(String::strip)
              .toList(), Json.problems(yaml.folder(), yaml.check().problems()),
          Problems.located(yaml.folder(), yaml.check().warnings()).lines().map(String::strip)
              .toList(), Json.problems(yaml.folder(), yaml.check().warnings()),
          yaml.check().report());
    }
    Report report = Checker.check(loaded.network());
    return new Found(loaded.name(), name,
        Problems.unlocated(loaded.name(), report.problems()).lines().map(String::strip)
            .toList(), Json.problems(report.problems()),
        Problems.unlocated(loaded.name(), report.warnings()).lines().map(String::strip)
            .toList(), Json.problems(report.warnings()), Optional.of(report));
  }

  private static String text(Found found) {
    StringBuilder text = new StringBuilder(found.source()).append(": ");
    String network = found.network().map(n -> "network '" + n + "'").orElse("the network");
    if (found.problems().isEmpty()) {
      text.append(network).append(" is valid\n");
    } else {
      text.append(network).append(" has ")
          .append(Problems.count(found.problems().size(), "problem")).append(":\n");
      found.problems().forEach(p -> text.append("  ").append(p).append('\n'));
    }
    if (!found.warnings().isEmpty()) {
      text.append(Problems.count(found.warnings().size(), "warning")).append(":\n");
      found.warnings().forEach(w -> text.append("  ").append(w).append('\n'));
    }
    Optional<Report> report = found.report();
    if (report.isEmpty()) {
      text.append("assertions: not proven: the files did not load\n");
    } else if (!report.get().proved()) {
      text.append("assertions: not proven: every reference must resolve and no subnets"
          + " overlap first\n");
    } else {
      long held = report.get().proofs().stream().filter(Proof::holds).count();
      text.append("assertions: ").append(held).append(" of ")
          .append(report.get().proofs().size()).append(" proven over every packet\n");
      report.get().proofs().forEach(p -> text.append("  ").append(p.toText()).append('\n'));
    }
    return text.toString();
  }
}
