package org.cimnet.core.yaml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Mutations for fuzzing cimnet's readers: byte flips, hostile characters, YAML and JSON
 * punctuation, cut and duplicated lines, splices from other inputs, truncation. Deterministic
 * for a given {@link Random}, so a failure is reproduced from its seed and iteration.
 */
public final class Mutator {
  private static final String[] TOKENS = {"[", "]", "{", "}", "&a ", "*a", "? ", ": ", "- ",
      "!!binary ", "!!python/object ", "\t", "\"", "'", "#", "---\n", "...\n", "\n", "\r\n",
      "\u0000", "\u0007", "\u202e", "\u00a0", "\u200b", "\ufeff", "\ud83d\ude00", "null", "~",
      "true", "0x10", "1e999", "-1", "99999999999999999999", ",", "\\", "\\u0000", "<<: ",
      "%YAML 1.2\n", "|\n", ">-\n", "auto", "10.0.0.0/8", "52:54:00:00:00:01", "tcp/443",
      "internet", "zone:dmz", "container:web", "\"event\":", "{\"event\":\"x\"}", "\u00e9",
      "\u0430"};

  private final Random random;
  private final List<byte[]> corpus;

  public Mutator(Random random, List<byte[]> corpus) {
    this.random = random;
    this.corpus = corpus;
  }

  /** {@code input} after one to four random mutations. */
  public byte[] mutate(byte[] input) {
    byte[] out = input;
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      out = once(out);
    }
    return out;
  }

  private byte[] once(byte[] in) {
    int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
    switch (random.nextInt(9)) {
      case 0 -> { // flip a byte
        if (in.length == 0) {
          return in;
        }
        byte[] out = in.clone();
        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        return out;
      }
      case 1 -> { // a random byte
        return insert(in, at, new byte[] {(byte) random.nextInt(256)});
      }
      case 2 -> { // a token
        return insert(in, at, TOKENS[random.nextInt(TOKENS.length)]
            .getBytes(StandardCharsets.UTF_8));
      }
      case 3 -> { // delete a span
        int end = Math.min(in.length, at + 1 + random.nextInt(16));
        return concat(slice(in, 0, at), slice(in, end, in.length));
      }
      case 4 -> { // truncate
        return slice(in, 0, at);
      }
      case 5 -> { // duplicate a span
        int end = Math.min(in.length, at + 1 + random.nextInt(64));
        return insert(in, at, slice(in, at, end));
      }
      case 6 -> { // splice from another input
        byte[] other = corpus.get(random.nextInt(corpus.size()));
        if (other.length == 0) {
          return in;
        }
        int from = random.nextInt(other.length);
        int end = Math.min(other.length, from + 1 + random.nextInt(200));
        return insert(in, at, slice(other, from, end));
      }
      case 7 -> { // change indentation at a line start
        int nl = indexOf(in, (byte) '\n', at);
        return nl < 0 ? in : insert(in, nl + 1, " ".repeat(1 + random.nextInt(3))
            .getBytes(StandardCharsets.US_ASCII));
      }
      default -> { // swap in a digit run
        return insert(in, at, Integer.toString(random.nextInt(70000) - 100)
            .getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  private static int indexOf(byte[] in, byte b, int from) {
    for (int i = from; i < in.length; i++) {
      if (in[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] slice(byte[] in, int from, int to) {
    return java.util.Arrays.copyOfRange(in, from, Math.max(from, to));
  }

  private static byte[] insert(byte[] in, int at, byte[] what) {
    return concat(concat(slice(in, 0, at), what), slice(in, at, in.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
