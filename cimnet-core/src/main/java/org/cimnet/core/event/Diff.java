package org.cimnet.core.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Nic;
import org.cimnet.core.model.Subnet;

/**
 * The events between two networks: replaying {@code between(a, b)} onto {@code a} gives a
 * network equal to {@code b}, declaration order included.
 *
 * <p>It says as much as it can in the smallest events: a new number is an
 * {@link Event.AddressAssigned}, {@link Event.MacAssigned} or {@link Event.VlanAssigned}, a
 * container on another host is {@link Event.ContainerMoved}; anything else about an element is
 * a whole-element change. Elements whose relative order changed are removed and added again
 * (adding appends).
 */
public final class Diff {
  private Diff() {}

  public static List<Event> between(Network a, Network b) {
    List<Event> out = new ArrayList<>();
    if (!a.name().equals(b.name()) || !a.domain().equals(b.domain())
        || !a.supernet().equals(b.supernet()) || a.publicSupernet() != b.publicSupernet()
        || !a.convention().equals(b.convention())) {
      out.add(new Event.NetworkChanged(b.name(), b.domain(), b.supernet(), b.publicSupernet(),
          b.convention()));
    }
    keyed(out, a.subnets(), b.subnets(), Subnet::name, Event.SubnetAdded::new,
        Event.SubnetRemoved::new, Diff::subnetChange);
    keyed(out, a.spines(), b.spines(), org.cimnet.core.model.Spine::name,
        Event.SpineAdded::new, Event.SpineRemoved::new, null);
    keyed(out, a.hosts(), b.hosts(), Host::name, Event.HostAdded::new, Event.HostRemoved::new,
        Diff::hostChange);
    listed(out, a.links(), b.links(), Event.LinkAdded::new, Event.LinkRemoved::new);
    keyed(out, a.containers(), b.containers(), Container::name, Event.ContainerPlaced::new,
        Event.ContainerRemoved::new, Diff::containerChange);
    if (!a.internet().equals(b.internet())) {
      out.add(new Event.InternetSet(b.internet()));
    }
    listed(out, a.rules(), b.rules(), Event.RuleAdded::new, Event.RuleRemoved::new);
    listed(out, a.assertions(), b.assertions(), Event.AssertionAdded::new,
        Event.AssertionRemoved::new);
    keyed(out, a.devices(), b.devices(), org.cimnet.core.model.Device::name,
        Event.DeviceAdmitted::new, Event.DeviceRemoved::new, null);
    if (!a.watch().equals(b.watch())) {
      out.add(new Event.WatchSet(b.watch()));
    }
    return out;
  }

  /**
   * Named elements: the longest prefix of {@code b}'s order that {@code a} has in the same
   * order is kept (changed in place where it differs); the rest of {@code a} is removed and
   * the rest of {@code b} added.
   *
   * @param change the events that turn one kept element into the other, or null when only an
   *     equal element may be kept
   */
  private static <T> void keyed(List<Event> out, List<T> a, List<T> b, Function<T, String> key,
      Function<T, Event> added, Function<String, Event> removed,
      BiFunction<T, T, List<Event>> change) {
    Map<String, Integer> position = new LinkedHashMap<>();
    for (int i = 0; i < a.size(); i++) {
      position.put(key.apply(a.get(i)), i);
    }
    Set<String> kept = new HashSet<>();
    int last = -1;
    int k = 0;
    for (; k < b.size(); k++) {
      String name = key.apply(b.get(k));
      Integer p = position.get(name);
      if (p == null || p < last || (change == null && !a.get(p).equals(b.get(k)))) {
        break;
      }
      last = p;
      kept.add(name);
    }
    for (T x : a) {
      if (!kept.contains(key.apply(x))) {
        out.add(removed.apply(key.apply(x)));
      }
    }
    for (int i = 0; i < k; i++) {
      T now = b.get(i);
      T was = a.get(position.get(key.apply(now)));
      if (!was.equals(now)) {
        out.addAll(change.apply(was, now));
      }
    }
    for (int i = k; i < b.size(); i++) {
      out.add(added.apply(b.get(i)));
    }
  }

  /** Values that may repeat (links, rules, assertions): removal takes the first equal one. */
  private static <T> void listed(List<Event> out, List<T> a, List<T> b,
      Function<T, Event> added, Function<T, Event> removed) {
    boolean[] matched = new boolean[a.size()];
    int j = 0;
    int k = 0;
    for (; k < b.size(); k++) {
      int from = j;
      while (j < a.size() && !a.get(j).equals(b.get(k))) {
        j++;
      }
      if (j == a.size()) {
        j = from;
        break;
      }
      matched[j++] = true;
    }
    List<T> removals = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!matched[i]) {
        removals.add(a.get(i));
      }
    }
    // Removal takes the first equal value; with repeats that may not be the unmatched one, so
    // check the outcome and fall back to rewriting the whole list.
    List<T> result = new ArrayList<>(a);
    removals.forEach(result::remove);
    result.addAll(b.subList(k, b.size()));
    if (!result.equals(b)) {
      removals = a;
      k = 0;
    }
    removals.forEach(x -> out.add(removed.apply(x)));
    b.subList(k, b.size()).forEach(x -> out.add(added.apply(x)));
  }

  private static List<Event> subnetChange(Subnet was, Subnet now) {
    if (now.vlan().isPresent() && was.withVlan(now.vlan().getAsInt()).equals(now)) {
      return List.of(new Event.VlanAssigned(now.name(), now.vlan().getAsInt()));
    }
    return List.of(new Event.SubnetChanged(now));
  }

  private static List<Event> hostChange(Host was, Host now) {
    List<Event> numbers = new ArrayList<>();
    boolean sameShape = was.router() == now.router() && was.nameserver() == now.nameserver()
        && was.routed().equals(now.routed()) && was.served().equals(now.served())
        && was.leaves().equals(now.leaves()) && was.nics().size() == now.nics().size()
        && was.addresses().size() == now.addresses().size();
    for (int i = 0; sameShape && i < now.nics().size(); i++) {
      Nic x = was.nics().get(i);
      Nic y = now.nics().get(i);
      sameShape = x.name().equals(y.name()) && x.ifname().equals(y.ifname())
          && number(x.mac(), y.mac());
      if (sameShape && !x.mac().equals(y.mac())) {
        numbers.add(new Event.MacAssigned(Event.Owner.HOST, now.name(), y.name(),
            y.mac().get()));
      }
    }
    for (int i = 0; sameShape && i < now.addresses().size(); i++) {
      HostAddress x = was.addresses().get(i);
      HostAddress y = now.addresses().get(i);
      sameShape = x.subnet().equals(y.subnet()) && number(x.address(), y.address());
      if (sameShape && !x.address().equals(y.address())) {
        numbers.add(new Event.AddressAssigned(Event.Owner.HOST, now.name(), y.subnet(),
            y.address().get()));
      }
    }
    return sameShape ? numbers : List.of(new Event.HostChanged(now));
  }

  private static List<Event> containerChange(Container was, Container now) {
    List<Event> events = new ArrayList<>();
    if (!was.host().equals(now.host())) {
      events.add(new Event.ContainerMoved(now.name(), now.host()));
    }
    boolean sameShape = was.kind() == now.kind() && was.publishes().equals(now.publishes())
        && was.attachments().size() == now.attachments().size();
    for (int i = 0; sameShape && i < now.attachments().size(); i++) {
      Attachment x = was.attachments().get(i);
      Attachment y = now.attachments().get(i);
      sameShape = x.subnet().equals(y.subnet()) && number(x.address(), y.address())
          && number(x.mac(), y.mac());
      if (sameShape && !x.address().equals(y.address())) {
        events.add(new Event.AddressAssigned(Event.Owner.CONTAINER, now.name(), y.subnet(),
            y.address().get()));
      }
      if (sameShape && !x.mac().equals(y.mac())) {
        events.add(new Event.MacAssigned(Event.Owner.CONTAINER, now.name(), y.subnet(),
            y.mac().get()));
      }
    }
    return sameShape ? events : List.of(new Event.ContainerChanged(now));
  }

  /** Whether going from {@code was} to {@code now} is assigning a number (or keeping it). */
  private static <T> boolean number(Optional<T> was, Optional<T> now) {
    return now.isPresent() || Objects.equals(was, now);
  }

}
