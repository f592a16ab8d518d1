package org.cimnet.core.yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cimnet.core.check.ProblemIds;
import org.cimnet.core.format.Suggest;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.Names;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Spine;
import org.cimnet.core.yaml.internal.Fields;
import org.cimnet.core.yaml.internal.InventoryReader;
import org.cimnet.core.yaml.internal.ModelReader;
import org.cimnet.core.yaml.internal.Node;
import org.cimnet.core.yaml.internal.ReadProblem;

/** Merges network.yaml and parts.yaml through the DSL's builder, collecting every problem. */
final class NetworkLoader {
  private final Fields nf;
  private final Fields pf;
  private final ModelReader nr;
  private final ModelReader pr;
  private final Set<String> subnets = new HashSet<>();
  private final Set<String> hosts = new HashSet<>();
  private final Set<String> spines = new HashSet<>();
  private final Set<String> containers = new HashSet<>();
  private final Set<String> nics = new HashSet<>();
  /** The elements that did load, built despite problems elsewhere; null if none could be. */
  Network partial;
  /** The names of the elements that did not load (see {@link LoadReport}). */
  final Set<String> unloaded = new HashSet<>();
  /** The kinds of element whose section is not a list: nothing of theirs is known. */
  private final Set<String> unknown = new HashSet<>();
  private final List<Device> deviceList = new ArrayList<>();
  private final List<Node> deviceNodes = new ArrayList<>();
  /** Checker rules whose problems would be about what did not load. */
  final Set<String> skippedIds = new HashSet<>();
  private Optional<Node> networkTree = Optional.empty();
  private Optional<Node> partsTree = Optional.empty();

  /** A host's NICs as parts.yaml lists them, and where. */
  private record Hardware(Node node, String path, String name, List<Node> nics) {}

  NetworkLoader(Fields nf, Fields pf) {
    this.nf = nf;
    this.pf = pf;
    this.nr = new ModelReader(nf);
    this.pr = new ModelReader(pf);
  }

  Network load(Optional<Node> networkTree, Optional<Node> partsTree) {
    this.networkTree = networkTree;
    this.partsTree = partsTree;
    Map<String, Hardware> hardware = new LinkedHashMap<>();
    List<Spine> spineList = new ArrayList<>();
    List<Node> spineNodes = new ArrayList<>();
    partsTree.flatMap(t -> pf.obj(t, "", "the hardware (parts.yaml)", "spines", "hosts",
        "devices")).ifPresent(o -> readParts(o, hardware, spineList, spineNodes));
    if (networkTree.isEmpty()) {
      return null;
    }
    Optional<Fields.Obj> root = nf.obj(networkTree.get(), "", "the network (network.yaml)",
        "name", "domain", "supernet", "public_supernet", "convention", "subnets", "hosts",
        "links", "containers", "internet", "deploy_from", "rules", "assertions", "watch");
    if (root.isEmpty()) {
      return null;
    }
    Fields.Obj o = root.get();
    Network.Builder b = o.reqString("name", "the network's name").flatMap(
        n -> nf.attempt(o.req("name").get(), o.path("name"), () -> Network.builder(n)))
        .orElse(Network.builder("network"));
    o.opt("domain").ifPresent(d -> nf.string(d, "domain", "a DNS domain such as"
        + " 'cim.internal'").ifPresent(t -> nf.attempt(d, "domain", () -> b.domain(t))));
    Optional<Node> supernet = o.req("supernet");
    supernet.ifPresent(s -> nf.string(s, "supernet", "a CIDR such as '192.168.0.0/21'")
        .ifPresent(t -> nf.attempt(s, "supernet", () -> b.supernet(t))));
    o.opt("public_supernet").flatMap(n -> nf.bool(n, "public_supernet"))
        .filter(x -> x).ifPresent(x -> b.publicSupernet());
    o.opt("convention").flatMap(n -> nr.convention(n, "convention"))
        .ifPresent(c -> b.convention(c));
    peek(o, "subnets", subnets, "subnet", ProblemIds.REF_SUBNET);
    peek(o, "hosts", hosts, "host", ProblemIds.REF_HOST);
    peek(o, "containers", containers, "container", ProblemIds.REF_CONTAINER);
    for (Hardware hw : hardware.values()) {
      hw.nics().forEach(nic -> peekName(nic).ifPresent(x -> nics.add(hw.name() + "/" + x)));
    }
    each(o, "subnets", "subnets", (n, p) -> nr.subnet(n, p).ifPresent(s -> {
      nf.attempt(nameNode(n), p + ".name", () -> b.subnet(s));
    }));
    for (int i = 0; i < spineList.size(); i++) {
      Spine s = spineList.get(i);
      pf.attempt(nameNode(spineNodes.get(i)), "spines[" + s.name() + "].name",
            () -> b.spine(s));
    }
    Set<String> seenHosts = new HashSet<>();
    each(o, "hosts", "hosts", (n, p) -> {
      peekName(n).ifPresent(seenHosts::add);
      Optional<Host> h = nr.host(n, p, false, hb -> { });
      Optional<Host> withNics = h.flatMap(x -> addHardware(x, hardware.get(x.name())));
      withNics.ifPresent(x -> {
        nf.attempt(nameNode(n), p + ".name", () -> b.host(x));
      });
    });
    for (Hardware hw : hardware.values()) {
      if (!seenHosts.contains(hw.name())) {
        unload(hw.node());
        pf.problem(nameNode(hw.node()), hw.path() + ".name", "host '" + hw.name()
            + "' has hardware here but is not declared under hosts in network.yaml"
            + Suggest.didYouMean(hw.name(), seenHosts));
      }
    }
    each(o, "links", "links (trunks and interconnects)", (n, p) -> nr.link(n, p)
        .ifPresent(l -> b.link(l)));
    each(o, "containers", "containers", (n, p) -> nr.container(n, p).ifPresent(c -> {
      nf.attempt(nameNode(n), p + ".name", () -> b.container(c));
    }));
    o.opt("internet").flatMap(n -> nr.internet(n, "internet"))
        .ifPresent(i -> b.internet(i));
    o.opt("deploy_from").ifPresent(d -> nf.string(d, "deploy_from", "the subnet the"
        + " operator deploys the hosts from, such as 'lan'").ifPresent(t -> {
          if (nf.attempt(d, "deploy_from", () -> b.deployFrom(t)).isPresent()) {
            nr.deployFrom(t, d);
          }
        }));
    each(o, "rules", "rules", (n, p) -> nr.rule(n, p).ifPresent(r -> b.rule(r)));
    each(o, "assertions", "assertions", (n, p) -> nr.assertion(n, p)
        .ifPresent(a -> b.assertion(a)));
    for (int i = 0; i < deviceList.size(); i++) {
      Device d = deviceList.get(i);
      pf.attempt(nameNode(deviceNodes.get(i)), "devices[" + d.name() + "].name",
            () -> b.device(d));
    }
    o.opt("watch").flatMap(n -> new InventoryReader(nr).watch(n, "watch"))
        .ifPresent(w -> b.watch(w));
    resolve(nr.refs);
    resolve(pr.refs);
    if (supernet.isEmpty()) {
      return null;
    }
    if (!nf.problems.isEmpty()) {
      try {
        partial = b.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        partial = null;
      }
      return null;
    }
    return nf.attempt(o.map, "", b::build).orElse(null);
  }

  /** Runs {@code read}; if it found a problem, the element counts as not loaded. */
  private boolean watched(Node item, Runnable read) {
    int before = nf.problems.size();
    read.run();
    if (nf.problems.size() > before) {
      unload(item);
      return false;
    }
    return true;
  }

  /**
   * Marks an element as not loaded by what names it: its name or, for a link (which has
   * none), the host and spines it wires, whose topology it changes.
   */
  private void unload(Node node) {
    if (node instanceof Node.MapNode m) {
      for (String key : List.of("name", "host", "spine", "other_spine")) {
        if ((key.equals("name") || m.entries().containsKey("kind")
            && m.entries().containsKey("port"))
            && m.entries().get(key) instanceof Node.Scalar s
            && s.kind() != Node.Scalar.Kind.NULL) {
          unloaded.add(s.text());
        }
      }
    }
  }

  private void readParts(Fields.Obj o, Map<String, Hardware> hardware, List<Spine> spineList,
      List<Node> spineNodes) {
    o.opt("devices").ifPresent(n -> {
      List<Node> items = pf.list(n, "devices", "the inventory's devices");
      InventoryReader inventory = new InventoryReader(pr);
      Set<String> named = new HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        inventory.device(item, "devices" + Fields.item(item, i, named, Names::isValid))
            .ifPresent(d -> {
          deviceList.add(d);
          deviceNodes.add(item);
        });
      }
    });
    o.opt("spines").ifPresent(n -> {
      List<Node> items = pf.list(n, "spines", "spines");
      items.forEach(item -> peekName(item).ifPresent(spines::add));
      Set<String> seen = new HashSet<>();
      Set<String> named = new HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        String p = "spines" + Fields.item(items.get(i), i, named, Names::isValid);
        Node item = items.get(i);
        watched(item, () -> pr.spine(item, p).ifPresent(s -> {
          if (!seen.add(s.name())) {
            pf.problem(nameNode(item), p + ".name", "Spine '" + s.name()
                + "' is declared twice");
          } else {
            spineList.add(s);
            spineNodes.add(item);
          }
        }));
      }
    });
    o.opt("hosts").ifPresent(n -> {
      List<Node> items = pf.list(n, "hosts", "hosts with their NICs");
      Set<String> named = new HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        String p = "hosts" + Fields.item(items.get(i), i, named, Names::isValid);
        Node item = items.get(i);
        watched(item, () -> pf.obj(item, p, "a host's hardware", "name", "nics").ifPresent(h -> {
          Optional<String> name = h.reqString("name", "a host name");
          Optional<Node> nicList = h.req("nics");
          if (name.isEmpty() || nicList.isEmpty()) {
            return;
          }
          if (hardware.containsKey(name.get())) {
            pf.problem(nameNode(item), p + ".name", "host '" + name.get()
                + "' is listed twice: list each host's NICs once");
            return;
          }
          hardware.put(name.get(), new Hardware(item, p, name.get(),
              pf.list(nicList.get(), h.path("nics"), "NICs")));
        }));
      }
    });
  }

  /** The host with the NICs parts.yaml gives it, through the host's builder. */
  private Optional<Host> addHardware(Host host, Hardware hw) {
    if (hw == null) {
      return Optional.of(host);
    }
    Host.Builder hb = host.toBuilder();
    boolean ok = true;
    Set<String> nicsNamed = new HashSet<>();
    for (int i = 0; i < hw.nics().size(); i++) {
      ok &= pr.nic(hb, host.name(), hw.nics().get(i), hw.path() + ".nics"
          + Fields.item(hw.nics().get(i), i, nicsNamed, Nic::isValidName));
    }
    return ok ? Optional.of(hb.build()) : Optional.empty();
  }

  private interface Item {
    void read(Node node, String path);
  }

  private void each(Fields.Obj o, String key, String what, Item item) {
    o.opt(key).ifPresent(n -> {
      List<Node> items = nf.list(n, key, what);
      Set<String> named = new HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        Node n1 = items.get(i);
        String p = key + Fields.item(items.get(i), i, named, Names::isValid);
        if (!watched(n1, () -> item.read(n1, p)) && key.equals("hosts")) {
          // Its leaves are missing: the subnets they carry would look carried by none.
          skippedIds.add(ProblemIds.WARN_SUBNET_UNCARRIED);
        }
      }
    });
  }

  /**
   * Records the names a section declares before reading its elements, so that one broken
   * element does not also make every reference to it a problem. A section that is not a list
   * declares nothing knowable: references to its kind are then not checked.
   */
  private void peek(Fields.Obj o, String key, Set<String> names, String kind, String refId) {
    Optional<Node> section = o.opt(key);
    if (section.isPresent() && section.get() instanceof Node.ListNode list) {
      list.items().forEach(item -> peekName(item).ifPresent(names::add));
    } else if (section.isPresent()) {
      unknown.add(kind);
      skippedIds.add(refId);
    }
  }

  private static Optional<String> peekName(Node item) {
    if (item instanceof Node.MapNode m && m.entries().get("name") instanceof Node.Scalar s
        && s.kind() != Node.Scalar.Kind.NULL) {
      return Optional.of(s.text());
    }
    return Optional.empty();
  }

  private static Node nameNode(Node item) {
    if (item instanceof Node.MapNode m && m.entries().containsKey("name")) {
      return m.entries().get("name");
    }
    return item;
  }

  /** Every name used must be declared; the message suggests the closest declared one. */
  private void resolve(List<ModelReader.Ref> refs) {
    for (ModelReader.Ref r : refs) {
      Set<String> declared = switch (r.kind()) {
        case "subnet" -> subnets;
        case "host" -> hosts;
        case "spine" -> spines;
        case "container" -> containers;
        default -> nics;
      };
      if (declared.contains(r.name()) || unknown.contains(r.kind())) {
        continue;
      }
      unloaded.add(r.kind().equals("nic") ? r.name().substring(r.name().indexOf('/') + 1)
          : r.name());
      // The element holding the reference is not the one written either.
      int element = r.path().indexOf(']');
      Optional<Node> tree = r.file().equals(pf.file) ? partsTree : networkTree;
      if (element > 0 && tree.isPresent()) {
        new Locator(List.of(new Locator.Tree(r.file(), tree.get())))
            .find(r.path().substring(0, element + 1)).ifPresent(at -> unload(at.node()));
      }
      String where = switch (r.kind()) {
        case "subnet" -> "under subnets in network.yaml";
        case "host" -> "under hosts in network.yaml";
        case "spine" -> "under spines in parts.yaml";
        case "container" -> "under containers in network.yaml";
        default -> "under the host's nics in parts.yaml";
      };
      String shown = r.kind().equals("nic") ? r.name().replace('/', '.') : r.name();
      Set<String> candidates = r.kind().equals("nic") ? new LinkedHashSet<>(nics.stream()
          .filter(x -> x.startsWith(r.name().substring(0, r.name().indexOf('/') + 1)))
          .map(x -> x.substring(x.indexOf('/') + 1)).toList()) : declared;
      String typed = r.kind().equals("nic") ? r.name().substring(r.name().indexOf('/') + 1)
          : r.name();
      nf.problems.add(new ReadProblem(r.file(), r.line(), r.column(), r.path(),
          capitalised(r.owner()) + ": " + (r.kind().equals("nic") ? "NIC"
              : capitalised(r.kind())) + " '" + shown + "' is not declared "
              + where + Suggest.didYouMean(typed, candidates)));
    }
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
