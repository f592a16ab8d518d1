package org.cimnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of cimnet's modules uses only what the others export ({@code jdeps} over the built jars,
 * checked against the modules' descriptors), the check sees code that reaches past the exports,
 * and the command runs on the module path with the renderers found through {@code provides}.
 * The launcher's lib/ (the package phase fills it) holds the modules the command runs on.
 */
class ModuleBoundaryIT {
  private static final Path LIB = Path.of("target/lib").toAbsolutePath();

  @Test
  void everyModuleUsesOnlyWhatTheOthersExport() throws URISyntaxException, IOException {
    // The testkit's own dependencies are not in the command's lib/.
    ModuleBoundary boundary = new ModuleBoundary(List.of(LIB, codeOf(Test.class),
        codeOf(org.opentest4j.AssertionFailedError.class),
        codeOf(org.junit.platform.commons.util.Preconditions.class),
        codeOf(net.jqwik.api.Arbitrary.class)));
    List<Path> code = new ArrayList<>();
    try (Stream<Path> jars = Files.list(LIB)) {
      jars.filter(j -> j.getFileName().toString().startsWith("cimnet-")).sorted()
          .forEach(code::add);
    }
    // Test dependencies of this module: the examples and the testkit, jar or classes.
    code.add(codeOf(org.cimnet.examples.SeedNetwork.class));
    code.add(codeOf(org.cimnet.testkit.Tools.class));
    assertEquals(List.of("org.cimnet.cli", "org.cimnet.core", "org.cimnet.lab",
        "org.cimnet.render.diagram", "org.cimnet.render.nix", "org.cimnet.render.ovs",
        "org.cimnet.render.unbound", "org.cimnet.watch"), boundary.modules());
    assertEquals(10, code.size(), code.toString());
    for (Path c : code) {
      assertEquals(List.of(), boundary.violations(c), c.toString());
    }
  }

  @Test
  void codeThatReachesPastTheExportsIsCaught(@TempDir Path dir) throws IOException {
    Path source = dir.resolve("src/bad/Bad.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package bad;

        import org.cimnet.core.yaml.internal.Node;

        public final class Bad {
          public static int line(Node n) {
            return n.line() + org.cimnet.core.model.Network.class.getName().length();
          }
        }
        """);
    String core = core().toString();
    // On the class path the compiler lets it through: only jdeps can tell.
    Launcher classPath = Launcher.run(List.of(tool("javac"), "-d", dir.resolve("classes")
        .toString(), "-cp", core, source.toString()), dir, 120);
    assertEquals(0, classPath.exit(), classPath.both());
    assertEquals(List.of("bad -> org.cimnet.core.yaml.internal (org.cimnet.core)"),
        new ModuleBoundary(List.of(LIB)).violations(dir.resolve("classes")));
    // On the module path the compiler refuses it.
    Launcher modulePath = Launcher.run(List.of(tool("javac"), "-d", dir.resolve("modular")
        .toString(), "--module-path", core, "--add-modules", "org.cimnet.core",
        source.toString()), dir, 120);
    assertNotEquals(0, modulePath.exit(), modulePath.both());
    assertTrue(modulePath.err().contains("package org.cimnet.core.yaml.internal is declared in"
        + " module org.cimnet.core, which does not export it"), modulePath.both());
  }

  @Test
  void theCommandRendersTheSameOnTheModulePath(@TempDir Path dir) throws IOException {
    Path classPath = dir.resolve("class-path");
    Launcher cp = Launcher.cimnet("render", Cli.SEED, "-o", classPath);
    assertEquals(0, cp.exit(), cp.both());
    Path modulePath = dir.resolve("module-path");
    Launcher mp = Launcher.run(List.of(tool("java"), "--module-path", LIB.toString(), "-m",
        "org.cimnet.cli/org.cimnet.cli.Main", "render", Cli.SEED.toString(), "-o",
        modulePath.toString()), null, 120);
    assertEquals(0, mp.exit(), mp.both());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classPath)) {
      files = walk.filter(Files::isRegularFile).map(classPath::relativize).sorted().toList();
    }
    try (Stream<Path> walk = Files.walk(modulePath)) {
      assertEquals(files, walk.filter(Files::isRegularFile).map(modulePath::relativize).sorted()
          .toList());
    }
    // Every renderer wrote something: nix, ovs, unbound, the diagram and the address table.
    for (String f : List.of("hosts/vhost-dev/nix/default.nix", "hosts/vhost-dev/ovs/setup.sh",
        "diagram/index.html", "addresses.txt")) {
      assertTrue(files.contains(Path.of(f)), f + " in " + files);
    }
    assertTrue(files.stream().anyMatch(f -> f.toString().endsWith("unbound.conf")),
        files.toString());
    for (Path f : files) {
      assertEquals(Files.readString(classPath.resolve(f)), Files.readString(modulePath.resolve(f)),
          f.toString());
    }
  }

  private static Path core() throws IOException {
    try (Stream<Path> jars = Files.list(LIB)) {
      return jars.filter(j -> j.getFileName().toString().startsWith("cimnet-core-")).findFirst()
          .orElseThrow(() -> new AssertionError("no cimnet-core jar in " + LIB));
    }
  }

  private static Path codeOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String tool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }
}
