package org.cimnet.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cimnet.core.ipam.Ipam;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.ContainerKind;
import org.cimnet.core.model.Network;
import org.cimnet.core.yaml.Networks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
  @TempDir
  Path dir;

  @Provide
  Arbitrary<Network> networks() {
    return Networks.small();
  }

  @Property(tries = 40)
  void replayingALogGivesTheSameAddressesEveryTime(@ForAll("networks") Network declared,
      @ForAll long seed) throws IOException {
    Path log = Files.createTempFile("cimnet", ".jsonl");
    try {
      Ipam.Result first = EventLog.open(log).assign(declared);
      long size = Files.size(log);
      EventLog reopened = EventLog.open(log);
      assertEquals(first.network(), reopened.assign(declared).network());
      assertEquals(size, Files.size(log), "a second run logs nothing new");
      assertEquals(first.network(), reopened.replay(declared));
      // A later change keeps every number still in use, even though hashes would pick others.
      Network changed = Networks.edit(declared, seed);
      Network after = EventLog.open(log).assign(changed).network();
      for (Container c : after.containers()) {
        first.network().container(c.name()).ifPresent(was -> {
          for (var a : c.attachments()) {
            was.attachment(a.subnet()).filter(x -> x.address().isPresent())
                .ifPresent(x -> assertEquals(x.address(), a.address(), c.name()));
          }
        });
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  @Test
  void appendedEventsReadBack() {
    Path log = dir.resolve("events.jsonl");
    EventLog l = EventLog.open(log);
    Event placed = new Event.ContainerPlaced(Container.builder(ContainerKind.VM, "web")
        .on("h0").attach("s1").build());
    l.append(placed);
    l.append(new Event.ContainerMoved("web", "h1"));
    EventLog again = EventLog.open(log);
    assertEquals(List.of(placed, new Event.ContainerMoved("web", "h1")), again.events());
    assertTrue(again.torn().isEmpty());
  }

  @Test
  void aTornLastLineIsReportedAndTheRestLoads() throws IOException {
    Path log = dir.resolve("events.jsonl");
    EventLog l = EventLog.open(log);
    l.append(new Event.SubnetRemoved("a"));
    l.append(new Event.SubnetRemoved("b"));
    Files.writeString(log, "{\"event\":\"subnet-removed\",\"na", StandardOpenOption.APPEND);
    EventLog torn = EventLog.open(log);
    assertEquals(2, torn.events().size());
    EventLog.Torn t = torn.torn().orElseThrow();
    assertEquals(3, t.line());
    assertEquals("{\"event\":\"subnet-removed\",\"na", t.text());
    assertEquals("events.jsonl: 2 events; line 3 is torn (an append was cut off) and is"
        + " skipped: read '{\"event\":\"subnet-removed\",\"na': not valid: Unexpected"
        + " end-of-input in field name\n", torn.report());
    // The next append cuts the torn bytes off (keeping a copy) and the log is whole again.
    torn.append(new Event.SubnetRemoved("c"));
    EventLog healed = EventLog.open(log);
    assertTrue(healed.torn().isEmpty());
    assertEquals(List.of(new Event.SubnetRemoved("a"), new Event.SubnetRemoved("b"),
        new Event.SubnetRemoved("c")), healed.events());
    assertEquals("{\"event\":\"subnet-removed\",\"na",
        Files.readString(dir.resolve("events.jsonl.torn")));
  }

  @Test
  void aDamagedLineInTheMiddleIsAnErrorNamingIt() throws IOException {
    Path log = dir.resolve("events.jsonl");
    Files.writeString(log, "{\"event\":\"subnet-removed\",\"name\":\"a\"}\n"
        + "{\"event\":\"subnet-removd\",\"name\":\"b\"}\n"
        + "{\"event\":\"subnet-removed\",\"name\":\"c\"}\n");
    EventLogException e = assertThrows(EventLogException.class, () -> EventLog.open(log));
    assertEquals("events.jsonl:2:0: line 2 is a complete line that this version of cimnet cannot"
        + " read (an event from a newer cimnet, or an edit): read"
        + " '{\"event\":\"subnet-removd\",\"name\":\"b\"}'; it is kept: upgrade cimnet, or fix or"
        + " remove the line (nothing was applied)\n"
        + "events.jsonl:2:10: event: event 'subnet-removd' is not known: use one of"
        + " network-changed, subnet-added, subnet-changed, subnet-removed, vlan-assigned,"
        + " spine-added, spine-removed, host-added, host-changed, host-removed,"
        + " address-assigned, mac-assigned, mac-discovered, link-added, link-removed,"
        + " container-placed, container-moved, container-changed, container-removed,"
        + " internet-set, rule-added, rule-removed, assertion-added, assertion-removed,"
        + " watch-set, device-admitted, device-removed, device-seen, device-moved, device-gone,"
        + " device-unauthorized, device-quarantined, handler-ran",
        e.getMessage());
  }

  @Test
  void anEventThatDoesNotApplyStopsTheReplayNamingItsLine() {
    Path log = dir.resolve("events.jsonl");
    EventLog l = EventLog.open(log);
    l.append(new Event.SubnetRemoved("s0"));
    l.append(new Event.SubnetRemoved("s0"));
    Network n = org.cimnet.testkit.gen.NetworkGenerator.generate(
        org.cimnet.testkit.gen.NetworkGenerator.Spec.small(1));
    EventLogException e = assertThrows(EventLogException.class,
        () -> EventLog.open(log).replay(n));
    assertEquals("events.jsonl:2:0: event 'subnet-removed' does not apply: Subnet 's0' is not"
        + " declared (nothing was applied)", e.getMessage());
  }

  /** A writer killed mid-append (a separate JVM, killed hard) loses at most its last line. */
  @Test
  @Timeout(60)
  void aWriterKilledMidAppendLosesNothingElse() throws Exception {
    Path log = dir.resolve("killed.jsonl");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
        LogWriterChild.class.getName(), log.toString()).redirectErrorStream(true).start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while ((!Files.exists(log) || Files.size(log) < 20_000) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    child.destroyForcibly().waitFor();
    assertTrue(Files.size(log) >= 20_000, "the child wrote " + Files.size(log) + " bytes");
    // Whether the kill landed between lines or inside one, cut the tail mid-line as a torn
    // write would.
    byte[] bytes = Files.readAllBytes(log);
    int lastNewline = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf('\n');
    Files.write(log, java.util.Arrays.copyOf(bytes, lastNewline + 1 + 17));
    EventLog reloaded = EventLog.open(log);
    int complete = (int) new String(bytes, 0, lastNewline + 1, StandardCharsets.ISO_8859_1)
        .chars().filter(c -> c == '\n').count();
    assertEquals(complete, reloaded.events().size());
    assertEquals(complete + 1, reloaded.torn().orElseThrow().line());
    for (int i = 0; i < complete; i++) {
      assertEquals(LogWriterChild.event(i), reloaded.events().get(i));
    }
    assertFalse(reloaded.report().isEmpty());
  }

  /** Appends numbered events as fast as it can until killed. */
  public static final class LogWriterChild {
    static Event event(int i) {
      return new Event.AddressAssigned(Event.Owner.CONTAINER, "c" + i, "s0",
          org.cimnet.core.addr.Ipv4Address.of(0x0A000000L + i));
    }

    public static void main(String[] args) {
      EventLog log = EventLog.open(Path.of(args[0]));
      for (int i = 0; ; i++) {
        log.append(event(i));
      }
    }
  }

}
