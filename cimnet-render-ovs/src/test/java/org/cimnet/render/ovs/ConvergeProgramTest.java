package org.cimnet.render.ovs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.PortPlan;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code converge.awk}'s checks of the OpenFlow port numbers, run by the real awk on states
 * written here (a switch would have to be broken by hand to show them): the flows name ports by
 * number, so a port that holds another number than the plan pins must stop the flows.
 */
class ConvergeProgramTest {
  @TempDir
  Path dir;

  private HostPlan plan;
  private PortPlan internal;

  @BeforeEach
  void write() throws IOException {
    Tools.require("awk");
    plan = SmallNetworks.before().plans().get(SmallNetworks.HOST);
    internal = plan.bridges().stream().flatMap(b -> b.ports().stream())
        .filter(p -> p.kind() == PortPlan.Kind.INTERNAL).findFirst().orElseThrow();
    StringBuilder table = new StringBuilder();
    SwitchTable.write(plan, "netdev", table);
    Files.writeString(dir.resolve("plan"), table);
    try (InputStream in = SetupScript.class.getResourceAsStream("converge.awk")) {
      Files.write(dir.resolve("converge.awk"), in.readAllBytes());
    }
  }

  private Proc.Result awk(String mode, String state) throws IOException {
    Files.writeString(dir.resolve("state"), state, StandardCharsets.UTF_8);
    return Proc.run(List.of("env", "LC_ALL=C", "awk", "-v", "mode=" + mode, "-v",
        "out=" + dir, "-f", dir.resolve("converge.awk").toString(),
        dir.resolve("state").toString(), dir.resolve("plan").toString()), null, 30);
  }

  @Test
  void aLookedUpInterfaceOnAnotherNumberStopsTheFlows() throws IOException {
    Proc.Result r = awk("checked", "[{\"rows\":[{\"name\":\"" + internal.name()
        + "\",\"ofport\":99}]}]\n");
    assertEquals(1, r.exit(), r.output());
    assertTrue(r.output().contains("cimnet: interface " + internal.name()
        + " has OpenFlow port 99, not " + internal.ofport() + "; not loading flows"), r.output());
  }

  @Test
  void aLookedUpInterfaceOnItsNumberOrWaitingForItsDevicePasses() throws IOException {
    Proc.Result r = awk("checked", "[{\"rows\":[{\"name\":\"" + internal.name() + "\",\"ofport\":"
        + internal.ofport() + "}]},{\"rows\":[{\"name\":\"ve-c1\",\"ofport\":-1}]},{\"rows\":"
        + "[{\"name\":\"ve-c2\",\"ofport\":[\"set\",[]]}]},{\"rows\":[]}]\n");
    assertEquals(0, r.exit(), r.output());
  }

  @Test
  void aDumpedInterfaceOnAnotherNumberStopsTheFlows() throws IOException {
    Proc.Result r = awk("ofports", "Interface table\nofport,name\n99," + internal.name()
        + "\n-1,ve-c1\n");
    assertEquals(1, r.exit(), r.output());
    assertTrue(r.output().contains("has OpenFlow port 99"), r.output());
    assertFalse(r.output().contains("ve-c1"), r.output());
  }
}
