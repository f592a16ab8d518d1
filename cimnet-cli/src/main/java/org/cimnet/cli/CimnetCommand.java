package org.cimnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code cimnet}: one subcommand per task, each in a class of its own. */
@Command(name = "cimnet", mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false,
    description = {
        "Checks, explains and renders a CIM's network.",
        "",
        "SOURCE is a folder holding network.yaml (and parts.yaml), a JShell script (.jsh), or"
            + " the name of a class with a public static Network build() method on"
            + " --class-path.",
        "",
        "Names of subnets, hosts, leaves, containers, spines and zones are lower-case DNS"
            + " labels: 1 to 63 letters, digits and '-', starting with a letter, not ending"
            + " with '-'.",
        ""},
    subcommands = {
        CheckCommand.class,
        RenderCommand.class,
        ExplainCommand.class,
        MatrixCommand.class,
        AddressesCommand.class,
        PlanCommand.class,
        ExportCommand.class,
        LabCommand.class,
        WatchCommand.class,
        AdmitCommand.class,
        PortsCommand.class,
        picocli.AutoComplete.GenerateCompletion.class,
    },
    footer = {"", "Exit status: 0 done, 1 the network is invalid, 2 wrong arguments,"
        + " 3 something else failed (see the message)."})
final class CimnetCommand implements Runnable {
  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of a failure.")
  boolean debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "name a subcommand: " + String.join(", ", spec.subcommands().keySet()));
  }
}
