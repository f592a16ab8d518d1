package org.cimnet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.EventLog;
import org.cimnet.watch.Ovs;
import org.cimnet.watch.WatchException;
import org.cimnet.watch.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cimnet watch SOURCE --host NAME --log FILE}: the watcher of one host. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs the watcher of one host: reads its Open vSwitch MAC tables (and LLDP"
        + " neighbours where lldpd runs) every poll, reconciles them with the model (SOURCE plus"
        + " the event log), appends every change to the log, runs the model's handlers and"
        + " quarantines unknown MACs where the subnet says so. Each event is printed as its log"
        + " line. OVS_APPCTL, OVS_OFCTL, CIMNET_IP and CIMNET_LLDPCLI replace the tools.",
        "Exit status 0 when stopped or done, 3 when the watcher could not run."})
final class WatchCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  @Option(names = "--host", required = true, paramLabel = "NAME",
      description = "The host this watcher runs on.")
  String host;

  @Option(names = "--log", required = true, paramLabel = "FILE",
      description = "The event log: the changes since SOURCE, and where events go.")
  Path log;

  @Option(names = "--polls", paramLabel = "N", defaultValue = "-1",
      description = "Stop after N polls (default: run until stopped).")
  long polls;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Watcher w = new Watcher(source.network(), log, host, new Ovs(System.getenv()),
        Clock.systemUTC(), System.err)) {
      for (long i = 0; polls < 0 || i < polls; i++) {
        long start = System.nanoTime();
        for (Event e : w.poll()) {
          out.println(EventLog.json(e));
        }
        out.flush();
        long left = w.pollMillis() - (System.nanoTime() - start) / 1_000_000;
        if (left > 0) {
          Thread.sleep(left);
        }
      }
    } catch (WatchException e) {
      throw new CliException(CliException.FAILED, e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
