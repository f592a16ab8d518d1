package org.cimnet.cli;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which packages of cimnet's modules a piece of compiled code uses that those modules do not
 * export to it. The packages used come from {@code jdeps}; what is exported comes from the
 * modules' own descriptors (module-info.class), read with {@link ModuleFinder}.
 */
final class ModuleBoundary {
  /** {@code   org.example  -> org.cimnet.core.yaml.internal   org.cimnet.core}: package level. */
  private static final Pattern EDGE = Pattern.compile(
      "^\\s+(\\S+)\\s+->\\s+(org\\.cimnet\\.\\S+)\\s+(\\S+).*$");

  private final String modulePath;
  private final List<ModuleDescriptor> cimnet;

  /** {@code modulePath}: jars, or directories of jars, holding cimnet's modules and theirs. */
  ModuleBoundary(List<Path> modulePath) {
    this.modulePath = String.join(File.pathSeparator,
        modulePath.stream().map(Path::toString).toList());
    this.cimnet = ModuleFinder.of(modulePath.toArray(Path[]::new)).findAll().stream()
        .map(m -> m.descriptor())
        .filter(d -> d.name().startsWith("org.cimnet."))
        .toList();
    if (cimnet.stream().noneMatch(d -> d.name().equals("org.cimnet.core"))) {
      throw new AssertionError("no module org.cimnet.core in " + modulePath);
    }
  }

  /** The modules found, by name. */
  List<String> modules() {
    return cimnet.stream().map(ModuleDescriptor::name).sorted().toList();
  }

  /**
   * Every use, by {@code code} (a jar or a directory of classes, a module or not), of a cimnet
   * package not exported to it: "from-package -> to-package (module)", sorted; empty when it
   * keeps to the API. Code on the class path reads only what is exported to everybody.
   */
  List<String> violations(Path code) {
    List<String> command = List.of(jdeps(), "--multi-release", "17", "--module-path", modulePath,
        "-verbose:package", code.toString());
    Launcher run = Launcher.run(command, null, 300);
    if (run.exit() != 0) {
      throw new AssertionError("jdeps failed on " + code + "\n" + run.both());
    }
    String self = ModuleFinder.of(code).findAll().stream().findFirst()
        .map(m -> m.descriptor().name()).orElse(null);
    TreeSet<String> out = new TreeSet<>();
    int edges = 0;
    for (String line : run.out().split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      edges++;
      String from = m.group(1);
      String to = m.group(2);
      Optional<ModuleDescriptor> owner = cimnet.stream()
          .filter(d -> d.packages().contains(to)).findFirst();
      if (owner.isEmpty() || owner.get().name().equals(self)) {
        continue;
      }
      if (!exported(owner.get(), to, self)) {
        out.add(from + " -> " + to + " (" + owner.get().name() + ")");
      }
    }
    if (edges == 0) {
      throw new AssertionError("jdeps listed no use of cimnet by " + code + ": the check would"
          + " pass on anything\n" + run.both());
    }
    return List.copyOf(out);
  }

  private static boolean exported(ModuleDescriptor owner, String pkg, String reader) {
    return owner.exports().stream().anyMatch(e -> e.source().equals(pkg)
        && (!e.isQualified() || (reader != null && e.targets().contains(reader))));
  }

  private static String jdeps() {
    return Path.of(System.getProperty("java.home"), "bin", "jdeps").toString();
  }
}
