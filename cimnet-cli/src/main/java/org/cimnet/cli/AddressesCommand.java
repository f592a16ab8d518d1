package org.cimnet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.spi.RenderContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cimnet addresses SOURCE}: every name IPAM handed out, as addresses.txt holds it. */
@Command(name = "addresses", mixinStandardHelpOptions = true,
    description = "Every name with its address, MAC, subnet, VLAN id and role, as render's"
        + " addresses.txt holds them.")
final class AddressesCommand implements Callable<Integer> {
  @Mixin SourceOptions source;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ValidatedNetwork validated = source.validReport().validated();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.print(Json.write(Json.object("network", validated.network().name(),
          "addresses", AddressTable.rows(validated).stream().map(r -> Json.object(
              "name", r.name(), "address", r.address(), "mac", r.mac(), "subnet", r.subnet(),
              "vlan", r.vlan(), "role", r.role())).toList())));
    } else {
      out.print(new AddressTable().render(validated, RenderContext.defaults()).get(0)
          .content());
    }
    return 0;
  }
}
