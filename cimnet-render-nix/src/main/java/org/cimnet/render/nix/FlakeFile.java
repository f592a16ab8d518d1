package org.cimnet.render.nix;

import static org.cimnet.core.format.nix.NixStrings.attr;
import static org.cimnet.core.format.nix.NixStrings.string;

import java.util.List;

/**
 * {@code flake.nix} at the root of the output: {@code nixosModules.<host>} for every host, each
 * the host's {@code hosts/<host>/nix} folder as it is, so a fleet tool (a flake of the hosts'
 * configurations, colmena, deploy-rs) imports them without copying. No inputs: the modules take
 * {@code pkgs} and {@code lib} from the configuration that imports them.
 */
final class FlakeFile {
  static final String PATH = "flake.nix";

  private FlakeFile() {}

  static String render(String network, List<String> hosts) {
    NixWriter w = new NixWriter();
    w.comment("cimnet: the NixOS modules of every host of network " + network
        + " (generated; do not edit).");
    w.comment("In a host's configuration: imports = [ cim.nixosModules.<host> ]; where cim is this");
    w.comment("flake as an input (inputs.cim.url = \"path:/where/it/is\";).");
    w.open("{");
    w.line("description = " + string("cimnet: the network " + network
        + ", one NixOS module per host") + ";");
    w.line("");
    w.open("outputs = { self, ... }: {");
    w.open("nixosModules = {");
    for (String host : hosts) {
      w.line(attr(host) + " = ./. + " + string("/hosts/" + host + "/nix") + ";");
    }
    w.close("};");
    w.close("};");
    w.close("}");
    return w.toString();
  }
}
