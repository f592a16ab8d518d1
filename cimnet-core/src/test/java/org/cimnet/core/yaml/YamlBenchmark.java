package org.cimnet.core.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cimnet.core.event.Diff;
import org.cimnet.core.event.EventLog;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Network;
import org.cimnet.testkit.gen.NetworkGenerator;
import org.cimnet.testkit.gen.NetworkGenerator.Spec;

/** Not a test: YAML out and in, the sticky log and a diff over the 100k-container network. */
public final class YamlBenchmark {
  private YamlBenchmark() {}

  public static void main(String[] args) throws Exception {
    Network n = NetworkGenerator.generate(Spec.large());
    for (int round = 0; round < 2; round++) {
      long t0 = System.nanoTime();
      String network = NetworkYaml.network(n);
      String parts = NetworkYaml.parts(n);
      long t1 = System.nanoTime();
      LoadReport back = NetworkYaml.read(network, parts);
      long t2 = System.nanoTime();
      if (!back.ok() || !back.network().get().equals(n)) {
        throw new AssertionError(back.toText());
      }
      Path dir = Files.createTempDirectory("cimnet-bench");
      Path log = dir.resolve("events.jsonl");
      long t3 = System.nanoTime();
      Ipam.Result first = EventLog.open(log).assign(n);
      long t4 = System.nanoTime();
      Network again = EventLog.open(log).assign(n).network();
      long t5 = System.nanoTime();
      int events = Diff.between(n, first.network()).size();
      long t6 = System.nanoTime();
      System.out.printf("round %d: YAML %.1f MiB written in %d ms, read in %d ms; log assign"
          + " %d ms (%d KiB), reopen+assign %d ms, same=%s; diff %d events in %d ms%n", round,
          network.length() / 1048576.0, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
          (t4 - t3) / 1_000_000, Files.size(log) / 1024, (t5 - t4) / 1_000_000,
          again.equals(first.network()), events, (t6 - t5) / 1_000_000);
      Files.delete(log);
      Files.delete(dir);
    }
  }
}
