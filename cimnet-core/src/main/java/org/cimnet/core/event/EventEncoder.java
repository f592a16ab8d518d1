package org.cimnet.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.cimnet.core.yaml.internal.ModelWriter;
import org.cimnet.core.yaml.internal.ModelWriter.M;
import org.cimnet.core.yaml.internal.Node;

/**
 * One event as one line of JSON, {@code {"event":"subnet-added","subnet":{...}}}. Elements are
 * written with the same keys as network.yaml (one vocabulary everywhere); {@link EventDecoder}
 * reads them back through the same builders.
 */
final class EventEncoder {
  private static final JsonFactory JSON = new JsonFactory();

  private EventEncoder() {}

  /** The event's JSON text, without the line end. */
  static String encode(Event event) {
    M m = new M().put("event", event.type());
    if (event instanceof Event.NetworkChanged e) {
      m.put("name", e.name()).put("domain", e.domain()).put("supernet", e.supernet().toString())
          .put("public_supernet", new Node.Scalar(Boolean.toString(e.publicSupernet()),
              Node.Scalar.Kind.BOOL, 0, 0))
          .put("convention", ModelWriter.convention(e.convention()));
    } else if (event instanceof Event.SubnetAdded e) {
      m.put("subnet", ModelWriter.subnet(e.subnet()));
    } else if (event instanceof Event.SubnetChanged e) {
      m.put("subnet", ModelWriter.subnet(e.subnet()));
    } else if (event instanceof Event.SubnetRemoved e) {
      m.put("name", e.name());
    } else if (event instanceof Event.VlanAssigned e) {
      m.put("subnet", e.subnet()).put("vlan", ModelWriter.i(e.vlan()));
    } else if (event instanceof Event.SpineAdded e) {
      m.put("spine", ModelWriter.spine(e.spine()));
    } else if (event instanceof Event.SpineRemoved e) {
      m.put("name", e.name());
    } else if (event instanceof Event.HostAdded e) {
      m.put("host", ModelWriter.host(e.host(), true));
    } else if (event instanceof Event.HostChanged e) {
      m.put("host", ModelWriter.host(e.host(), true));
    } else if (event instanceof Event.HostRemoved e) {
      m.put("name", e.name());
    } else if (event instanceof Event.AddressAssigned e) {
      m.put("owner", e.owner().key()).put("name", e.name()).put("subnet", e.subnet())
          .put("address", e.address().toString());
    } else if (event instanceof Event.MacAssigned e) {
      m.put("owner", e.owner().key()).put("name", e.name()).put("port", e.port())
          .put("mac", e.mac().toString());
    } else if (event instanceof Event.MacDiscovered e) {
      m.put("host", e.host()).put("nic", e.nic()).put("mac", e.mac().toString());
    } else if (event instanceof Event.LinkAdded e) {
      m.put("link", ModelWriter.link(e.link()));
    } else if (event instanceof Event.LinkRemoved e) {
      m.put("link", ModelWriter.link(e.link()));
    } else if (event instanceof Event.ContainerPlaced e) {
      m.put("container", ModelWriter.container(e.container()));
    } else if (event instanceof Event.ContainerMoved e) {
      m.put("name", e.name()).put("host", e.host());
    } else if (event instanceof Event.ContainerChanged e) {
      m.put("container", ModelWriter.container(e.container()));
    } else if (event instanceof Event.ContainerRemoved e) {
      m.put("name", e.name());
    } else if (event instanceof Event.InternetSet e) {
      e.internet().ifPresent(i -> m.put("internet", ModelWriter.internet(i)));
    } else if (event instanceof Event.RuleAdded e) {
      m.put("rule", ModelWriter.rule(e.rule()));
    } else if (event instanceof Event.RuleRemoved e) {
      m.put("rule", ModelWriter.rule(e.rule()));
    } else if (event instanceof Event.AssertionAdded e) {
      m.put("assertion", ModelWriter.assertion(e.assertion()));
    } else if (event instanceof Event.AssertionRemoved e) {
      m.put("assertion", ModelWriter.assertion(e.assertion()));
    } else if (event instanceof Event.WatchSet e) {
      e.watch().ifPresent(w -> m.put("watch", ModelWriter.watch(w)));
    } else if (event instanceof Event.DeviceAdmitted e) {
      m.put("device", ModelWriter.device(e.device()));
    } else if (event instanceof Event.DeviceRemoved e) {
      m.put("name", e.name());
    } else if (event instanceof Observed e) {
      m.put("at", e.at().toString());
      sighting(m, e.sighting());
      if (e instanceof Observed.DeviceMoved moved) {
        M from = new M();
        sighting(from, moved.from());
        m.put("from", from.node());
      } else if (e instanceof Observed.DeviceUnauthorized u) {
        m.put("enforcement", u.enforcement().key());
      }
    } else if (event instanceof Event.HandlerRan e) {
      m.put("at", e.at().toString()).put("on", e.on().key()).put("mac", e.mac().toString())
          .put("command", ModelWriter.strings(e.command())).put("status", e.status())
          .put("exit", ModelWriter.i(e.exit())).put("millis", ModelWriter.i(e.millis()))
          .put("output", e.output());
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, m.node());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void sighting(M m, Sighting s) {
    m.put("host", s.host()).put("mac", s.mac().toString()).put("bridge", s.bridge())
        .put("port", s.port()).put("vlan", ModelWriter.i(s.vlan()));
    s.subnet().ifPresent(x -> m.put("subnet", x));
    s.owner().ifPresent(x -> m.put("owner", x));
    s.address().ifPresent(x -> m.put("address", x.toString()));
  }

  private static void write(JsonGenerator g, Node node) throws IOException {
    if (node instanceof Node.MapNode map) {
      g.writeStartObject();
      for (Map.Entry<String, Node> e : map.entries().entrySet()) {
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (node instanceof Node.ListNode list) {
      g.writeStartArray();
      for (Node item : list.items()) {
        write(g, item);
      }
      g.writeEndArray();
    } else {
      Node.Scalar s = (Node.Scalar) node;
      switch (s.kind()) {
        case INT -> g.writeNumber(Long.parseLong(s.text()));
        case BOOL -> g.writeBoolean(Boolean.parseBoolean(s.text()));
        default -> g.writeString(s.text());
      }
    }
  }
}
