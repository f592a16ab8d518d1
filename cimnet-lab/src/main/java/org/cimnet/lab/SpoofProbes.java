package org.cimnet.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.lab.LabReport.Kind;
import org.cimnet.lab.LabReport.Observation;

/** Forged source addresses from every subnet, and the switch's port security that drops them. */
final class SpoofProbes {
  private final Built b;

  SpoofProbes(Built built) {
    this.b = built;
  }

  /**
   * From one container per subnet: a datagram to its gateway from its own address (the control,
   * which must arrive) and one from an address outside its subnet (which must not). A witness
   * on the router's subnet ports, behind the switch and before any firewall, reports what came
   * through.
   */
  List<Observation> run() {
    String marker = "cimnet-lab-" + b.fabric.prefix();
    Map<String, Process> witnesses = new LinkedHashMap<>();
    for (HostPlan plan : b.plans.values()) {
      if (plan.interfaces().isEmpty()) {
        continue;
      }
      List<String> command = new ArrayList<>(List.of("python3", "sniff.py", marker));
      plan.interfaces().forEach(i -> command.add(i.name()));
      witnesses.put(plan.host(), b.fabric.spawn(b.routers.get(plan.host()), command,
          b.fabric.work().resolve("sniff-" + plan.host() + ".log"), 20));
    }
    record Sender(String container, ContainerPlan.Nic nic, Ipv4Address forged) {}
    Map<String, Sender> senders = new LinkedHashMap<>();
    for (ContainerPlan cp : b.containerPlans.values()) {
      for (ContainerPlan.Nic nic : cp.nics()) {
        if (nic.gateway().isPresent() && !senders.containsKey(nic.subnet())) {
          senders.put(nic.subnet(), new Sender(cp.name(), nic, forged(nic)));
        }
      }
    }
    List<Runnable> runs = new ArrayList<>();
    for (Map.Entry<String, Sender> e : senders.entrySet()) {
      Sender s = e.getValue();
      runs.add(() -> b.fabric.exec(b.containers.get(s.container()), 20, "python3", "spoof.py",
          s.nic().gateway().get().toString(),
          s.nic().address().toString(), marker + ":" + e.getKey() + ":own",
          s.forged().toString(), marker + ":" + e.getKey() + ":forged").orThrow());
    }
    Tasks.parallel(runs);
    Tasks.sleep(1000);
    witnesses.values().forEach(Process::destroy);
    Set<String> seen = new LinkedHashSet<>();
    for (String host : witnesses.keySet()) {
      try {
        for (String line : Files.readAllLines(b.fabric.work().resolve("sniff-" + host + ".log"))) {
          String[] f = line.split(" ");
          if (f.length == 4 && f[0].equals("seen")) {
            seen.add(f[3]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Observation> observations = new ArrayList<>();
    for (Map.Entry<String, Sender> e : senders.entrySet()) {
      Sender s = e.getValue();
      String from = s.container() + "@" + e.getKey();
      String to = "gw." + e.getKey();
      boolean own = seen.contains(marker + ":" + e.getKey() + ":own");
      boolean forged = seen.contains(marker + ":" + e.getKey() + ":forged");
      observations.add(new Observation(Kind.SPOOF, from, to, "from own " + s.nic().address(),
          "arrives", own ? "arrives" : "lost", own,
          "control: an honest datagram must pass the switch"));
      observations.add(new Observation(Kind.SPOOF, from, to, "from forged " + s.forged(),
          "dropped", forged ? "arrives" : "dropped", !forged,
          "port security: only the container's own address leaves its port"));
    }
    return observations;
  }

  /** An address outside the NIC's subnet: the same host number one /24 up, in the supernet. */
  private Ipv4Address forged(ContainerPlan.Nic nic) {
    long address = nic.address().toLong();
    long size = 1L << (32 - nic.prefixLength());
    long candidate = address + size;
    long low = b.network.supernet().network().toLong();
    long high = low + (1L << (32 - b.network.supernet().length()));
    if (candidate >= high) {
      candidate = address - size;
    }
    if (candidate < low) {
      candidate = Ipv4Address.parse("203.0.113.99").toLong();
    }
    return Ipv4Address.of(candidate);
  }
}
