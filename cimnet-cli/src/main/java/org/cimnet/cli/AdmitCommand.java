package org.cimnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.model.Device;
import org.cimnet.watch.Inventory;
import org.cimnet.watch.WatchException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cimnet admit SOURCE --log FILE --name ... }: a device into the inventory. */
@Command(name = "admit", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Admits a device: appends its device-admitted event to the log once the model"
        + " (SOURCE plus the log) with the device still checks. The running watchers lift its"
        + " quarantine at their next poll.",
        "Exit status 0 admitted, 1 the model with the device does not check, 2 wrong"
            + " arguments."})
final class AdmitCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  @Option(names = "--log", required = true, paramLabel = "FILE", description = "The event log.")
  Path log;

  @Option(names = "--name", required = true, description = "The device's name.")
  String name;

  @Option(names = "--mac", required = true, description = "Its MAC, such as 52:54:00:12:34:56.")
  String mac;

  @Option(names = "--kind", required = true, description = "What it is: ilo, printer, ...")
  String kind;

  @Option(names = "--subnet", required = true, description = "The subnet it sends on.")
  String subnet;

  @Option(names = "--spine", description = "The spine it is cabled to (with --port).")
  String spine;

  @Option(names = "--port", description = "The spine port it is cabled to (with --spine).")
  Integer port;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Device device;
    try {
      Device.Builder b = Device.builder(name, mac, kind, subnet);
      if ((spine == null) != (port == null)) {
        throw new IllegalArgumentException("give both --spine and --port, or neither");
      }
      if (spine != null) {
        b.cable(spine, port);
      }
      device = b.build();
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.USAGE, e.getMessage());
    }
    try {
      spec.commandLine().getOut().println(EventLog.json(Inventory.admit(source.network(), log,
          device)));
    } catch (WatchException e) {
      throw new CliException(CliException.INVALID, e.getMessage());
    }
    return 0;
  }
}
