package org.cimnet.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Service;
import org.cimnet.core.policy.Explanation;
import org.cimnet.core.policy.ServiceSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cimnet explain SOURCE FROM TO [SERVICE]}: the prover's answer for one pair. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Can FROM open connections to TO? Which services, by which rule, through"
        + " which relaying container. The same answer as the matrix's cell.",
        "FROM and TO: a subnet, zone:NAME, container:NAME or internet."})
final class ExplainCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  @Parameters(index = "1", paramLabel = "FROM", description = "Who opens the connection.")
  String from;

  @Parameters(index = "2", paramLabel = "TO", description = "Who accepts it.")
  String to;

  @Parameters(index = "3", paramLabel = "SERVICE", arity = "0..1",
      description = "One service to ask about, such as tcp/443, udp/53 or icmp.")
  String service;

  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Endpoint f = endpoint("FROM", from);
    Endpoint t = endpoint("TO", to);
    Optional<Service> asked = Optional.ofNullable(service).map(s -> {
      try {
        return Service.parse(s);
      } catch (IllegalArgumentException e) {
        throw new CliException(CliException.USAGE, "SERVICE: " + e.getMessage());
      }
    });
    Report report = source.validReport();
    Explanation e = Explanation.of(report.policy(), f, t);
    if (!e.problem().isEmpty()) {
      throw new CliException(CliException.USAGE, e.problem());
    }
    ServiceSet all = e.services().union(e.viaServices());
    Optional<Boolean> allowed = asked.map(s -> all.containsAll(ServiceSet.of(s)));
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.print(Json.write(Json.object("from", f.text(), "to", t.text(),
          "allowed", e.allowed(), "services", e.services().toString(),
          "via", e.via().map(p -> p.relays().get(p.relays().size() - 1)).orElse(null),
          "via_services", e.via().isPresent() ? e.viaServices().toString() : null,
          "rules", e.rules().stream().map(Object::toString).toList(),
          "inside_subnets", e.subnets(),
          "service", service == null ? null : asked.get().toString(),
          "service_allowed", allowed.orElse(null))));
    } else {
      out.print(e.toText());
      asked.ifPresent(s -> out.println(s + ": " + (allowed.get() ? "allowed" : "denied")));
    }
    return 0;
  }

  private static Endpoint endpoint(String what, String text) {
    try {
      return Endpoint.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.USAGE, what + ": " + e.getMessage());
    }
  }
}
