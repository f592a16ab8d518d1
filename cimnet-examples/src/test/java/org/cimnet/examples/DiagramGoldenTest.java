package org.cimnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.spi.OutputWriter;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;
import org.cimnet.core.spi.Renderers;
import org.cimnet.testkit.Browser;
import org.cimnet.testkit.Golden;
import org.cimnet.testkit.Mermaid;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's pictures: golden files, the DOT drawn by Graphviz, the Mermaid read by the Mermaid
 * parser, and {@code index.html} opened in headless Chromium (its DOM and a screenshot).
 */
class DiagramGoldenTest {
  private static final ValidatedNetwork SEED = Checker.validate(SeedNetwork.build());

  private static List<RenderedFile> files() {
    Renderer diagram = Renderers.discover().all().stream().filter(r -> r.id().equals("diagram"))
        .findFirst().orElseThrow(() -> new AssertionError("no 'diagram' renderer registered"));
    return diagram.render(SEED, RenderContext.defaults());
  }

  private static Path written(Path dir) {
    Path out = dir.resolve("out");
    OutputWriter.replace(out, files());
    return out.resolve("diagram");
  }

  @Test
  void rendersTheGoldenFiles() {
    Golden.assertFolder("diagram", files());
  }

  @Test
  void graphvizDrawsTheSeedsDot(@TempDir Path dir) throws IOException {
    Tools.require("dot");
    Path diagram = written(dir);
    Path svg = dir.resolve("dot.svg");
    Proc.Result r = Proc.run(List.of("dot", "-Tsvg", diagram.resolve("topology.dot").toString(),
        "-o", svg.toString()), dir, 60);
    assertEquals(0, r.exit(), r.output());
    String drawn = Files.readString(svg);
    for (Subnet s : SEED.network().subnets()) {
      assertTrue(drawn.contains(s.cidr().toString()), s.name() + " missing from dot's SVG");
    }
  }

  @Test
  void theMermaidParserReadsTheSeedsMermaid(@TempDir Path dir) {
    Mermaid.require();
    Proc.Result r = Mermaid.parse(dir, List.of(written(dir).resolve("topology.mmd")));
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("flowchart"), r.output());
  }

  /**
   * Chromium opens the page from the file system: its DOM holds the eight subnets, both spines
   * and the matrix, and its screenshot is a coloured picture, not a blank page. The screenshot is
   * kept as {@code target/seed-index.png} for a person to look at.
   */
  @Test
  void chromiumShowsTheSubnetsTheSpinesAndTheMatrix(@TempDir Path dir) throws IOException {
    Tools.require("chromium");
    Path page = written(dir).resolve("index.html");
    Proc.Result dom = Browser.dumpDom(page, dir);
    assertEquals(0, dom.exit(), dom.output());
    String html = dom.output();
    assertEquals(8, SEED.network().subnets().size());
    for (Subnet s : SEED.network().subnets()) {
      assertTrue(html.contains("<td>" + s.name() + "</td><td>" + s.cidr() + "</td>"),
          s.name() + " is not in the address plan the browser shows");
    }
    for (String spine : List.of("spine1", "spine2")) {
      assertTrue(html.contains("<h3>" + spine + ": 8 ports"), spine + " has no port table");
      assertTrue(html.contains(">" + spine + "</text>"), spine + " is not in the topology");
    }
    Matcher matrix = Pattern.compile("<table class=\"matrix\">(.*?)</table>", Pattern.DOTALL)
        .matcher(html);
    assertTrue(matrix.find(), "no matrix in the page");
    // Eight subnets and the internet: a header row and nine rows of nine cells.
    assertEquals(10, count(matrix.group(1), "<tr>"));
    assertEquals(81, count(matrix.group(1), "<td class="));
    assertTrue(matrix.group(1).contains("<td class=\"via\">any via bus"), "no relayed cell");
    assertTrue(matrix.group(1).contains("<td class=\"allowed\">tcp/80,443"),
        "internet -> dmz is not shown");

    Path png = dir.resolve("seed-index.png");
    Proc.Result shot = Browser.screenshot(page, png, 1400, 2600, dir);
    assertEquals(0, shot.exit(), shot.output());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1400, image.getWidth());
    int white = 0;
    boolean allowedGreen = false;
    boolean relayAmber = false;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        white += rgb == 0xffffff ? 1 : 0;
        allowedGreen |= rgb == 0xbbf7d0;
        relayAmber |= rgb == 0xfde68a;
      }
    }
    int sampled = (image.getWidth() / 2) * (image.getHeight() / 2);
    assertTrue(white < sampled * 0.95, "the screenshot is almost blank");
    assertTrue(colours.size() > 50, "the screenshot has only " + colours.size() + " colours");
    assertTrue(allowedGreen && relayAmber, "the matrix's colours are not on the screenshot");
    Path kept = Path.of(System.getProperty("user.dir"), "target", "seed-index.png");
    Files.createDirectories(kept.getParent());
    Files.copy(png, kept, StandardCopyOption.REPLACE_EXISTING);
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
