package org.cimnet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.format.Quote;
import org.cimnet.core.model.Network;
import org.cimnet.core.yaml.NetworkYaml;
import org.cimnet.core.yaml.SourceProblem;
import org.cimnet.core.yaml.YamlCheck;

/**
 * A network description as the command was given it: a YAML folder, a JShell script or a class.
 *
 * @param name how messages name the source, such as {@code seed/network.yaml}
 * @param network the declared network (before IPAM)
 * @param yaml for a YAML source, its folder and what loading and checking it found, each
 *     problem located in the files
 * @param loader the class loader that sees {@code --class-path}, for renderers found there
 */
record Source(String name, Network network, Optional<Yaml> yaml, ClassLoader loader) {

  /** A YAML folder and what {@link NetworkYaml#check} found in it. */
  record Yaml(Path folder, YamlCheck check) {}

  /**
   * Loads {@code text}: a folder, a {@code .jsh} file, or a class name.
   *
   * @throws CliException with every problem found, if the description cannot be loaded
   */
  static Source load(String text, List<Path> classPath) {
    ClassLoader loader = loader(classPath);
    Path path = Path.of(text);
    if (Files.isDirectory(path)) {
      return yaml(path, loader);
    }
    if (text.endsWith(".jsh")) {
      if (!Files.isRegularFile(path)) {
        throw new CliException(CliException.USAGE, "script '" + text + "' does not exist");
      }
      return new Source(text, JShellSource.load(path, classPath), Optional.empty(), loader);
    }
    if (text.endsWith(".yaml") || text.endsWith(".yml")) {
      if (!Files.isRegularFile(path)) {
        throw new CliException(CliException.USAGE, "file '" + text + "' does not exist");
      }
      return yaml(path.toAbsolutePath().getParent(), loader);
    }
    if (text.contains("/") || Files.exists(path)) {
      throw new CliException(CliException.USAGE, "SOURCE " + Quote.value(text) + " is"
          + (Files.exists(path) ? " not a folder, a .jsh script or a .yaml file"
              : " not there: no such folder or file"));
    }
    if (text.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*")) {
      return new Source(text, ofClass(text, loader), Optional.empty(), loader);
    }
    throw new CliException(CliException.USAGE, "SOURCE " + Quote.value(text) + " is"
        + " neither a folder, a .jsh script nor a class name");
  }

  private static Source yaml(Path folder, ClassLoader loader) {
    Path network = folder.resolve(NetworkYaml.NETWORK_FILE);
    if (!Files.isRegularFile(network)) {
      throw new CliException(CliException.USAGE, "folder '" + folder + "' holds no "
          + NetworkYaml.NETWORK_FILE);
    }
    YamlCheck check = NetworkYaml.check(folder);
    if (check.network().isEmpty()) {
      throw new LoadFailed(folder, check.problems());
    }
    return new Source(network.toString(), check.network().get(),
        Optional.of(new Yaml(folder, check)), loader);
  }

  /**
   * A YAML description that did not load: every load problem and every problem of the
   * elements that did load, each at {@code file:line:col}.
   */
  static final class LoadFailed extends CliException {
    private static final long serialVersionUID = 1L;
    private final transient Path folder;
    private final transient List<SourceProblem> problems;

    LoadFailed(Path folder, List<SourceProblem> problems) {
      super(INVALID, Problems.count(problems.size(), "problem") + " in " + folder + ":\n"
          + Problems.located(folder, problems).stripTrailing());
      this.folder = folder;
      this.problems = List.copyOf(problems);
    }

    Path folder() {
      return folder;
    }

    List<SourceProblem> problems() {
      return problems;
    }
  }

  private static ClassLoader loader(List<Path> classPath) {
    ClassLoader parent = Source.class.getClassLoader();
    if (classPath.isEmpty()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (Path p : classPath) {
      if (!Files.exists(p)) {
        throw new CliException(CliException.USAGE, "--class-path entry '"
            + Quote.escape(p.toString()) + "' does not exist");
      }
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UncheckedIOException(new IOException(e));
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), parent);
  }

  /** The network of {@code className}'s {@code public static Network build()}. */
  private static Network ofClass(String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new CliException(CliException.USAGE, "SOURCE '" + className + "' is not a folder,"
          + " a .jsh script, or a class on the class path (give its jar or class folder with"
          + " --class-path)");
    }
    Method build;
    try {
      build = type.getMethod("build");
    } catch (NoSuchMethodException e) {
      throw new CliException(CliException.USAGE, "class '" + className + "' has no public"
          + " build() method");
    }
    if (!Modifier.isStatic(build.getModifiers())
        || !Network.class.isAssignableFrom(build.getReturnType())) {
      throw new CliException(CliException.USAGE, "'" + className + ".build()' must be static"
          + " and return a Network");
    }
    try {
      return (Network) build.invoke(null);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
        throw new CliException(CliException.INVALID, className + ".build(): "
            + cause.getMessage(), cause);
      }
      throw new CliException(CliException.FAILED, className + ".build() failed: " + cause,
          cause);
    } catch (IllegalAccessException e) {
      throw new CliException(CliException.USAGE, "'" + className + ".build()' is not"
          + " accessible: the class must be public", e);
    }
  }
}
