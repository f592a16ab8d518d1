package org.cimnet.render.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.testkit.Mermaid;
import org.cimnet.testkit.Proc;
import org.cimnet.testkit.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pictures of a whole and a summarised network, read by the real tools. */
class DiagramToolsTest {
  private static final List<ValidatedNetwork> NETWORKS = List.of(DiagramRendererTest.SMALL,
      DiagramRendererTest.MEDIUM);

  @Test
  void graphvizDotDrawsTheDot(@TempDir Path dir) throws IOException {
    Tools.require("dot");
    for (int i = 0; i < NETWORKS.size(); i++) {
      Path dot = write(dir, "t" + i + ".dot", file(NETWORKS.get(i), "topology.dot"));
      Path svg = dir.resolve("t" + i + ".svg");
      Proc.Result r = Proc.run(List.of("dot", "-Tsvg", dot.toString(), "-o", svg.toString()),
          dir, 120);
      assertEquals(0, r.exit(), r.output());
      assertTrue(Files.readString(svg).contains("<svg"), "dot wrote no SVG");
    }
    // The check can fail: dot refuses a broken file.
    Path broken = write(dir, "broken.dot", file(NETWORKS.get(0), "topology.dot")
        .replaceFirst("\\}\n$", ""));
    assertNotEquals(0, Proc.run(List.of("dot", "-Tsvg", broken.toString()), dir, 60).exit());
  }

  @Test
  void theMermaidParserAcceptsTheMermaid(@TempDir Path dir) throws IOException {
    Mermaid.require();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < NETWORKS.size(); i++) {
      files.add(write(dir, "t" + i + ".mmd", file(NETWORKS.get(i), "topology.mmd")));
    }
    Proc.Result r = Mermaid.parse(dir, files);
    assertEquals(0, r.exit(), r.output());
    assertEquals(files.size(), r.output().lines().filter(l -> l.startsWith("ok ")).count(),
        r.output());
    // The check can fail: an edge to nowhere is refused.
    Path broken = write(dir, "broken.mmd", file(NETWORKS.get(0), "topology.mmd") + "  sp1 -->\n");
    Proc.Result refused = Mermaid.parse(dir, List.of(broken));
    assertNotEquals(0, refused.exit(), refused.output());
  }

  @Test
  void theSvgIsWellFormedXml() throws Exception {
    for (ValidatedNetwork n : NETWORKS) {
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
          new java.io.ByteArrayInputStream(file(n, "topology.svg").getBytes(
              java.nio.charset.StandardCharsets.UTF_8)));
      assertEquals("svg", doc.getDocumentElement().getTagName());
    }
  }

  static String file(ValidatedNetwork n, String name) {
    return new DiagramRenderer().render(n, RenderContext.defaults()).stream()
        .filter(f -> f.path().equals("diagram/" + name)).map(RenderedFile::content).findFirst()
        .orElseThrow();
  }

  private static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }
}
