package org.cimnet.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the same answer as JSON, for programs. */
final class OutputOptions {
  @Option(names = "--json", description = "Print the answer as JSON.")
  boolean json;
}
