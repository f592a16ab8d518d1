package org.cimnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cimnet as a library of another JVM project: a Maven project outside this build
 * (src/it/consumer) depends on the installed cimnet-core and renderers, builds a network and
 * renders it, using only the packages cimnet exports. The modules before this one in the build
 * have been installed by then ({@code mvn install}, as ./test.sh runs it).
 */
class LibraryConsumerIT {
  private static final String VERSION = System.getProperty("cimnet.version");
  private static final Path REPO = Path.of(System.getProperty("cimnet.localRepository"));

  @Test
  void theInstalledArtifactsCarrySourcesAndJavadoc() {
    for (String module : List.of("cimnet-core", "cimnet-render-nix", "cimnet-render-ovs",
        "cimnet-render-unbound")) {
      Path dir = REPO.resolve("org/cimnet").resolve(module).resolve(VERSION);
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar", ".pom")) {
        Path f = dir.resolve(module + "-" + VERSION + suffix);
        assertTrue(Files.isRegularFile(f), f + " is not installed: run `mvn install`"
            + " (./test.sh does)");
      }
    }
  }

  @Test
  void aSeparateMavenProjectBuildsAndRendersANetwork(@TempDir Path dir) throws IOException {
    Path project = dir.resolve("consumer");
    copy(Path.of("src/it/consumer"), project);
    Path pom = project.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("@cimnet.version@", VERSION));
    Launcher build = Launcher.run(List.of(mvn(), "-B", "-q", "-o", "-ntp",
        "-Dmaven.repo.local=" + REPO, "compile", "dependency:build-classpath",
        "-Dmdep.outputFile=classpath.txt"), project, 600);
    assertEquals(0, build.exit(), build.both());
    String dependencies = Files.readString(project.resolve("classpath.txt")).strip();
    String classPath = project.resolve("target/classes") + java.io.File.pathSeparator
        + dependencies;
    // It compiled on the class path; it must still use only what cimnet's modules export.
    List<Path> modulePath = Arrays.stream(dependencies.split(java.io.File.pathSeparator))
        .map(Path::of).toList();
    assertEquals(List.of(), new ModuleBoundary(modulePath)
        .violations(project.resolve("target/classes")));
    Path out = dir.resolve("out");
    Launcher run = Launcher.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", classPath, "example.Render", out.toString()), project, 120);
    assertEquals(0, run.exit(), run.both());
    assertTrue(run.out().endsWith(" files by nix,ovs,unbound\n"), run.both());
    for (String f : List.of("hosts/vhost1/nix/default.nix", "hosts/vhost1/nftables.nft",
        "hosts/vhost1/ovs/setup.sh", "hosts/vhost1/unbound/unbound.conf")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
  }

  private static String mvn() {
    String home = System.getProperty("maven.home");
    return home == null || home.isEmpty() ? "mvn" : Path.of(home, "bin", "mvn").toString();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
