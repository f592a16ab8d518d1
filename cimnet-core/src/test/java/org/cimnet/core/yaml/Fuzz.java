package org.cimnet.core.yaml;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cimnet.core.format.Quote;

/**
 * A bounded fuzz run: mutated inputs from a corpus for {@code cimnet.fuzz.seconds} (default 3)
 * from seed {@code cimnet.fuzz.seed} (default 16). Input {@code i} comes from
 * {@code new Random(seed * 1_000_003 + i)}, so a failure names the seed and the iteration that
 * reproduce it; the failing input is also kept under {@code target/fuzz-failures/}.
 */
public final class Fuzz {
  /** What one input is checked for; it throws (an AssertionError) on a defect. */
  public interface Check {
    void run(byte[] input) throws Exception;
  }

  private Fuzz() {}

  /** Runs {@code check} on mutated corpus inputs until the time is up; returns the count. */
  public static long run(String name, List<byte[]> corpus, Check check) {
    long seed = Long.getLong("cimnet.fuzz.seed", 16);
    long seconds = Long.getLong("cimnet.fuzz.seconds", 3);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long i = 0;
    for (; System.nanoTime() < deadline; i++) {
      Random random = new Random(seed * 1_000_003 + i);
      byte[] input = new Mutator(random, corpus).mutate(corpus.get(random.nextInt(corpus.size())));
      try {
        check.run(input);
      } catch (Throwable t) {
        Path kept = Path.of("target", "fuzz-failures", name + "-" + seed + "-" + i);
        try {
          Files.createDirectories(kept.getParent());
          Files.write(kept, input);
        } catch (IOException e) {
          t.addSuppressed(e);
        }
        fail(name + " fuzz: seed " + seed + ", input " + i + " (kept in " + kept + "): " + t, t);
      }
    }
    System.out.println(name + " fuzz: " + i + " inputs in " + seconds + " s, seed " + seed);
    return i;
  }

  /** A message for a person: no raw control or invisible character, no parser internals. */
  public static void clean(String text) {
    if (!Quote.safe(text).equals(text)) {
      fail("a control or invisible character reached a message: " + Quote.escape(text));
    }
    for (String leak : List.of("Exception", "org.yaml", "com.fasterxml", "\tat ", "java.")) {
      if (text.contains(leak)) {
        fail("'" + leak + "' reached a message: " + text);
      }
    }
  }
}
