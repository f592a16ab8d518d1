package org.cimnet.core.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.cimnet.core.io.InputException;
import org.cimnet.core.io.Inputs;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Network;
import org.cimnet.core.format.Quote;
import org.cimnet.core.yaml.YamlProblem;

/**
 * The append-only log of changes since the origin: one JSON event per line ({@code .jsonl}).
 *
 * <p>Several processes (a watcher on each host, a person running cimnet) may append to one log
 * at once. Each append holds an operating-system lock on the file (and, within one JVM, a lock
 * per file) while it reads whatever others appended since, then writes its own lines and forces
 * them to the disk; every instance therefore knows every event before it adds its own, and no
 * event is lost or written twice.
 *
 * <p>A crash mid-append leaves at most an unfinished last line: bytes after the last newline
 * that begin an event ('{') but do not form one, or NUL bytes where the data never reached the
 * disk. {@link #open} reports it ({@link #torn()}) and
 * loads everything before it; the next append, under the lock and only if those bytes are still
 * the unfinished tail, cuts them off, keeping a copy in {@code <log>.torn}. A complete line
 * (ended by a newline) that this version cannot decode, such as an event type from a newer
 * cimnet, is never removed: opening, and appending, stop with an error naming that line.
 *
 * <p>The log must be a regular file; no line is read into memory past
 * {@link LogScan#MAX_LINE} bytes.
 *
 * <p>IPAM's sticky numbers live here: {@link #assign} hands out what is still open and logs
 * every new address, MAC and VLAN, so the next run (on this machine or another) gets the same
 * numbers.
 */
public final class EventLog {
  /** An unfinished last line: where, what it held, and why it is not an event. */
  public record Torn(int line, String text, String problem) {
    @Override
    public String toString() {
      return "line " + line + " is torn (an append was cut off) and is skipped: read '" + text
          + "': " + problem;
    }
  }

  /** Within one JVM the OS lock is per process, so instances on one file also take this one. */
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path path;
  private final String file;
  private final List<Event> events = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();
  private Optional<Torn> torn = Optional.empty();
  /** Where the next unread line starts: after the last complete line read. */
  private long read;
  /** The number of complete lines read, blank ones included. */
  private int linesRead;
  /** Whether the last event read had no newline: a crash between its bytes and its '\n'. */
  private boolean missingNewline;

  private EventLog(Path path) {
    this.path = path;
    this.file = path.getFileName().toString();
  }

  /**
   * Reads the log at {@code path}; a missing file is an empty log (created on first append).
   *
   * @throws EventLogException if the path is not a regular file, or a line cannot be read and
   *     is not an unfinished last append
   * @throws UncheckedIOException if the file cannot be read
   */
  public static EventLog open(Path path) {
    EventLog log = new EventLog(path);
    if (Files.exists(path)) {
      log.locked(false, log::catchUp);
    }
    return log;
  }

  private interface Step {
    void run(FileChannel channel) throws IOException;
  }

  /** Runs {@code step} holding this file's lock: shared to read, exclusive to write. */
  private void locked(boolean write, Step step) {
    try {
      Inputs.requireRegular(path);
    } catch (InputException e) {
      if (!write || Files.exists(path)) {
        throw problem(0, e.getMessage());
      }
    }
    ReentrantLock local = LOCKS.computeIfAbsent(key(), k -> new ReentrantLock());
    local.lock();
    try (FileChannel channel = write ? FileChannel.open(path, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.READ) : FileChannel.open(path,
        StandardOpenOption.READ);
        FileLock lock = channel.lock(0, Long.MAX_VALUE, !write)) {
      step.run(channel);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot " + (write ? "append to" : "read")
          + " the event log " + path, e);
    } finally {
      local.unlock();
    }
  }

  private Path key() {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  /**
   * Reads every line appended since the last read. A complete line that does not decode stops
   * it; so does a tail that is not an unfinished event. With {@code repair}, an unfinished tail
   * is cut off (a copy kept in {@code <log>.torn}); without, it is reported in {@link #torn()}.
   */
  private void catchUp(FileChannel channel) throws IOException {
    catchUp(channel, false);
  }

  private void catchUp(FileChannel channel, boolean repair) throws IOException {
    if (channel.size() < read) {
      throw problem(0, "the log is shorter (" + channel.size() + " bytes) than when it was read ("
          + read + " bytes): something other than cimnet cut it; open it again (nothing was"
          + " appended)");
    }
    LogScan scan = LogScan.read(channel, read);
    List<Event> more = new ArrayList<>();
    List<Integer> moreLines = new ArrayList<>();
    int number = linesRead;
    for (int i = 0; i < scan.complete.size(); i++) {
      LogScan.Line line = scan.complete.get(i);
      if (i == 0 && missingNewline && line.length() == 0) {
        continue; // the newline a later append put after an event that had lost its own
      }
      number++;
      if (line.blank()) {
        continue;
      }
      more.add(decodeComplete(line, number));
      moreLines.add(number);
    }
    LogScan.Line tail = scan.tail;
    Optional<Torn> tornTail = Optional.empty();
    boolean tailEvent = false;
    if (tail.length() > 0 && !tail.blank()) {
      List<YamlProblem> problems = new ArrayList<>();
      Optional<Event> event = tail.tooLong() ? Optional.empty()
          : EventDecoder.decode(tail.bytes(), file, number + 1, problems);
      if (event.isPresent()) {
        more.add(event.get());
        moreLines.add(number + 1);
        tailEvent = true;
      } else if (unfinished(tail)) {
        tornTail = Optional.of(new Torn(number + 1, shown(tail.bytes()),
            problems.get(0).message()));
      } else {
        throw problem(number + 1, "line " + (number + 1) + " has no newline and is not the"
            + " start of an event, so it is not an append that was cut off: read '"
            + shown(tail) + "'; it is kept: fix or remove it (nothing was applied)");
      }
    }
    events.addAll(more);
    lines.addAll(moreLines);
    linesRead = number;
    if (tailEvent) {
      // The event is whole; only its newline is missing. The next append supplies it.
      read = tail.start() + tail.length();
      linesRead++;
      missingNewline = true;
    } else {
      read = tail.start();
      missingNewline = missingNewline && scan.complete.isEmpty() && tail.length() == 0;
    }
    torn = tornTail;
    if (repair && tornTail.isPresent()) {
      keepTorn(channel, tail.start());
      channel.truncate(tail.start());
      torn = Optional.empty();
    }
  }

  private Event decodeComplete(LogScan.Line line, int number) {
    if (line.tooLong()) {
      throw problem(number, "line " + number + " is " + line.length() + " bytes long: no event"
          + " is longer than " + LogScan.MAX_LINE + "; it is kept: fix or remove it (nothing"
          + " was applied)");
    }
    List<YamlProblem> problems = new ArrayList<>();
    Optional<Event> event = EventDecoder.decode(line.bytes(), file, number, problems);
    if (event.isPresent()) {
      return event.get();
    }
    List<YamlProblem> report = new ArrayList<>();
    report.add(new YamlProblem(file, number, 0, "", "line " + number + " is a complete line"
        + " that this version of cimnet cannot read (an event from a newer cimnet, or an"
        + " edit): read '" + shown(line.bytes()) + "'; it is kept: upgrade cimnet, or fix or"
        + " remove the line (nothing was applied)"));
    report.addAll(problems);
    return throwing(report);
  }

  private static Event throwing(List<YamlProblem> report) {
    throw new EventLogException(report);
  }

  /**
   * Bytes a cut-off append leaves: the start of a JSON object (never a whole one, which would
   * have decoded), or only NUL bytes, which a file system leaves when a crash came after the
   * file grew and before its data reached the disk.
   */
  private static boolean unfinished(LogScan.Line tail) {
    if (tail.tooLong()) {
      return false;
    }
    boolean nul = true;
    for (byte b : tail.bytes()) {
      nul &= b == 0;
    }
    if (nul) {
      return true;
    }
    for (byte b : tail.bytes()) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return b == '{';
      }
    }
    return false;
  }

  private EventLogException problem(int line, String message) {
    return new EventLogException(List.of(new YamlProblem(file, line, 0, "", message)));
  }

  private static String shown(LogScan.Line line) {
    return line.tooLong() ? "(" + line.length() + " bytes)" : shown(line.bytes());
  }

  private static String shown(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8);
    return Quote.escape(text.length() > 120 ? text.substring(0, 120) + "..." : text);
  }

  public Path path() {
    return path;
  }

  /** Every event read or appended, in order. */
  public List<Event> events() {
    return Collections.unmodifiableList(events);
  }

  /** The unfinished last line found when last read, until an append cuts it off. */
  public Optional<Torn> torn() {
    return torn;
  }

  /** What opening found, for a person: how many events, and the torn line if any. */
  public String report() {
    return file + ": " + events.size() + " event" + (events.size() == 1 ? "" : "s")
        + torn.map(t -> "; " + t).orElse("") + "\n";
  }

  /** {@code event} as the log holds it: one line of JSON, without the line end. */
  public static String json(Event event) {
    return EventEncoder.encode(event);
  }

  /** Appends one event and forces it to the disk. */
  public void append(Event event) {
    appendAll(List.of(event));
  }

  /**
   * Appends events (one line each) and forces them to the disk once. First, under the lock,
   * reads what other writers appended since (so {@link #events()} holds theirs, then these).
   *
   * @throws EventLogException if a line appended since cannot be read (nothing is appended)
   */
  public synchronized void appendAll(List<? extends Event> more) {
    if (more.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (Event e : more) {
      text.append(EventEncoder.encode(e)).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the folder of the event log " + path, e);
    }
    locked(true, channel -> {
      catchUp(channel, true);
      long end = channel.size();
      ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 1);
      if (missingNewline) {
        buffer.put((byte) '\n');
      }
      buffer.put(bytes).flip();
      while (buffer.hasRemaining()) {
        end += channel.write(buffer, end);
      }
      channel.force(true);
      read = end;
      missingNewline = false;
      int line = linesRead;
      for (Event e : more) {
        events.add(e);
        lines.add(++line);
      }
      linesRead = line;
    });
  }

  private void keepTorn(FileChannel channel, long from) throws IOException {
    long size = channel.size() - from;
    ByteBuffer copy = ByteBuffer.allocate((int) Math.min(size, LogScan.MAX_LINE));
    channel.read(copy, from);
    Files.write(path.resolveSibling(file + ".torn"), Arrays.copyOf(copy.array(),
        copy.position()), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * {@code origin} with every event applied.
   *
   * @throws EventLogException naming the line of the first event that does not apply
   */
  public Network replay(Network origin) {
    Replay r = Replay.from(origin);
    for (int i = 0; i < events.size(); i++) {
      try {
        r.apply(events.get(i));
      } catch (IllegalArgumentException e) {
        throw new EventLogException(List.of(new YamlProblem(path.getFileName().toString(),
            lines.get(i), 0, "", "event '" + events.get(i).type() + "' does not apply: "
                + e.getMessage() + " (nothing was applied)")));
      }
    }
    try {
      return r.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new EventLogException(List.of(new YamlProblem(path.getFileName().toString(), 0, 0,
          "", "the replayed network cannot be built: " + e.getMessage())));
    }
  }

  /**
   * Sticky IPAM: runs {@link Ipam#assign(Network, Optional)} on {@code declared} with every
   * number this log holds as the previous assignment, then logs (and forces to disk) an
   * {@link Event.AddressAssigned}, {@link Event.MacAssigned} or {@link Event.VlanAssigned} for
   * each number that is new. Run it again and nothing is renumbered and nothing is logged.
   */
  public synchronized Ipam.Result assign(Network declared) {
    Network previous = LoggedNumbers.previous(declared, events);
    Ipam.Result result = Ipam.assign(declared, Optional.of(previous));
    appendAll(LoggedNumbers.fresh(previous, result.network()));
    return result;
  }
}
