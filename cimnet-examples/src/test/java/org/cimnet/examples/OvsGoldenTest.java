package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.render.ovs.OvsRenderer;
import org.cimnet.testkit.Golden;
import org.junit.jupiter.api.Test;

/** The Open vSwitch files of the seed's CIM, byte for byte (golden/ovs/). */
class OvsGoldenTest {
  private static ValidatedNetwork seed() {
    return Checker.check(SeedNetwork.build()).validated();
  }

  @Test
  void seedNetworkMatchesGoldenFiles() {
    Golden.assertFolder("ovs", new OvsRenderer().render(seed(), RenderContext.defaults()));
  }

  @Test
  void renderingIsByteStable() {
    List<RenderedFile> first = new OvsRenderer().render(seed(), RenderContext.defaults());
    List<RenderedFile> second = new OvsRenderer().render(seed(), RenderContext.defaults());
    assertEquals(first, second);
  }
}
