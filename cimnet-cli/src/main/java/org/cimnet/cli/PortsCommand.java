package org.cimnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cimnet.core.event.EventLog;
import org.cimnet.watch.Whereabouts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cimnet ports --log FILE}: where every MAC is plugged in, and since when. */
@Command(name = "ports", mixinStandardHelpOptions = true,
    description = {"Shows where every MAC is plugged in (host, bridge, port, VLAN), what the"
        + " model says it is, and since when, folded from the event log's observations."})
final class PortsCommand implements Callable<Integer> {
  @Option(names = "--log", required = true, paramLabel = "FILE", description = "The event log.")
  Path log;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(Whereabouts.toText(Whereabouts.of(
        EventLog.open(log).events())));
    return 0;
  }
}
