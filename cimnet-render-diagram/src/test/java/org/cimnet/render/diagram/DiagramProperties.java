package org.cimnet.render.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.testkit.CimnetArbitraries;
import org.cimnet.testkit.gen.NetworkGenerator;

/** Over random valid networks: every table complete, every picture well formed and stable. */
class DiagramProperties {
  @Provide
  Arbitrary<NetworkGenerator.Spec> specs() {
    return CimnetArbitraries.specs();
  }

  @Property(tries = 40)
  void everySubnetPortAndAssertionIsShownOnceAndTheSameBytesEveryTime(
      @ForAll("specs") NetworkGenerator.Spec spec) throws Exception {
    ValidatedNetwork v = Checker.validate(NetworkGenerator.generate(spec));
    List<RenderedFile> files = new DiagramRenderer().render(v, RenderContext.defaults());
    assertEquals(files, new DiagramRenderer().render(
        Checker.validate(NetworkGenerator.generate(spec)), RenderContext.defaults()));
    Map<String, String> byName = files.stream().collect(Collectors.toMap(
        f -> f.path().substring(DiagramRenderer.FOLDER.length() + 1), RenderedFile::content));

    String plan = byName.get("address-plan.csv");
    List<String> subnets = plan.lines().skip(1).map(l -> l.substring(0, l.indexOf(',')))
        .toList();
    assertEquals(v.network().subnets().stream().map(Subnet::name).toList(), subnets);

    int ports = v.network().spines().stream().mapToInt(Spine::ports).sum();
    assertEquals(ports + 1, byName.get("cabling.csv").lines().count());
    long cabled = byName.get("cabling.csv").lines().skip(1)
        .filter(l -> !l.contains(",unused,")).count();
    long ends = v.network().links().stream()
        .mapToLong(l -> l instanceof Link.Interconnect ? 2 : 1).sum();
    assertEquals(ends, cabled);

    String html = byName.get("index.html");
    for (Subnet s : v.network().subnets()) {
      assertTrue(html.contains("<td>" + s.name() + "</td><td>" + s.cidr() + "</td>"), s.name());
    }
    assertEquals(v.network().assertions().size(), count(html, "<span class=\"verdict\">"));
    assertTrue(html.endsWith("</html>\n"));

    var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
        new ByteArrayInputStream(byName.get("topology.svg").getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", svg.getDocumentElement().getTagName());
    assertTrue(byName.get("topology.mmd").startsWith("%% Topology"));
    assertTrue(byName.get("topology.dot").endsWith("}\n"));
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
