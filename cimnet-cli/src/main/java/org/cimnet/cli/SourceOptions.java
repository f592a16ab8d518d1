package org.cimnet.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Network;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The SOURCE every subcommand reads, and the class path a class or script may need. */
final class SourceOptions {
  @Parameters(index = "0", paramLabel = "SOURCE",
      description = "A folder with network.yaml (and parts.yaml), a .jsh script, or a class name"
          + " with a public static Network build() method.")
  String source;

  @Option(names = {"--class-path", "-cp"}, paramLabel = "PATH", split = ":",
      description = "Jars and class folders for a class SOURCE, a script's imports, and extra"
          + " renderers, separated by ':'.")
  List<Path> classPath = new ArrayList<>();

  private Source loaded;

  /** The source, loaded once. */
  Source load() {
    if (loaded == null) {
      loaded = Source.load(source, classPath);
    }
    return loaded;
  }

  Network network() {
    return load().network();
  }

  /**
   * The checker's report of a valid network.
   *
   * @throws CliException listing every problem, if there is any
   */
  Report validReport() {
    Source s = load();
    if (s.yaml().isPresent()) {
      Source.Yaml yaml = s.yaml().get();
      if (!yaml.check().ok()) {
        throw new CliException(CliException.INVALID, "network '" + s.network().name()
            + "' is not valid: " + Problems.count(yaml.check().problems().size(), "problem")
            + ":\n" + Problems.located(yaml.folder(), yaml.check().problems()).stripTrailing());
      }
      return yaml.check().report().orElseThrow();
    }
    Report report = Checker.check(s.network());
    if (!report.ok()) {
      throw new CliException(CliException.INVALID, "network '" + s.network().name()
          + "' is not valid: " + Problems.count(report.problems().size(), "problem")
          + ":\n" + Problems.unlocated(s.name(), report.problems()).stripTrailing());
    }
    return report;
  }
}
