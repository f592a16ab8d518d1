package org.cimnet.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cimnet.core.yaml.internal.TreeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 3: network.yaml that is /dev/zero ran out of memory (its size reads as 0), and a FIFO
 * nobody writes to blocked the load forever. Only regular files are read, and the size limit is
 * counted while reading.
 */
class SpecialFilesTest {
  @TempDir
  Path dir;

  private String problems() {
    return NetworkYaml.check(dir).toText().replace(dir.toString(), "DIR");
  }

  @Test
  @Timeout(20)
  void aDeviceIsRefusedUnread() throws Exception {
    Files.createSymbolicLink(dir.resolve("network.yaml"), Path.of("/dev/zero"));
    assertEquals("1 problem (the checker did not run: the files did not load):\n"
        + "  network.yaml:1:1: DIR/network.yaml: is a character device, not a regular file:"
        + " cimnet reads only regular files\n", problems());
  }

  @Test
  @Timeout(20)
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Files.writeString(dir.resolve("network.yaml"), "name: x\nsupernet: 10.0.0.0/8\n");
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("parts.yaml").toString()).start();
    assertEquals(0, mkfifo.waitFor());
    assertEquals("1 problem (the checker did not run: the files did not load):\n"
        + "  parts.yaml:1:1: DIR/parts.yaml: is a FIFO (named pipe), not a regular file: cimnet"
        + " reads only regular files\n", problems());
  }

  @Test
  void aFolderIsRefused() throws Exception {
    Files.createDirectory(dir.resolve("network.yaml"));
    assertEquals("1 problem (the checker did not run: the files did not load):\n"
        + "  network.yaml:1:1: DIR/network.yaml: is a directory, not a regular file: cimnet"
        + " reads only regular files\n", problems());
  }

  @Test
  @Timeout(20)
  void aFileOverTheLimitIsRefusedWhileReading() throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("network.yaml").toFile(), "rw")) {
      f.setLength(TreeReader.MAX_BYTES + 4096L); // sparse: costs no disk
    }
    assertEquals("1 problem (the checker did not run: the files did not load):\n"
        + "  network.yaml:1:1: DIR/network.yaml: holds more than 67108864 bytes: at most"
        + " 67108864 are read\n", problems());
  }

  @Test
  void aMissingFileIsAProblem() {
    assertEquals("1 problem (the checker did not run: the files did not load):\n"
        + "  network.yaml:1:1: DIR/network.yaml: the file does not exist\n", problems());
  }
}
