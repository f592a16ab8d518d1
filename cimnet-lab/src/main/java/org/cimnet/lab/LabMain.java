package org.cimnet.lab;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.model.Network;

/**
 * Runs the lab on a network description from the command line:
 *
 * <pre>
 * java -cp CLASSPATH org.cimnet.lab.LabMain [--keep] [--timeout-ms N] [--ports 22,8080] CLASS
 * </pre>
 *
 * where {@code CLASS} names a class on the class path with a {@code public static Network
 * build()} method (such as {@code org.cimnet.examples.SeedNetwork}). Prints the report; exits 0
 * when everything observed agrees with the checker, 1 on any disagreement, 2 when the network is
 * not valid or the arguments are wrong, 3 when the lab could not run.
 */
public final class LabMain {
  private LabMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    Lab.Options options = Lab.Options.defaults();
    String source = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--keep" -> options = options.withKeepWork(true);
          case "--timeout-ms" -> options = new Lab.Options(Integer.parseInt(value(args, ++i)),
              options.extraPorts(), options.keepWork(), options.edit(), options.log());
          case "--ports" -> {
            List<Integer> ports = new ArrayList<>();
            for (String p : value(args, ++i).split(",")) {
              ports.add(Integer.parseInt(p.strip()));
            }
            options = new Lab.Options(options.connectTimeoutMillis(), ports, options.keepWork(),
                options.edit(), options.log());
          }
          default -> {
            if (args[i].startsWith("-") || source != null) {
              throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            source = args[i];
          }
        }
      }
      if (source == null) {
        throw new IllegalArgumentException("name the class whose static build() returns the"
            + " network, such as org.cimnet.examples.SeedNetwork");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("cimnet lab: " + e.getMessage() + "\nusage: LabMain [--keep]"
          + " [--timeout-ms N] [--ports P,P] CLASS");
      return 2;
    }
    Network network;
    try {
      network = load(source);
    } catch (IllegalArgumentException e) {
      System.err.println("cimnet lab: " + e.getMessage());
      return 2;
    }
    Report report = Checker.check(network);
    if (!report.ok()) {
      System.err.print(report.toText());
      return 2;
    }
    try {
      LabReport lab = Lab.run(report.validated(), new ProverExpectation(report.policy()),
          options);
      System.out.print(lab.toText());
      return lab.agrees() ? 0 : 1;
    } catch (LabException e) {
      System.err.println("cimnet lab: could not run: " + e.getMessage());
      return 3;
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException("'" + args[i - 1] + "' needs a value");
    }
    return args[i];
  }

  /** The network of {@code className}'s {@code public static Network build()}. */
  static Network load(String className) {
    try {
      Method build = Class.forName(className).getMethod("build");
      if (!Modifier.isStatic(build.getModifiers())
          || !Network.class.isAssignableFrom(build.getReturnType())) {
        throw new IllegalArgumentException("'" + className + ".build()' must be static and"
            + " return a Network");
      }
      return (Network) build.invoke(null);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("class '" + className + "' is not on the class path",
          e);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("class '" + className + "' has no public build()"
          + " method", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("'" + className + ".build()' failed: "
          + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    }
  }
}
