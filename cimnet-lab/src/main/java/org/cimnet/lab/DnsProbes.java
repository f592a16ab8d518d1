package org.cimnet.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.lab.LabReport.Kind;
import org.cimnet.lab.LabReport.Observation;

/** Name resolution for real: every name and address asked from every subnet's nameserver. */
final class DnsProbes {
  private final Built b;

  DnsProbes(Built built) {
    this.b = built;
  }

  /** From one container per subnet, every name forward and every address reverse. */
  List<Observation> run() {
    List<Naming.NameRecord> names = b.validated.names();
    Map<String, ContainerPlan.Nic> askers = new LinkedHashMap<>();
    Map<String, String> askerNs = new HashMap<>();
    Map<String, String> askerName = new HashMap<>();
    for (ContainerPlan cp : b.containerPlans.values()) {
      for (ContainerPlan.Nic nic : cp.nics()) {
        if (nic.nameserver().isPresent() && !askers.containsKey(nic.subnet())) {
          askers.put(nic.subnet(), nic);
          askerNs.put(nic.subnet(), b.containers.get(cp.name()));
          askerName.put(nic.subnet(), cp.name());
        }
      }
    }
    Set<String> served = new LinkedHashSet<>();
    b.plans.values().forEach(p -> p.interfaces().forEach(i -> served.add(i.subnet())));
    for (String subnet : served) {
      if (!askers.containsKey(subnet) && b.network.subnet(subnet).map(s -> !s.reserved())
          .orElse(false)) {
        b.note("subnet " + subnet + " has no container with a nameserver: names not"
            + " resolved from it");
      }
    }
    Map<String, Map<String, String>> answers = new LinkedHashMap<>();
    List<Runnable> runs = new ArrayList<>();
    for (Map.Entry<String, ContainerPlan.Nic> e : askers.entrySet()) {
      runs.add(() -> {
        Map<String, String> a = dig(askerNs.get(e.getKey()), e.getValue().nameserver().get(),
            names);
        synchronized (answers) {
          answers.put(e.getKey(), a);
        }
      });
    }
    Tasks.parallel(runs);
    List<Observation> observations = new ArrayList<>();
    for (Map.Entry<String, ContainerPlan.Nic> e : askers.entrySet()) {
      String from = askerName.get(e.getKey()) + "@" + e.getKey();
      String ns = "ns " + e.getValue().nameserver().get();
      Map<String, String> got = answers.getOrDefault(e.getKey(), Map.of());
      for (Naming.NameRecord r : names) {
        String forward = got.getOrDefault("A " + r.fqdn(), "no answer");
        observations.add(new Observation(Kind.DNS, from, r.fqdn(), "A via " + ns,
            r.address().toString(), forward, forward.equals(r.address().toString()),
            "every name resolves from every subnet"));
        String reverse = got.getOrDefault("PTR " + r.address(), "no answer");
        observations.add(new Observation(Kind.DNS, from, r.address().toString(), "PTR via " + ns,
            r.fqdn(), reverse, reverse.equals(r.fqdn()), "every address resolves back"));
      }
    }
    return observations;
  }

  /** Asks {@code server} every name and address in one dig batch; keys "A name", "PTR addr". */
  private Map<String, String> dig(String ns, Ipv4Address server, List<Naming.NameRecord> names) {
    Path file = b.fabric.work().resolve("dig-" + ns + ".txt");
    StringBuilder text = new StringBuilder();
    for (Naming.NameRecord r : names) {
      text.append(r.fqdn()).append(". A\n");
      text.append("-x ").append(r.address()).append('\n');
    }
    Tasks.write(file, text.toString());
    Sh.Result r = b.fabric.exec(ns, 30 + names.size() * 4, "dig", "@" + server, "-f",
        file.toString(), "+noall", "+answer", "+time=2", "+tries=2");
    Map<String, String> answers = new HashMap<>();
    for (String line : r.output().split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 5 && f[2].equals("IN") && f[3].equals("A")) {
        answers.merge("A " + strip(f[0]), f[4], (a, b) -> a + "," + b);
      } else if (f.length >= 5 && f[2].equals("IN") && f[3].equals("PTR")) {
        answers.merge("PTR " + reverse(strip(f[0])), strip(f[4]), (a, b) -> a + "," + b);
      }
    }
    return answers;
  }

  private static String strip(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** {@code 10.4.168.192.in-addr.arpa} to {@code 192.168.4.10}. */
  private static String reverse(String arpa) {
    String[] labels = arpa.replace(".in-addr.arpa", "").split("\\.");
    StringBuilder address = new StringBuilder();
    for (int i = labels.length - 1; i >= 0; i--) {
      address.append(labels[i]).append(i == 0 ? "" : ".");
    }
    return address.toString();
  }
}
