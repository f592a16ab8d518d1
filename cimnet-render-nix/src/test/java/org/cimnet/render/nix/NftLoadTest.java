package org.cimnet.render.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cimnet.core.plan.FirewallPlan;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads a rendered ruleset for real into a fresh network namespace and reads it back. */
class NftLoadTest {
  @Test
  void rulesetLoadsTwiceAndListsBack(@TempDir Path dir) throws Exception {
    Tools.requireRoot();
    Tools.require("nft", "ip");
    String ns = "cimnet-test-nix-" + ProcessHandle.current().pid();
    Path file = dir.resolve("nftables.nft");
    Files.writeString(file, TestNetworks.file(TestNetworks.render(TestNetworks.twoHosts()),
        "hosts/r1/nftables.nft"));
    Proc.Result added = Proc.run(List.of("ip", "netns", "add", ns));
    assertTrue(added.ok(), added.output());
    try {
      // Twice: the table / delete table / table idiom makes a reload replace, not fail.
      for (int i = 0; i < 2; i++) {
        Proc.Result loaded = Proc.run(List.of("ip", "netns", "exec", ns, "nft", "-f",
            file.toString()));
        assertTrue(loaded.ok(), loaded.output());
      }
      Proc.Result tables = Proc.run(List.of("ip", "netns", "exec", ns, "nft", "list",
          "tables"));
      assertEquals("table inet cimnet_filter\ntable ip cimnet_nat\n", tables.output());
      Proc.Result listed = Proc.run(List.of("ip", "netns", "exec", ns, "nft", "list",
          "ruleset"));
      assertTrue(listed.ok(), listed.output());
      String ruleset = listed.output();
      FirewallPlan plan = TestNetworks.twoHosts().firewalls().get("r1");
      for (String name : List.of("set subnet_sources", "set subnet_ifaces",
          "set private_spaces", "set nameservers", "set zone_dmz", "set zone_private",
          "chain prerouting", "chain input", "chain host_services", "chain forward",
          "set nat_sources", "map published", "chain postrouting")) {
        assertTrue(ruleset.contains(name + " {"), name + " missing in:\n" + ruleset);
      }
      for (FirewallPlan.AllowSet s : plan.allowSets()) {
        assertTrue(ruleset.contains("set " + s.name() + " {"), s.name() + " missing");
      }
      assertTrue(ruleset.contains("10.9.2.0/24 . 10.9.4.0/24 . tcp . 8000-8090"), ruleset);
      assertTrue(ruleset.contains("tcp . 443 : 10.9.4.10"), ruleset);
    } finally {
      Proc.run(List.of("ip", "netns", "delete", ns));
    }
  }
}
