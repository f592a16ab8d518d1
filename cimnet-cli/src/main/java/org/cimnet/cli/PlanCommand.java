package org.cimnet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cimnet.core.event.ChangePlan;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.event.EventLogException;
import org.cimnet.core.model.Network;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cimnet plan SOURCE --against OLD | --events LOG}: what a change does, before it is made. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"The change plan: the events, subnets, names, MACs and reachability that"
        + " change, the assertions the change breaks and the problems it adds or fixes.",
        "--against OLD: from OLD (any SOURCE) to SOURCE.",
        "--events LOG: from SOURCE to SOURCE with every event of the JSON-lines log LOG applied.",
        "Exit status 0 when the change is safe, 1 when it is not (or a network is invalid)."})
final class PlanCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  static final class Baseline {
    @Option(names = "--against", paramLabel = "OLD", required = true,
        description = "The network before the change: a folder, a .jsh script or a class.")
    String against;

    @Option(names = "--events", paramLabel = "LOG", required = true,
        description = "An event log whose events SOURCE would receive.")
    Path events;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Baseline baseline;

  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Network now = source.network();
    ChangePlan plan;
    if (baseline.against != null) {
      Network old = Source.load(baseline.against, source.classPath).network();
      plan = ChangePlan.of(old, now);
    } else {
      if (!Files.isRegularFile(baseline.events)) {
        throw new CliException(CliException.USAGE, "--events: '" + baseline.events
            + "' is not a file");
      }
      try {
        plan = ChangePlan.of(now, EventLog.open(baseline.events).replay(now));
      } catch (EventLogException e) {
        throw new CliException(CliException.INVALID, baseline.events + ": " + e.getMessage(), e);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      List<String> problems = new ArrayList<>();
      plan.newProblems().forEach(v -> problems.add(v.toString()));
      out.print(Json.write(Json.object("safe", plan.safe(), "events", plan.events().size(),
          "subnets", texts(plan.subnets()), "names", texts(plan.names()),
          "macs", texts(plan.macs()), "reachability", texts(plan.reachability()),
          "broken_assertions", plan.brokenAssertions(), "new_problems", problems,
          "fixed_problems", plan.fixedProblems().stream().map(Object::toString).toList(),
          "text", plan.toText())));
    } else {
      out.print(plan.toText());
    }
    return plan.safe() ? 0 : CliException.INVALID;
  }

  private static List<String> texts(List<ChangePlan.Change> changes) {
    return changes.stream().map(ChangePlan.Change::toString).toList();
  }
}
