package org.cimnet.watch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.Report;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.event.Event;
import org.cimnet.core.event.Observed;
import org.cimnet.core.event.Sighting;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Watch;
import org.cimnet.core.plan.BridgePlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.Plans;
import org.cimnet.core.plan.PortPlan;

/**
 * The watcher of one host. Every poll it reads each of the host's bridges' MAC learning tables,
 * the closed subnets' dropped sources, the kernel's neighbour table and, where lldpd runs, the
 * LLDP neighbours (bridge {@value #LLDP}, VLAN 0, on the interface that heard them), reconciles them with the
 * model ({@link Reconciler}), quarantines unknown MACs where the subnet says so, appends every
 * event to the log and runs the handlers. The model is the origin plus the log: when someone
 * admits a device (a {@code device-admitted} event), the next poll knows it, lifts its
 * quarantine and runs the {@code admitted} handlers.
 *
 * <p>A source that fails is reported on {@code err} and the poll goes on with the others; a bad
 * line of a table is reported and the rest of the table counts.
 */
public final class Watcher implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("^\\s*(\\d+|LOCAL)\\((.+?)\\):");
  /** The bridge name of a sighting heard by LLDP (the port is the local interface). */
  public static final String LLDP = "lldp";
  /** How many polls between two re-additions of the watcher's own flows. */
  private static final int REASSERT_POLLS = 20;

  private final Network origin;
  private final String host;
  private final Tables tables;
  private final Clock clock;
  private final PrintStream err;
  private final Journal journal;
  private final Enforcer enforcer;
  private Reconciler reconciler;
  private Handlers handlers;
  private HostPlan plan;
  private Network network;
  private int admittedSeen;
  /** Per bridge, OpenFlow port number (as fdb/show prints it) to port name. */
  private final Map<String, Map<String, String>> portNames = new HashMap<>();
  private long polls;
  /** Whether lldpd answered; after the first failure LLDP is not asked again. */
  private boolean lldp = true;

  /**
   * @param origin the model as declared (network.yaml and parts.yaml)
   * @param log the event log: the changes since the origin, and where events go
   */
  public Watcher(Network origin, Path log, String host, Tables tables, Clock clock,
      PrintStream err) {
    this.origin = origin;
    this.host = host;
    this.tables = tables;
    this.clock = clock;
    this.err = err;
    this.journal = new Journal(log);
    this.enforcer = new Enforcer(tables);
    load();
    admittedSeen = admitted().size();
    this.reconciler = new Reconciler(Known.of(network));
    // Quarantines from before a restart stay until their MAC is admitted.
    Known known = reconciler.known();
    for (Event e : journal.log().events()) {
      if (e instanceof Observed.DeviceQuarantined q && !known.knows(q.sighting().mac())) {
        enforcer.remember(q.sighting().mac());
      }
    }
    try {
      enforcer.reassert();
    } catch (WatchException e) {
      problem(e.getMessage());
    }
  }

  /** The model now: the origin, every event of the log, every number concrete. */
  public Network network() {
    return network;
  }

  public HostPlan plan() {
    return plan;
  }

  public Enforcer enforcer() {
    return enforcer;
  }

  private void load() {
    Network replayed = journal.log().replay(origin);
    Report report = Checker.check(replayed);
    if (!report.ok()) {
      throw new WatchException("the model (origin plus event log) does not check:\n"
          + report.toText());
    }
    ValidatedNetwork valid = report.validated();
    network = report.network();
    plan = Optional.ofNullable(valid.plans().get(host)).orElseThrow(() -> new WatchException(
        "host '" + host + "' is not declared in the model: declared are "
            + network.hosts().stream().map(h -> h.name()).toList()));
    if (handlers != null) {
      handlers.close();
    }
    handlers = new Handlers(network.watch().map(Watch::handlers).orElse(List.of()),
        ran -> journal.append(List.of(ran)), clock);
    portNames.clear();
  }

  private List<Event.DeviceAdmitted> admitted() {
    List<Event.DeviceAdmitted> out = new ArrayList<>();
    for (Event e : journal.log().events()) {
      if (e instanceof Event.DeviceAdmitted a) {
        out.add(a);
      }
    }
    return out;
  }

  /** The poll interval the model asks for. */
  public int pollMillis() {
    return network.watch().map(Watch::pollMillis).orElse(Watch.DEFAULT_POLL_MILLIS);
  }

  /** One poll: read, reconcile, enforce, record, act. Returns the events it appended. */
  public synchronized List<Event> poll() {
    List<Event> out = new ArrayList<>();
    if (journal.refresh()) {
      modelChanged();
    }
    Instant at = clock.instant();
    List<Observed> observed = reconciler.step(snapshot(), at);
    for (Observed e : observed) {
      out.add(e);
      if (e instanceof Observed.DeviceUnauthorized u
          && u.enforcement() == Watch.Enforcement.QUARANTINE
          && !enforcer.quarantined(u.sighting().mac())) {
        try {
          enforcer.quarantine(u.sighting().mac());
          out.add(new Observed.DeviceQuarantined(u.sighting(), clock.instant()));
        } catch (WatchException x) {
          problem("could not quarantine " + u.sighting().mac() + ": " + x.getMessage());
        }
      }
    }
    journal.append(out);
    out.forEach(handlers::dispatch);
    if (++polls % REASSERT_POLLS == 0) {
      try {
        enforcer.reassert();
      } catch (WatchException x) {
        problem(x.getMessage());
      }
    }
    return out;
  }

  /** Others appended to the log: reload the model; act on every device admitted since. */
  private void modelChanged() {
    try {
      load();
    } catch (RuntimeException e) {
      problem("the event log changed but the model does not load, keeping the last one: "
          + e.getMessage());
      return;
    }
    Known known = Known.of(network);
    reconciler.known(known);
    List<Event.DeviceAdmitted> all = admitted();
    for (Event.DeviceAdmitted a : all.subList(Math.min(admittedSeen, all.size()), all.size())) {
      MacAddress mac = a.device().mac();
      try {
        enforcer.release(mac);
        Optional<Integer> vlan = known.vlan(a.device().subnet());
        if (vlan.isPresent() && network.watch().map(w -> w.enforcement(a.device().subnet()))
            .orElse(Watch.Enforcement.ALERT) == Watch.Enforcement.CLOSED) {
          enforcer.admitClosed(mac, vlan.get());
        }
      } catch (WatchException x) {
        problem("could not lift the enforcement on " + mac + ": " + x.getMessage());
      }
      handlers.dispatch(a);
    }
    admittedSeen = all.size();
  }

  /** Everything the host's tables hold now. */
  private List<Sighting> snapshot() {
    Map<MacAddress, Ipv4Address> addresses = new HashMap<>();
    try {
      List<String> problems = new ArrayList<>();
      addresses.putAll(NeighbourTable.parse(tables.neighbours(), problems));
      problems.forEach(this::problem);
    } catch (WatchException e) {
      problem(e.getMessage());
    }
    Known known = reconciler.known();
    List<Sighting> out = new ArrayList<>();
    boolean closed = false;
    String uplinkPort = null;
    for (BridgePlan bridge : plan.bridges()) {
      Set<String> skip = new HashSet<>();
      for (PortPlan p : bridge.ports()) {
        if (p.kind() == PortPlan.Kind.PATCH) {
          skip.add(p.name());
        }
        if (p.kind() == PortPlan.Kind.BOND) {
          uplinkPort = p.name();
        }
      }
      FdbTable.Read read;
      try {
        read = FdbTable.parse(bridge.name(), tables.fdb(bridge.name()));
      } catch (WatchException e) {
        problem(e.getMessage());
        continue;
      }
      read.problems().forEach(this::problem);
      for (FdbTable.Entry e : read.entries()) {
        if (e.port().equals("LOCAL")) {
          continue;
        }
        String port = portName(bridge, e.port());
        if (skip.contains(port)) {
          continue;
        }
        out.add(known.sighting(host, e.mac(), bridge.name(), port, e.vlan(),
            Optional.ofNullable(addresses.get(e.mac()))));
      }
      closed |= bridge.isUplink() && bridge.flows().stream()
          .anyMatch(f -> f.actions().startsWith("learn("));
    }
    if (lldp) {
      try {
        List<String> problems = new ArrayList<>();
        for (LldpNeighbours.Neighbour n : LldpNeighbours.parse(tables.lldp(), problems)) {
          out.add(known.sighting(host, n.chassis(), LLDP, n.iface(), 0,
              Optional.ofNullable(addresses.get(n.chassis()))));
        }
        problems.forEach(this::problem);
      } catch (WatchException e) {
        lldp = false;
        problem("no LLDP neighbours (lldpd does not answer; not asked again): "
            + e.getMessage());
      }
    }
    if (closed && uplinkPort != null) {
      try {
        for (RecordTable.Dropped d : RecordTable.parse(tables.records(Plans.UPLINK_BRIDGE))) {
          out.add(known.sighting(host, d.mac(), Plans.UPLINK_BRIDGE, uplinkPort, d.vlan(),
              Optional.ofNullable(addresses.get(d.mac()))));
        }
      } catch (WatchException e) {
        problem(e.getMessage());
      }
    }
    return out;
  }

  /** The name of port {@code number} of {@code bridge}; a bond member's is the bond's. */
  private String portName(BridgePlan bridge, String number) {
    Map<String, String> names = portNames.computeIfAbsent(bridge.name(), b -> new HashMap<>());
    String name = names.get(number);
    if (name == null) {
      try {
        Map<String, String> members = new HashMap<>();
        for (PortPlan p : bridge.ports()) {
          p.members().forEach(m -> members.put(m, p.name()));
        }
        for (String line : tables.ports(bridge.name()).split("\n")) {
          Matcher m = PORT.matcher(line);
          if (m.find()) {
            names.put(m.group(1), members.getOrDefault(m.group(2), m.group(2)));
          }
        }
      } catch (WatchException e) {
        problem(e.getMessage());
      }
      name = names.getOrDefault(number, "ofport-" + number);
    }
    return name;
  }

  private void problem(String text) {
    err.println("cimnet watch " + host + ": " + text);
  }

  /** Waits for the handlers still running. */
  @Override
  public void close() {
    handlers.close();
  }
}
