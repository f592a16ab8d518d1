package org.cimnet.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.cimnet.core.model.Network;
import org.junit.jupiter.api.Test;

/**
 * Core's packages depend on each other one way only: {@code jdeps} lists which class uses which
 * over the compiled classes, and no package may reach, through the others, back to itself. A
 * cycle fails naming its packages and the classes that make each step, so whoever adds one sees
 * where to cut it.
 */
class PackageCyclesTest {
  private static final String CORE = "org.cimnet.core";
  /** {@code   org.cimnet.core.yaml.NetworkYaml   -> org.cimnet.core.yaml.internal.Fields  ...}. */
  private static final Pattern EDGE = Pattern.compile("^\\s+(org\\.cimnet\\.core\\S*)\\s+->\\s+"
      + "(\\S+)\\s+.*$");

  @Test
  void coreHasNoPackageCycle() throws URISyntaxException {
    Path classes = Path.of(Network.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    // The module's packages with classes (its resource directories, /schema/, count too).
    SortedSet<String> declared = new TreeSet<>(ModuleFinder.of(classes).find(CORE)
        .orElseThrow(() -> new AssertionError("no module " + CORE + " in " + classes))
        .descriptor().packages().stream().filter(p -> p.startsWith(CORE + ".")).toList());
    Graph graph = Graph.of(jdeps(classes));
    // jdeps saw every package of the module (each uses at least java.lang): the graph is whole.
    assertEquals(declared, graph.packages, "packages jdeps listed");
    assertTrue(graph.uses.values().stream().mapToInt(Map::size).sum() > declared.size(),
        "too few uses between core's packages: " + graph.uses);
    assertEquals("", graph.cycles(), "package cycles in " + CORE);
  }

  @Test
  void aCycleIsNamedWithTheClassesThatMakeIt() {
    Graph graph = Graph.of(List.of(
        "   org.cimnet.core.a.One   -> org.cimnet.core.b.Two   org.cimnet.core",
        "   org.cimnet.core.b.Two   -> org.cimnet.core.c.Three   org.cimnet.core",
        "   org.cimnet.core.b.Two$Inner   -> org.cimnet.core.c.Four   org.cimnet.core",
        "   org.cimnet.core.c.Three   -> org.cimnet.core.a.One   org.cimnet.core",
        "   org.cimnet.core.c.Three   -> java.util.List   java.base",
        "   org.cimnet.core.b.Two   -> org.cimnet.core.d.Five   org.cimnet.core",
        "   org.cimnet.core.d.Five   -> org.cimnet.core.b.Two   org.cimnet.core",
        "   org.cimnet.core.e.Six   -> org.cimnet.core.a.One   org.cimnet.core"));
    assertEquals(new TreeSet<>(List.of("org.cimnet.core.a", "org.cimnet.core.b",
        "org.cimnet.core.c", "org.cimnet.core.d", "org.cimnet.core.e")), graph.packages);
    // a, b, c and d reach each other (a-b-c round, b-d round); e only uses them.
    assertEquals("""
        a -> b -> c -> a (also reached: d)
          a -> b: a.One -> b.Two
          b -> c: b.Two -> c.Three, b.Two$Inner -> c.Four
          c -> a: c.Three -> a.One
        """, graph.cycles());
    assertEquals("", Graph.of(List.of(
        "   org.cimnet.core.a.One   -> org.cimnet.core.b.Two   org.cimnet.core")).cycles());
  }

  /** {@code jdeps -verbose:class} over core's classes, its dependencies on the module path. */
  private static List<String> jdeps(Path classes) {
    List<String> modulePath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
        modulePath.add(entry);
      }
    }
    ToolProvider jdeps = ToolProvider.findFirst("jdeps")
        .orElseThrow(() -> new AssertionError("no jdeps in " + System.getProperty("java.home")));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "--multi-release", "17",
        "--module-path", String.join(File.pathSeparator, modulePath), "-verbose:class",
        classes.toString());
    assertEquals(0, exit, "jdeps failed:\n" + out + err);
    return out.toString().lines().toList();
  }

  /** Core's packages and, for each package, the packages it uses with the class uses behind. */
  private static final class Graph {
    private static final int SHOWN = 4;

    final SortedSet<String> packages = new TreeSet<>();
    final SortedMap<String, SortedMap<String, SortedSet<String>>> uses = new TreeMap<>();

    static Graph of(List<String> jdepsLines) {
      Graph g = new Graph();
      for (String line : jdepsLines) {
        Matcher m = EDGE.matcher(line);
        if (!m.matches()) {
          continue;
        }
        String from = packageOf(m.group(1));
        g.packages.add(from);
        String to = packageOf(m.group(2));
        if (!to.startsWith(CORE) || to.equals(from)) {
          continue;
        }
        g.uses.computeIfAbsent(from, k -> new TreeMap<>())
            .computeIfAbsent(to, k -> new TreeSet<>())
            .add(shorter(m.group(1)) + " -> " + shorter(m.group(2)));
      }
      return g;
    }

    /**
     * Each cycle (each group of packages that reach each other, found with Tarjan's algorithm):
     * the shortest way round from its first package and the classes behind each step; empty
     * when there is none.
     */
    String cycles() {
      StringBuilder text = new StringBuilder();
      for (SortedSet<String> group : stronglyConnected()) {
        if (group.size() < 2) {
          continue;
        }
        List<String> round = shortestRound(group.first(), group);
        SortedSet<String> others = new TreeSet<>(group);
        others.removeAll(round);
        text.append(String.join(" -> ", round.stream().map(Graph::shorter).toList()))
            .append(others.isEmpty() ? "" : " (also reached: " + String.join(", ",
                others.stream().map(Graph::shorter).toList()) + ")")
            .append('\n');
        for (int i = 0; i + 1 < round.size(); i++) {
          text.append("  ").append(shorter(round.get(i))).append(" -> ")
              .append(shorter(round.get(i + 1))).append(": ")
              .append(listed(uses.get(round.get(i)).get(round.get(i + 1))))
              .append('\n');
        }
      }
      return text.toString();
    }

    private List<SortedSet<String>> stronglyConnected() {
      Map<String, Integer> index = new HashMap<>();
      Map<String, Integer> low = new HashMap<>();
      Deque<String> stack = new ArrayDeque<>();
      Set<String> onStack = new TreeSet<>();
      List<SortedSet<String>> groups = new ArrayList<>();
      for (String p : packages) {
        if (!index.containsKey(p)) {
          connect(p, index, low, stack, onStack, groups);
        }
      }
      groups.sort((a, b) -> a.first().compareTo(b.first()));
      return groups;
    }

    private void connect(String p, Map<String, Integer> index, Map<String, Integer> low,
        Deque<String> stack, Set<String> onStack, List<SortedSet<String>> groups) {
      index.put(p, index.size());
      low.put(p, index.get(p));
      stack.push(p);
      onStack.add(p);
      for (String q : uses.getOrDefault(p, new TreeMap<>()).keySet()) {
        if (!index.containsKey(q)) {
          connect(q, index, low, stack, onStack, groups);
          low.put(p, Math.min(low.get(p), low.get(q)));
        } else if (onStack.contains(q)) {
          low.put(p, Math.min(low.get(p), index.get(q)));
        }
      }
      if (low.get(p).equals(index.get(p))) {
        SortedSet<String> group = new TreeSet<>();
        String q;
        do {
          q = stack.pop();
          onStack.remove(q);
          group.add(q);
        } while (!q.equals(p));
        groups.add(group);
      }
    }

    /** {@code start}, the packages on the shortest way back within {@code group}, {@code start}. */
    private List<String> shortestRound(String start, Set<String> group) {
      Map<String, String> cameFrom = new HashMap<>();
      Deque<String> queue = new ArrayDeque<>(List.of(start));
      while (!queue.isEmpty()) {
        String p = queue.removeFirst();
        for (String q : uses.getOrDefault(p, new TreeMap<>()).keySet()) {
          if (!group.contains(q) || cameFrom.containsKey(q)) {
            continue;
          }
          cameFrom.put(q, p);
          if (q.equals(start)) {
            List<String> round = new ArrayList<>(List.of(start));
            for (String back = cameFrom.get(start); !back.equals(start);
                back = cameFrom.get(back)) {
              round.add(0, back);
            }
            round.add(0, start);
            return round;
          }
          queue.addLast(q);
        }
      }
      throw new AssertionError(start + " is in a group that does not lead back to it: " + group);
    }

    /** The first few class uses of a step; the smaller side of a cycle is the one to cut. */
    private static String listed(SortedSet<String> classUses) {
      List<String> shown = classUses.stream().limit(SHOWN).toList();
      return String.join(", ", shown) + (classUses.size() > SHOWN ? " and "
          + (classUses.size() - SHOWN) + " more" : "");
    }

    private static String packageOf(String type) {
      int dot = type.lastIndexOf('.');
      return dot < 0 ? "" : type.substring(0, dot);
    }

    /** Within core, names are shown without {@code org.cimnet.core.}. */
    private static String shorter(String name) {
      return name.startsWith(CORE + ".") ? name.substring(CORE.length() + 1) : name;
    }
  }
}
