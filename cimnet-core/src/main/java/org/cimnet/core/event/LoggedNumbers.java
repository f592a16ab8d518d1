package org.cimnet.core.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;

/**
 * Sticky IPAM over the event log: the numbers (VLAN ids, addresses, MACs) the log holds are the
 * previous assignment IPAM keeps, and every number IPAM hands out anew becomes an event.
 */
final class LoggedNumbers {
  private LoggedNumbers() {}

  /**
   * {@code declared} with every number in {@code events} whose place is still there and still
   * open: the previous assignment IPAM keeps.
   */
  static Network previous(Network declared, List<Event> events) {
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
