import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The per-package floor of the PIT profile (PIT's own threshold is for the whole run): reads
 * PIT's mutations.xml and fails when, in any package named, fewer than the given percentage of
 * the mutants that the tests reach are detected. Prints every package's figures and the
 * survivors of a package below the floor. Run by the build as a single-file source program:
 *
 * <pre>java PitScores.java target/pit-reports/mutations.xml 90 org.cimnet.core.policy ...</pre>
 */
public final class PitScores {
  private PitScores() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: PitScores mutations.xml PERCENT PACKAGE...");
      System.exit(2);
    }
    Path xml = Path.of(args[0]);
    if (!Files.isRegularFile(xml)) {
      System.err.println("PitScores: no PIT report at " + xml);
      System.exit(1);
    }
    double floor = Double.parseDouble(args[1]);
    Map<String, int[]> counts = new LinkedHashMap<>(); // package -> {detected, covered, all}
    Map<String, List<String>> survivors = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      counts.put(args[i], new int[3]);
      survivors.put(args[i], new ArrayList<>());
    }
    NodeList mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(xml.toFile()).getElementsByTagName("mutation");
    for (int i = 0; i < mutations.getLength(); i++) {
      Element m = (Element) mutations.item(i);
      String status = m.getAttribute("status");
      if (status.equals("NON_VIABLE")) {
        continue; // never loaded by the JVM: not a mutant of the program
      }
      String cls = text(m, "mutatedClass");
      int[] c = counts.get(cls.substring(0, cls.lastIndexOf('.')));
      if (c == null) {
        continue;
      }
      c[2]++;
      if (status.equals("NO_COVERAGE")) {
        continue;
      }
      c[1]++;
      if (m.getAttribute("detected").equals("true")) {
        c[0]++;
      } else {
        survivors.get(cls.substring(0, cls.lastIndexOf('.'))).add(cls + ":" + text(m, "lineNumber")
            + " " + text(m, "mutatedMethod") + ": " + text(m, "description") + " (" + status + ")");
      }
    }
    boolean ok = true;
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      double score = c[1] == 0 ? 0 : 100.0 * c[0] / c[1];
      boolean below = score < floor;
      ok &= !below;
      System.out.printf("%-26s %5.1f%% killed of covered (%d/%d; %d mutants, %d not covered)%s%n",
          e.getKey(), score, c[0], c[1], c[2], c[2] - c[1], below ? "  BELOW " + args[1] + "%" : "");
      if (below) {
        survivors.get(e.getKey()).forEach(s -> System.out.println("    survived: " + s));
      }
    }
    if (!ok) {
      System.err.println("PitScores: a package is below the " + args[1] + "% floor");
      System.exit(1);
    }
  }

  private static String text(Element m, String tag) {
    NodeList n = m.getElementsByTagName(tag);
    return n.getLength() == 0 ? "" : n.item(0).getTextContent();
  }
}
