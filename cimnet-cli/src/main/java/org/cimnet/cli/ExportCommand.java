package org.cimnet.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cimnet.core.model.Network;
import org.cimnet.core.yaml.NetworkYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cimnet export SOURCE -o DIR}: any source as network.yaml and parts.yaml. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Writes SOURCE as DIR/network.yaml and DIR/parts.yaml (each replaced"
        + " atomically), as a person would write them; `cimnet check DIR` reads them back.")
final class ExportCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "The folder to write the two files into.")
  Path output;

  @Mixin OutputOptions json;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Network network = source.network();
    try {
      NetworkYaml.save(network, output);
    } catch (UncheckedIOException e) {
      throw new CliException(CliException.FAILED, "could not write " + output + ": "
          + e.getCause().getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path net = output.resolve(NetworkYaml.NETWORK_FILE);
    Path parts = output.resolve(NetworkYaml.PARTS_FILE);
    if (json.json) {
      out.print(Json.write(Json.object("network", network.name(),
          "files", java.util.List.of(net.toString(), parts.toString()))));
    } else {
      out.println(net);
      out.println(parts);
    }
    return 0;
  }
}
