package org.cimnet.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.cimnet.core.check.Report;
import org.cimnet.core.format.Quote;
import org.cimnet.core.spi.OutputWriter;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;
import org.cimnet.core.spi.Renderers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cimnet render SOURCE}: checks, then writes every renderer's files and the checker's
 * {@code report.txt} into one folder, all or nothing.
 */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Checks SOURCE and writes the files its machines run into DIR, replacing DIR"
        + " as a whole: all files or none, the previous DIR untouched on failure.",
        "Also writes report.txt (problems, warnings, proofs, the reachability matrix).",
        "Prints every file it wrote."})
final class RenderCommand implements Callable<Integer> {
  /** The checker's findings, written with the files they vouch for. */
  static final String REPORT_FILE = "report.txt";

  @Mixin SourceOptions source;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out",
      description = "The folder to write (default: ${DEFAULT-VALUE}); replaced as a whole.")
  Path output;

  @Option(names = "--only", paramLabel = "ID", split = ",",
      completionCandidates = RenderCommand.Ids.class,
      description = "Only these renderers, comma-separated, of: ${COMPLETION-CANDIDATES}.")
  List<String> only = new ArrayList<>();

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
      description = "A renderer setting, such as unbound.forward=9.9.9.9 or ovs.datapath=netdev;"
          + " repeat for more. A key no renderer on the class path reads is refused.")
  Map<String, String> settings = new TreeMap<>();

  @Mixin OutputOptions json;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Renderers all = Renderers.discover(source.load().loader());
    Renderers renderers = selected(all, only);
    RenderContext context = settings(all, renderers, settings);
    Report report = source.validReport();
    List<String> files;
    try {
      // Each file is written as it is made: a large network's output is never held whole.
      files = OutputWriter.replace(output, sink -> {
        renderers.render(report.validated(), context, sink);
        sink.accept(new RenderedFile(REPORT_FILE, report.toText()));
      });
    } catch (UncheckedIOException e) {
      throw new CliException(CliException.FAILED, e.getMessage() + ": "
          + e.getCause().getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.json) {
      out.print(Json.write(Json.object("network", report.network().name(), "output",
          output.toString(), "renderers", renderers.ids(),
          "files", files)));
    } else {
      files.forEach(f -> out.println(output.resolve(f)));
      out.println("cimnet render: network '" + report.network().name() + "': " + files.size()
          + " files in " + output + " (renderers: " + String.join(", ", renderers.ids()) + ")");
    }
    return 0;
  }

  /** The ids of the renderers on the class path, for help and shell completion. */
  static final class Ids implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Renderers.discover().ids().iterator();
    }
  }

  /**
   * The settings for {@code selected}: a key that no renderer on the class path reads is a usage
   * error naming it; a key only a renderer left out by {@code --only} reads is dropped.
   */
  static RenderContext settings(Renderers all, Renderers selected, Map<String, String> given) {
    try {
      all.checkSettings(new RenderContext(given));
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.USAGE, "--set: " + e.getMessage(), e);
    }
    Map<String, String> used = new TreeMap<>(given);
    used.keySet().retainAll(selected.settings());
    return new RenderContext(used);
  }

  /** The renderers {@code ids} names, or all of them; an unknown id is a usage error. */
  static Renderers selected(Renderers all, List<String> ids) {
    if (ids.isEmpty()) {
      return all;
    }
    Set<String> wanted = new LinkedHashSet<>(ids);
    List<String> unknown = wanted.stream().filter(id -> !all.ids().contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new CliException(CliException.USAGE, "--only: no renderer "
          + String.join(", ", unknown.stream().map(Quote::value).toList())
          + "; the renderers are: " + String.join(", ", all.ids()));
    }
    return Renderers.of(all.all().stream().filter(r -> wanted.contains(r.id()))
        .toArray(Renderer[]::new));
  }
}
