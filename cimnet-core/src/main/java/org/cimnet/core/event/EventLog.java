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
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.yaml.YamlProblem;

/**
 * The append-only log of changes since the origin: one JSON event per line ({@code .jsonl}).
 *
 * <p>Every append is written and forced to the disk before it returns. A crash mid-append
 * leaves at most a torn last line: {@link #open} reports it ({@link #torn()}: its line number
 * and what was read) and loads everything before it; the next append cuts the torn bytes off
 * (keeping a copy in {@code <log>.torn}). A bad line with good lines after it is not a torn
 * write but damage, and opening fails naming that line, so nothing is half applied.
 *
 * <p>IPAM's sticky numbers live here: {@link #assign} hands out what is still open and logs
 * every new address, MAC and VLAN, so the next run (on this machine or another) gets the same
 * numbers.
 */
public final class EventLog {
  /** A last line that could not be read: where, what it held, and why it was refused. */
  public record Torn(int line, String text, String problem) {
    @Override
    public String toString() {
      return "line " + line + " is torn (an append was cut off) and is skipped: read '" + text
          + "': " + problem;
    }
  }

  private final Path path;
  private final List<Event> events;
  private final List<Integer> lines;
  private Optional<Torn> torn;
  /** The length of the file up to the end of the last good line. */
  private long goodLength;
  private boolean endsWithNewline;

  private EventLog(Path path, List<Event> events, List<Integer> lines, Optional<Torn> torn,
      long goodLength, boolean endsWithNewline) {
    this.path = path;
    this.events = events;
    this.lines = lines;
    this.torn = torn;
    this.goodLength = goodLength;
    this.endsWithNewline = endsWithNewline;
  }

  /**
   * Reads the log at {@code path}; a missing file is an empty log (created on first append).
   *
   * @throws EventLogException if a line other than the last cannot be read
   */
  public static EventLog open(Path path) {
    byte[] bytes;
    try {
      bytes = Files.exists(path) ? Files.readAllBytes(path) : new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the event log " + path, e);
    }
    String file = path.getFileName().toString();
    List<Event> events = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    // Split on '\n' by bytes: a torn multi-byte character must not hide the line end.
    List<int[]> spans = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        spans.add(new int[] {start, i});
        start = i + 1;
      }
    }
    boolean endsWithNewline = start == bytes.length;
    if (!endsWithNewline) {
      spans.add(new int[] {start, bytes.length});
    }
    int lastContent = -1;
    for (int i = 0; i < spans.size(); i++) {
      if (!blank(bytes, spans.get(i))) {
        lastContent = i;
      }
    }
    long good = 0;
    Optional<Torn> torn = Optional.empty();
    for (int i = 0; i < spans.size(); i++) {
      int[] span = spans.get(i);
      if (blank(bytes, span)) {
        if (torn.isEmpty()) {
          good = Math.min(bytes.length, span[1] + 1L);
        }
        continue;
      }
      byte[] line = java.util.Arrays.copyOfRange(bytes, span[0], span[1]);
      List<YamlProblem> problems = new ArrayList<>();
      Optional<Event> event = EventCodec.decode(line, file, i + 1, problems);
      if (event.isPresent()) {
        events.add(event.get());
        lineNumbers.add(i + 1);
        good = Math.min(bytes.length, span[1] + 1L);
        continue;
      }
      String text = shown(line);
      if (i == lastContent) {
        torn = Optional.of(new Torn(i + 1, text, problems.get(0).message()));
      } else {
        List<YamlProblem> report = new ArrayList<>();
        report.add(new YamlProblem(file, i + 1, 0, "", "line " + (i + 1) + " is damaged and"
            + " lines after it are good, so it is not a torn last write: read '" + text
            + "'; fix or remove line " + (i + 1) + " (nothing was applied)"));
        report.addAll(problems);
        throw new EventLogException(report);
      }
    }
    return new EventLog(path, events, lineNumbers, torn, good,
        torn.isPresent() || endsWithNewline || bytes.length == 0);
  }

  private static boolean blank(byte[] bytes, int[] span) {
    for (int i = span[0]; i < span[1]; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String shown(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8);
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }

  public Path path() {
    return path;
  }

  /** Every event read or appended, in order. */
  public List<Event> events() {
    return Collections.unmodifiableList(events);
  }

  /** The torn last line found when opening, until the next append cuts it off. */
  public Optional<Torn> torn() {
    return torn;
  }

  /** What opening found, for a person: how many events, and the torn line if any. */
  public String report() {
    return path.getFileName() + ": " + events.size() + " event" + (events.size() == 1 ? "" : "s")
        + torn.map(t -> "; " + t).orElse("") + "\n";
  }

  /** {@code event} as the log holds it: one line of JSON, without the line end. */
  public static String json(Event event) {
    return EventCodec.encode(event);
  }

  /** Appends one event and forces it to the disk. */
  public void append(Event event) {
    appendAll(List.of(event));
  }

  /** Appends events (one line each) and forces them to the disk once. */
  public synchronized void appendAll(List<? extends Event> more) {
    if (more.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (Event e : more) {
      text.append(EventCodec.encode(e)).append('\n');
    }
    try {
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.READ);
          FileLock lock = channel.lock()) {
        if (torn.isPresent()) {
          keepTorn(channel);
          channel.truncate(goodLength);
        }
        long end = channel.size();
        if (!endsWithNewline && end > 0) {
          text.insert(0, '\n');
        }
        ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
          end += channel.write(buffer, end);
        }
        channel.force(true);
        goodLength = end;
        endsWithNewline = true;
        torn = Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to the event log " + path, e);
    }
    int line = lines.isEmpty() ? 0 : lines.get(lines.size() - 1);
    for (Event e : more) {
      events.add(e);
      lines.add(++line);
    }
  }

  private void keepTorn(FileChannel channel) throws IOException {
    long size = channel.size() - goodLength;
    if (size <= 0) {
      return;
    }
    ByteBuffer torn = ByteBuffer.allocate((int) Math.min(size, 1 << 20));
    channel.read(torn, goodLength);
    Files.write(path.resolveSibling(path.getFileName() + ".torn"), torn.array(),
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
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
    Network previous = numbers(declared);
    Ipam.Result result = Ipam.assign(declared, Optional.of(previous));
    appendAll(fresh(previous, result.network()));
    return result;
  }

  /** {@code declared} with every logged number whose place is still there and still open. */
  Network numbers(Network declared) {
    Replay r = Replay.from(declared);
    for (Event e : events) {
      if (open(declared, e)) {
        r.apply(e);
      }
    }
    return r.build();
  }

  private static boolean open(Network n, Event event) {
    if (event instanceof Event.VlanAssigned e) {
      return n.subnet(e.subnet()).map(s -> s.vlan().isEmpty()).orElse(false);
    }
    if (event instanceof Event.AddressAssigned e) {
      if (e.owner() == Event.Owner.HOST) {
        return n.host(e.name()).flatMap(h -> h.addresses().stream()
            .filter(a -> a.subnet().equals(e.subnet())).findFirst())
            .map(a -> a.address().isEmpty()).orElse(false);
      }
      return n.container(e.name()).flatMap(c -> c.attachment(e.subnet()))
          .map(a -> a.address().isEmpty()).orElse(false);
    }
    if (event instanceof Event.MacAssigned e && e.owner() == Event.Owner.CONTAINER) {
      return n.container(e.name()).flatMap(c -> c.attachment(e.port()))
          .map(a -> a.mac().isEmpty()).orElse(false);
    }
    return false;
  }

  /** The number events that take {@code before} to {@code after} (IPAM only adds numbers). */
  static List<Event> fresh(Network before, Network after) {
    List<Event> out = new ArrayList<>();
    for (Subnet s : after.subnets()) {
      if (s.vlan().isPresent() && !before.subnet(s.name()).map(Subnet::vlan)
          .equals(Optional.of(s.vlan()))) {
        out.add(new Event.VlanAssigned(s.name(), s.vlan().getAsInt()));
      }
    }
    for (Host h : after.hosts()) {
      Optional<Host> was = before.host(h.name());
      for (HostAddress a : h.addresses()) {
        Optional<Ipv4Address> old = was.flatMap(w -> w.addresses().stream()
            .filter(x -> x.subnet().equals(a.subnet())).findFirst())
            .flatMap(HostAddress::address);
        if (a.address().isPresent() && !a.address().equals(old)) {
          out.add(new Event.AddressAssigned(Event.Owner.HOST, h.name(), a.subnet(),
              a.address().get()));
        }
      }
    }
    for (Container c : after.containers()) {
      Optional<Container> was = before.container(c.name());
      for (Attachment a : c.attachments()) {
        Optional<Attachment> old = was.flatMap(w -> w.attachment(a.subnet()));
        Optional<Ipv4Address> oldIp = old.flatMap(Attachment::address);
        Optional<MacAddress> oldMac = old.flatMap(Attachment::mac);
        if (a.address().isPresent() && !a.address().equals(oldIp)) {
          out.add(new Event.AddressAssigned(Event.Owner.CONTAINER, c.name(), a.subnet(),
              a.address().get()));
        }
        if (a.mac().isPresent() && !a.mac().equals(oldMac)) {
          out.add(new Event.MacAssigned(Event.Owner.CONTAINER, c.name(), a.subnet(),
              a.mac().get()));
        }
      }
    }
    return out;
  }
}
