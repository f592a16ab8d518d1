package org.cimnet.core.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Leaf;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.plan.Plans;

/**
 * VLANs, leaves, cables and the leaf-spine fabric.
 *
 * <p>Reachability: a leaf reaches a spine when a trunk of its host is wired to that spine, or to
 * a spine joined to it by a path of interconnects. Every leaf must reach every spine, and no
 * single link (a trunk or an interconnect) may be the only way to one: each such link is reported.
 * A host's trunks form one bond (see the {@code plan} package), so they carry one VLAN set. A
 * network without spines has no fabric to reach, and these rules are silent for it.
 */
final class TopologyRules {
  private TopologyRules() {}

  static void check(Facts f, Findings out) {
    vlans(f, out);
    leaves(f, out);
    cables(f, out);
    trunkVlans(f, out);
    reach(f, out);
  }

  private static void vlans(Facts f, Findings out) {
    Map<Integer, Subnet> taken = new HashMap<>();
    for (Subnet s : f.subnets) {
      if (s.vlan().isEmpty()) {
        continue; // IPAM reported why it could not hand one out
      }
      int vlan = s.vlan().getAsInt();
      String path = "subnets[" + s.name() + "].vlan";
      Subnet first = taken.putIfAbsent(vlan, s);
      if (first != null) {
        out.error(ProblemIds.VLAN_DUPLICATE, path, "Subnet '" + s.name() + "': VLAN id '" + vlan
            + "' is already the VLAN of subnet '" + first.name()
            + "': every subnet needs its own VLAN id");
      }
    }
  }

  private static void leaves(Facts f, Findings out) {
    Set<String> carriedAnywhere = new HashSet<>();
    for (Host h : f.hosts) {
      Map<String, String> leafOfSubnet = new HashMap<>();
      for (Leaf leaf : h.leaves()) {
        String path = "hosts[" + h.name() + "].leaves[" + leaf.name() + "]";
        String self = "Host '" + h.name() + "'";
        if (leaf.name().equals(Plans.UPLINK_BRIDGE)) {
          out.error(ProblemIds.LEAF_RESERVED_NAME, path, self + ": leaf name '" + leaf.name()
              + "' is reserved for the bridge that joins the host's trunks: choose another"
              + " name");
        }
        for (String s : leaf.subnets()) {
          String subnetPath = path + ".subnets[" + s + "]";
          Subnet subnet = f.subnetByName.get(s);
          if (subnet == null) {
            out.error(ProblemIds.REF_SUBNET, subnetPath, self + ": leaf '" + leaf.name()
                + "' carries subnet '" + s + "', which is not declared");
            continue;
          }
          if (subnet.reserved()) {
            out.warn(ProblemIds.WARN_LEAF_RESERVED_SUBNET, subnetPath, self + ": leaf '"
                + leaf.name() + "' lists subnet '" + s + "', which is reserved: the plan leaves"
                + " it out until it is no longer reserved");
          }
          carriedAnywhere.add(s);
          String first = leafOfSubnet.putIfAbsent(s, leaf.name());
          if (first != null && !first.equals(leaf.name())) {
            out.error(ProblemIds.LEAF_SUBNET_TWICE, subnetPath, self + ": subnet '" + s
                + "' is carried by leaf '" + first + "' and again by leaf '" + leaf.name()
                + "': a subnet sits on one leaf per host");
          }
        }
      }
    }
    for (Subnet s : f.subnets) {
      if (!s.reserved() && !carriedAnywhere.contains(s.name())) {
        out.warn(ProblemIds.WARN_SUBNET_UNCARRIED, "subnets[" + s.name() + "]", "Subnet '"
            + s.name() + "' is carried by no leaf: add it to a leaf, or mark it reserved()");
      }
    }
  }

  /** Whether a trunk's host and NIC exist, so it is part of its host's bond. */
  private static boolean wired(Facts f, Link.Trunk t) {
    Host h = f.hostByName.get(t.host());
    return h != null && h.nic(t.nic()).isPresent();
  }

  private static void cables(Facts f, Findings out) {
    Map<String, Integer> linksOf = new LinkedHashMap<>();
    f.spineByName.keySet().forEach(s -> linksOf.put(s, 0));
    Map<String, Integer> ports = new HashMap<>();
    Map<String, Integer> nics = new HashMap<>();
    for (int i = 0; i < f.links.size(); i++) {
      Link link = f.links.get(i);
      String self = Facts.describe(link, i);
      String at = "links[" + i + "]";
      if (link instanceof Link.Trunk t) {
        Host h = f.hostByName.get(t.host());
        if (h == null) {
          out.error(ProblemIds.REF_HOST, at + ".host", self + ": host '" + t.host()
              + "' is not declared");
        } else if (h.nic(t.nic()).isEmpty()) {
          out.error(ProblemIds.REF_NIC, at + ".nic", self + ": host '" + t.host()
              + "' has no NIC '" + t.nic() + "': declare it on the host");
        } else {
          Integer first = nics.putIfAbsent(t.host() + "/" + t.nic(), i);
          if (first != null) {
            out.error(ProblemIds.LINK_NIC_REUSE, at + ".nic", self + ": NIC '" + t.nic()
                + "' of host '" + t.host() + "' is already wired by "
                + lower(Facts.describe(f.links.get(first), first)) + ": a NIC takes one cable");
          }
        }
        end(f, t.spine(), t.port(), i, at + ".spine", at + ".port", self, linksOf, ports, out);
        for (String s : t.carries()) {
          if (!f.subnetByName.containsKey(s)) {
            out.error(ProblemIds.REF_SUBNET, at + ".carries[" + s + "]", self + ": carries subnet '"
                + s + "', which is not declared");
          }
        }
      } else {
        Link.Interconnect c = (Link.Interconnect) link;
        end(f, c.spine(), c.port(), i, at + ".spine", at + ".port", self, linksOf, ports, out);
        end(f, c.otherSpine(), c.otherPort(), i, at + ".otherSpine", at + ".otherPort", self,
            linksOf, ports, out);
      }
    }
    for (Map.Entry<String, Integer> e : linksOf.entrySet()) {
      Spine spine = f.spineByName.get(e.getKey());
      if (e.getValue() > spine.ports()) {
        out.error(ProblemIds.SPINE_CAPACITY, "spines[" + spine.name() + "]", "Spine '"
            + spine.name() + "': " + e.getValue() + " links but only " + spine.ports()
            + " ports: move links to another spine or declare more ports");
      }
    }
  }

  static String lower(String described) {
    return Character.toLowerCase(described.charAt(0)) + described.substring(1);
  }

  private static void end(Facts f, String spineName, int port, int index, String spinePath,
      String portPath, String self, Map<String, Integer> linksOf, Map<String, Integer> ports,
      Findings out) {
    Spine spine = f.spineByName.get(spineName);
    if (spine == null) {
      out.error(ProblemIds.REF_SPINE, spinePath, self + ": spine '" + spineName
          + "' is not declared");
      return;
    }
    linksOf.merge(spineName, 1, Integer::sum);
    if (port < 1 || port > spine.ports()) {
      out.error(ProblemIds.LINK_PORT_RANGE, portPath, self + ": port '" + port + "' of spine '"
          + spineName + "' does not exist: its ports are 1 to " + spine.ports());
      return;
    }
    Integer first = ports.putIfAbsent(spineName + ":" + port, index);
    if (first != null) {
      out.error(ProblemIds.LINK_PORT_REUSE, portPath, self + ": port '" + port + "' of spine '"
          + spineName + "' is already used by "
          + (first == index ? "its other end"
              : lower(Facts.describe(f.links.get(first), first)))
          + ": a port takes one cable");
    }
  }

  /** The VLAN ids of {@code subnets} that are declared and numbered, ascending. */
  private static TreeSet<Integer> vlansOf(Facts f, Iterable<String> subnets) {
    TreeSet<Integer> vlans = new TreeSet<>();
    for (String s : subnets) {
      Subnet subnet = f.subnetByName.get(s);
      if (subnet != null && subnet.vlan().isPresent()) {
        vlans.add(subnet.vlan().getAsInt());
      }
    }
    return vlans;
  }

  private static void trunkVlans(Facts f, Findings out) {
    for (Host h : f.hosts) {
      Set<String> carried = f.carried.get(h.name());
      int firstTrunk = -1;
      TreeSet<Integer> firstVlans = null;
      for (int i : f.trunks(h.name())) {
        Link.Trunk t = (Link.Trunk) f.links.get(i);
        if (!wired(f, t)) {
          continue;
        }
        String self = Facts.describe(t, i);
        if (!t.carries().isEmpty()) {
          for (Leaf leaf : h.leaves()) {
            for (String s : leaf.subnets()) {
              if (carried.contains(s) && !t.carries().contains(s)) {
                out.error(ProblemIds.TRUNK_VLAN_MISSING, "links[" + i + "].carries", self
                    + " does not carry subnet '" + s + "' (VLAN "
                    + f.subnetByName.get(s).vlan().orElse(0) + "), which leaf '" + leaf.name()
                    + "' of host '" + h.name() + "' needs: add it to the trunk's carries, or"
                    + " leave carries empty to carry every subnet the host's leaves carry");
              }
            }
          }
        }
        TreeSet<Integer> vlans = vlansOf(f, t.carries().isEmpty() ? carried : t.carries());
        if (firstVlans == null) {
          firstTrunk = i;
          firstVlans = vlans;
        } else if (!vlans.equals(firstVlans)) {
          out.error(ProblemIds.TRUNK_BOND_MISMATCH, "links[" + i + "].carries", self
              + " carries VLANs " + vlans + " but "
              + lower(Facts.describe(f.links.get(firstTrunk), firstTrunk)) + " carries "
              + firstVlans + ": the trunks of a host form one bond and must carry the same"
              + " VLANs");
        }
      }
    }
  }

  /** Union-find over spine indices, joined by the interconnects except {@code skip}. */
  private static int[] components(int spines, List<int[]> interconnects, int skip) {
    int[] parent = new int[spines];
    for (int i = 0; i < spines; i++) {
      parent[i] = i;
    }
    for (int[] c : interconnects) {
      if (c[0] != skip) {
        int a = root(parent, c[1]);
        int b = root(parent, c[2]);
        parent[a] = b;
      }
    }
    for (int i = 0; i < spines; i++) {
      parent[i] = root(parent, i);
    }
    return parent;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void reach(Facts f, Findings out) {
    List<String> spines = new ArrayList<>(f.spineByName.keySet());
    if (spines.isEmpty()) {
      return;
    }
    Map<String, Integer> spineIndex = new HashMap<>();
    for (int i = 0; i < spines.size(); i++) {
      spineIndex.put(spines.get(i), i);
    }
    List<int[]> interconnects = new ArrayList<>(); // {link index, spine, other spine}
    for (int i = 0; i < f.links.size(); i++) {
      if (f.links.get(i) instanceof Link.Interconnect c && spineIndex.containsKey(c.spine())
          && spineIndex.containsKey(c.otherSpine())) {
        interconnects.add(new int[] {i, spineIndex.get(c.spine()),
            spineIndex.get(c.otherSpine())});
      }
    }
    int[] all = components(spines.size(), interconnects, -1);
    Map<Integer, int[]> without = new LinkedHashMap<>();
    for (int[] c : interconnects) {
      without.put(c[0], components(spines.size(), interconnects, c[0]));
    }
    for (Host h : f.hosts) {
      if (h.leaves().isEmpty()) {
        continue;
      }
      List<int[]> trunks = new ArrayList<>(); // {link index, spine}
      for (int i : f.trunks(h.name())) {
        Link.Trunk t = (Link.Trunk) f.links.get(i);
        if (wired(f, t) && spineIndex.containsKey(t.spine())) {
          trunks.add(new int[] {i, spineIndex.get(t.spine())});
        }
      }
      List<String> missing = missing(spines, trunks, -1, all);
      if (!missing.isEmpty()) {
        for (Leaf leaf : h.leaves()) {
          out.error(ProblemIds.LEAF_SPINE_UNREACHABLE, "hosts[" + h.name() + "].leaves["
              + leaf.name() + "]", "Host '" + h.name() + "': leaf '" + leaf.name()
              + "' does not reach " + (missing.size() == 1 ? "spine " : "spines ")
              + Facts.quoteAll(missing) + ": no trunk of '" + h.name() + "' is wired to "
              + (missing.size() == 1 ? "it" : "them") + " or to a spine interconnected with "
              + (missing.size() == 1 ? "it" : "them") + "; every leaf must reach every spine");
        }
        continue;
      }
      for (int[] t : trunks) {
        single(f, h, t[0], missing(spines, trunks, t[0], all), out);
      }
      for (Map.Entry<Integer, int[]> e : without.entrySet()) {
        single(f, h, e.getKey(), missing(spines, trunks, -1, e.getValue()), out);
      }
    }
  }

  /** The spines the trunks (except link {@code skip}) do not reach, in declaration order. */
  private static List<String> missing(List<String> spines, List<int[]> trunks, int skip,
      int[] component) {
    boolean[] reached = new boolean[spines.size()];
    Set<Integer> roots = new HashSet<>();
    for (int[] t : trunks) {
      if (t[0] != skip) {
        roots.add(component[t[1]]);
      }
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < spines.size(); i++) {
      reached[i] = roots.contains(component[i]);
      if (!reached[i]) {
        missing.add(spines.get(i));
      }
    }
    return missing;
  }

  private static void single(Facts f, Host h, int link, List<String> lost, Findings out) {
    if (lost.isEmpty()) {
      return;
    }
    boolean trunk = f.links.get(link) instanceof Link.Trunk;
    List<String> leaves = h.leaves().stream().map(Leaf::name).toList();
    out.error(ProblemIds.LEAF_SINGLE_LINK, "links[" + link + "]", Facts.describe(f.links.get(link),
        link) + " is the only way from host '" + h.name() + "' to "
        + (lost.size() == 1 ? "spine " : "spines ") + Facts.quoteAll(lost) + ": if it fails, "
        + (leaves.size() == 1 ? "leaf " : "leaves ") + Facts.quoteAll(leaves) + " "
        + (leaves.size() == 1 ? "is" : "are") + " cut off; "
        + (trunk ? "wire a second trunk of '" + h.name() + "'"
            : "wire a trunk of '" + h.name() + "' to " + Facts.quoteAll(lost) + " as well")
        + " so no single link failure cuts a leaf off");
  }
}
