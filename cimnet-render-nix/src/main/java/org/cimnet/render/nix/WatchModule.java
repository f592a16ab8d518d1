package org.cimnet.render.nix;

import static org.cimnet.core.format.nix.NixStrings.string;

import org.cimnet.core.model.Watch;

/**
 * {@code watch.nix}, written for every host when the model declares {@code watch}: a systemd
 * service running {@code cimnet watch} on the host, started after Open vSwitch and restarted if
 * it stops: {@code cimnet watch <model> --log <log> --host <host>}. Options under
 * {@code cimnet.watch}: {@code package} (required: a package whose
 * {@code bin/cimnet} is cimnet's command line), {@code model} (the folder holding network.yaml
 * and parts.yaml, default {@code /etc/cimnet}) and {@code log} (the event log, default
 * {@code /var/lib/cimnet/events.jsonl}).
 */
final class WatchModule {
  private WatchModule() {}

  static String render(String host, Watch watch) {
    NixWriter w = new NixWriter();
    w.comment("cimnet: the watcher of host " + host + " (generated; do not edit).");
    w.comment("It reads the Open vSwitch MAC tables every " + watch.pollMillis() + " ms, records"
        + " what is plugged in where");
    w.comment("as events in the log, runs the model's handlers and isolates unknown MACs.");
    w.line("{ config, lib, pkgs, ... }:");
    w.line("let");
    w.line("  cfg = config.cimnet.watch;");
    w.line("in");
    w.open("{");
    w.open("options.cimnet.watch = {");
    w.open("package = lib.mkOption {");
    w.line("type = lib.types.package;");
    w.line("description = " + string("A package whose bin/cimnet is cimnet's command line.")
        + ";");
    w.close("};");
    w.open("model = lib.mkOption {");
    w.line("type = lib.types.str;");
    w.line("default = " + string("/etc/cimnet") + ";");
    w.line("description = " + string("The folder holding network.yaml and parts.yaml.") + ";");
    w.close("};");
    w.open("log = lib.mkOption {");
    w.line("type = lib.types.str;");
    w.line("default = " + string("/var/lib/cimnet/events.jsonl") + ";");
    w.line("description = " + string("The event log the watcher reads and appends to.") + ";");
    w.close("};");
    w.close("};");
    w.open("config.systemd.services.cimnet-watch = {");
    w.line("description = " + string("cimnet watcher of host " + host
        + ": what is plugged in where") + ";");
    w.line("wantedBy = [ \"multi-user.target\" ];");
    w.line("after = [ \"ovs-vswitchd.service\" \"network.target\" ];");
    w.line("wants = [ \"ovs-vswitchd.service\" ];");
    w.line("path = [ config.virtualisation.vswitch.package pkgs.iproute2 ];");
    w.open("serviceConfig = {");
    w.line("ExecStart = lib.escapeShellArgs [ \"${cfg.package}/bin/cimnet\" \"watch\""
        + " cfg.model \"--log\" cfg.log \"--host\" " + string(host) + " ];");
    w.line("Restart = \"always\";");
    w.line("RestartSec = 2;");
    w.line("StateDirectory = \"cimnet\";");
    w.close("};");
    w.close("};");
    w.close("}");
    return w.toString();
  }
}
