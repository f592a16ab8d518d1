package org.cimnet.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reading what a person hands cimnet: only regular files (or a stream, such as standard input,
 * where a command takes one), never more than a limit, counted while reading. A device such as
 * {@code /dev/zero} would never end and a FIFO nobody writes to would block forever: they are
 * refused before they are opened, naming what they are.
 */
public final class Inputs {
  private Inputs() {}

  /**
   * The file's bytes.
   *
   * @throws InputException if it does not exist, is not a regular file, holds more than
   *     {@code limit} bytes or cannot be read
   */
  public static byte[] read(Path file, int limit) {
    requireRegular(file);
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), limit);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": the file does not exist");
    } catch (IOException e) {
      throw new InputException(file + ": cannot be read: " + e.getMessage());
    }
  }

  /**
   * At most {@code limit} bytes of a stream, read to its end.
   *
   * @throws InputException naming {@code name} if it holds more, or cannot be read
   */
  public static byte[] read(InputStream in, String name, int limit) {
    byte[] buffer = new byte[Math.min(limit + 1, 1 << 16)];
    int length = 0;
    try {
      while (true) {
        if (length == buffer.length) {
          if (length > limit) {
            throw new InputException(name + ": holds more than " + limit
                + " bytes: at most " + limit + " are read");
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min((long) limit + 1, 2L * length));
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          return Arrays.copyOf(buffer, length);
        }
        length += n;
      }
    } catch (IOException e) {
      throw new InputException(name + ": cannot be read: " + e.getMessage());
    }
  }

  /**
   * Refuses anything but a regular file (a symbolic link to one is fine) without opening it.
   *
   * @throws InputException naming what the path is instead
   */
  public static void requireRegular(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": the file does not exist");
    } catch (IOException e) {
      throw new InputException(file + ": cannot be read: " + e.getMessage());
    }
    if (!attributes.isRegularFile()) {
      throw new InputException(file + ": is " + kind(file, attributes)
          + ", not a regular file: cimnet reads only regular files");
    }
  }

  private static String kind(Path file, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    try {
      int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }
}
