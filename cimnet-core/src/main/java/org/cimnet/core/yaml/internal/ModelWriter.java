package org.cimnet.core.yaml.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.AddressConvention;
import org.cimnet.core.model.Assertion;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Leaf;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Watch;

/**
 * Turns the model into the tree a person would write: defaults left out (domain
 * {@code cim.internal}, zone {@code private}, the seed's convention, false flags, every-service
 * rules), no empty lists, keys in one fixed order.
 *
 * <p>Public only so the event log ({@code org.cimnet.core.event}) shares this codec with the
 * YAML files; it is not part of cimnet's user API.
 */
public final class ModelWriter {
  private ModelWriter() {}

  /** Builds a mapping in insertion order. */
  public static final class M {
    private final Map<String, Node> entries = new LinkedHashMap<>();

    public M put(String key, Node value) {
      entries.put(key, value);
      return this;
    }

    public M put(String key, String value) {
      return put(key, s(value));
    }

    public M putIf(boolean when, String key, Node value) {
      return when ? put(key, value) : this;
    }

    public Node.MapNode node() {
      return new Node.MapNode(entries, Map.of(), 0, 0);
    }
  }

  public static Node s(String text) {
    return new Node.Scalar(text, Node.Scalar.Kind.STRING, 0, 0);
  }

  public static Node i(long value) {
    return new Node.Scalar(Long.toString(value), Node.Scalar.Kind.INT, 0, 0);
  }

  public static Node yes() {
    return new Node.Scalar("true", Node.Scalar.Kind.BOOL, 0, 0);
  }

  public static Node list(List<Node> items) {
    return new Node.ListNode(items, 0, 0);
  }

  public static Node strings(List<String> items) {
    return list(items.stream().map(ModelWriter::s).toList());
  }

  public static Node.MapNode network(Network n) {
    M m = new M().put("name", n.name());
    if (!n.domain().equals(Network.DEFAULT_DOMAIN)) {
      m.put("domain", n.domain());
    }
    m.put("supernet", n.supernet().toString());
    m.putIf(n.publicSupernet(), "public_supernet", yes());
    if (!n.convention().equals(AddressConvention.SEED)) {
      m.put("convention", convention(n.convention()));
    }
    m.putIf(!n.subnets().isEmpty(), "subnets",
        list(n.subnets().stream().map(ModelWriter::subnet).toList()));
    m.putIf(!n.hosts().isEmpty(), "hosts",
        list(n.hosts().stream().map(h -> host(h, false)).toList()));
    m.putIf(!n.links().isEmpty(), "links",
        list(n.links().stream().map(ModelWriter::link).toList()));
    m.putIf(!n.containers().isEmpty(), "containers",
        list(n.containers().stream().map(ModelWriter::container).toList()));
    n.internet().ifPresent(i -> m.put("internet", internet(i)));
    n.deployFrom().ifPresent(d -> m.put("deploy_from", d));
    m.putIf(!n.rules().isEmpty(), "rules",
        list(n.rules().stream().map(ModelWriter::rule).toList()));
    m.putIf(!n.assertions().isEmpty(), "assertions",
        list(n.assertions().stream().map(ModelWriter::assertion).toList()));
    n.watch().ifPresent(w -> m.put("watch", watch(w)));
    return m.node();
  }

  /** parts.yaml: the hardware, spines with their ports and hosts with their NICs and MACs. */
  public static Node.MapNode parts(Network n) {
    M m = new M();
    m.putIf(!n.spines().isEmpty(), "spines",
        list(n.spines().stream().map(ModelWriter::spine).toList()));
    List<Node> hosts = new ArrayList<>();
    for (Host h : n.hosts()) {
      if (!h.nics().isEmpty()) {
        hosts.add(new M().put("name", h.name()).put("nics", nics(h)).node());
      }
    }
    m.putIf(!hosts.isEmpty(), "hosts", list(hosts));
    m.putIf(!n.devices().isEmpty(), "devices",
        list(n.devices().stream().map(ModelWriter::device).toList()));
    return m.node();
  }

  public static Node convention(AddressConvention c) {
    return new M().put("gateway", i(c.gateway())).put("nameserver", i(c.nameserver())).node();
  }

  public static Node subnet(Subnet s) {
    M m = new M().put("name", s.name()).put("cidr", s.cidr().toString());
    s.vlan().ifPresent(v -> m.put("vlan", i(v)));
    m.putIf(!s.zone().equals("private"), "zone", s(s.zone()));
    m.putIf(s.reserved(), "reserved", yes());
    return m.node();
  }

  /** An inventory device, as parts.yaml lists it. */
  public static Node device(Device d) {
    M m = new M().put("name", d.name()).put("mac", d.mac().toString()).put("kind", d.kind())
        .put("subnet", d.subnet());
    d.cable().ifPresent(c -> m.put("spine", c.spine()).put("port", i(c.port())));
    return m.node();
  }

  /** The watcher's settings, as network.yaml holds them. */
  public static Node watch(Watch w) {
    M m = new M();
    m.putIf(w.pollMillis() != Watch.DEFAULT_POLL_MILLIS, "poll_ms", i(w.pollMillis()));
    if (!w.enforcement().isEmpty()) {
      M e = new M();
      w.enforcement().forEach((subnet, mode) -> e.put(subnet, mode.key()));
      m.put("enforcement", e.node());
    }
    List<Node> handlers = new ArrayList<>();
    for (Watch.Handler h : w.handlers()) {
      M hm = new M().put("on", h.on().key()).put("run", strings(h.command()));
      hm.putIf(h.timeoutMillis() != Watch.DEFAULT_TIMEOUT_MILLIS, "timeout_ms",
          i(h.timeoutMillis()));
      handlers.add(hm.node());
    }
    m.putIf(!handlers.isEmpty(), "handlers", list(handlers));
    return m.node();
  }

  public static Node spine(Spine s) {
    return new M().put("name", s.name()).put("ports", i(s.ports())).node();
  }

  public static Node nics(Host h) {
    List<Node> nics = new ArrayList<>();
    for (Nic nic : h.nics()) {
      M m = new M().put("name", nic.name());
      nic.mac().ifPresent(mac -> m.put("mac", mac.toString()));
      nic.ifname().ifPresent(ifname -> m.put("ifname", ifname));
      nics.add(m.node());
    }
    return list(nics);
  }

  /** A host; {@code withNics} for events, which carry the whole host. */
  public static Node host(Host h, boolean withNics) {
    M m = new M().put("name", h.name());
    m.putIf(h.router(), "router", h.routed().isEmpty() ? yes() : strings(h.routed()));
    m.putIf(h.nameserver(), "nameserver", h.served().isEmpty() ? yes()
        : strings(h.served()));
    m.putIf(withNics && !h.nics().isEmpty(), "nics", nics(h));
    if (!h.leaves().isEmpty()) {
      M leaves = new M();
      for (Leaf l : h.leaves()) {
        leaves.put(l.name(), strings(l.subnets()));
      }
      m.put("leaves", leaves.node());
    }
    if (!h.addresses().isEmpty()) {
      M addresses = new M();
      for (HostAddress a : h.addresses()) {
        addresses.put(a.subnet(), a.address().map(Object::toString).orElse(ModelReader.AUTO));
      }
      m.put("addresses", addresses.node());
    }
    return m.node();
  }

  public static Node link(Link link) {
    if (link instanceof Link.Trunk t) {
      M m = new M().put("kind", "trunk").put("host", t.host()).put("nic", t.nic())
          .put("spine", t.spine()).put("port", i(t.port()));
      m.putIf(!t.carries().isEmpty(), "carries", strings(t.carries()));
      return m.node();
    }
    Link.Interconnect c = (Link.Interconnect) link;
    return new M().put("kind", "interconnect").put("spine", c.spine()).put("port", i(c.port()))
        .put("other_spine", c.otherSpine()).put("other_port", i(c.otherPort())).node();
  }

  public static Node container(Container c) {
    M m = new M().put("name", c.name()).put("kind", c.kind().key()).put("host", c.host());
    M attachments = new M();
    for (Attachment a : c.attachments()) {
      if (a.mac().isPresent()) {
        M both = new M();
        a.address().ifPresent(ip -> both.put("address", ip.toString()));
        both.put("mac", a.mac().get().toString());
        attachments.put(a.subnet(), both.node());
      } else {
        attachments.put(a.subnet(), a.address().map(Object::toString).orElse(ModelReader.AUTO));
      }
    }
    m.put("attachments", attachments.node());
    m.putIf(!c.publishes().isEmpty(), "publishes",
        strings(c.publishes().stream().map(Service::toString).toList()));
    return m.node();
  }

  public static Node internet(Internet i) {
    return new M().put("public_address", i.publicAddressText())
        .put("gateway", i.gateway().toString()).put("via", i.via())
        .putIf(!i.forwarders().isEmpty(), "forwarders",
            strings(i.forwarders().stream().map(Ipv4Address::toString).toList()))
        .node();
  }

  /** An endpoint's text; a subnet called {@code internet} is spelt {@code subnet:internet}. */
  public static String endpoint(Endpoint e) {
    if (e instanceof Endpoint.OfSubnet s && s.name().equals("internet")) {
      return "subnet:internet";
    }
    return e.text();
  }

  public static Node rule(Rule r) {
    M m = new M().put("from", endpoint(r.from())).put("to", endpoint(r.to()));
    m.putIf(!r.services().equals(List.of(Service.ANY)), "services",
        strings(r.services().stream().map(Service::toString).toList()));
    return m.node();
  }

  public static Node assertion(Assertion a) {
    return new M().put("never", new M().put("from", endpoint(a.from()))
        .put("to", endpoint(a.to())).node()).node();
  }
}
