package org.cimnet.core.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of an event log from an offset, read through a bounded buffer: every complete line
 * (ended by '\n') and the bytes after the last one (the tail). A line longer than
 * {@link #MAX_LINE} is not kept in memory, only its length: no event is that long, so a file of
 * zeros or an endless line costs a buffer, not the heap.
 */
final class LogScan {
  /** 8 MiB: the largest event (a host or container with every field) is a few kilobytes. */
  static final int MAX_LINE = 8 << 20;

  /** A line: where it starts, its bytes (null if longer than {@link #MAX_LINE}), its length. */
  record Line(long start, byte[] bytes, long length) {
    boolean tooLong() {
      return bytes == null;
    }

    boolean blank() {
      if (bytes == null) {
        return false;
      }
      for (byte b : bytes) {
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }
  }

  final List<Line> complete = new ArrayList<>();
  /** The bytes after the last '\n'; empty (length 0) when the file ends with one. */
  final Line tail;

  private LogScan(Line tail) {
    this.tail = tail;
  }

  static LogScan read(FileChannel channel, long from) throws IOException {
    List<Line> lines = new ArrayList<>();
    // Usually only what others appended since the last read: a buffer no larger than that.
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(1,
        Math.min(1 << 16, channel.size() - from)));
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    long lineStart = from;
    long length = 0;
    long at = from;
    while (true) {
      buffer.clear();
      int n = channel.read(buffer, at);
      if (n <= 0) {
        break;
      }
      byte[] chunk = buffer.array();
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (chunk[i] == '\n') {
          length += i - start;
          if (length <= MAX_LINE) {
            current.write(chunk, start, i - start);
          }
          lines.add(new Line(lineStart, length <= MAX_LINE ? current.toByteArray() : null,
              length));
          current.reset();
          length = 0;
          start = i + 1;
          lineStart = at + i + 1;
        }
      }
      length += n - start;
      if (length <= MAX_LINE) {
        current.write(chunk, start, n - start);
      } else {
        current.reset();
      }
      at += n;
    }
    LogScan scan = new LogScan(new Line(lineStart, length <= MAX_LINE ? current.toByteArray()
        : null, length));
    scan.complete.addAll(lines);
    return scan;
  }
}
