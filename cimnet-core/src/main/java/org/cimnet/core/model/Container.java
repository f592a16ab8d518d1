package org.cimnet.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;

/**
 * A workload placed on a host and attached to one or more subnets. A container attached to two
 * subnets is a path between them, and the prover treats it so.
 *
 * @param publishes services forwarded to this container from the one public address
 */
public record Container(String name, ContainerKind kind, String host,
    List<Attachment> attachments, List<Service> publishes) {

  public Container {
    Names.check("Container", name);
    String self = Messages.quote("Container", name);
    Objects.requireNonNull(kind, "kind == null");
    Messages.in(self, () -> Names.check("Host", host));
    attachments = List.copyOf(attachments);
    publishes = List.copyOf(publishes);
    if (attachments.isEmpty()) {
      throw new IllegalArgumentException(self + ": attached to no subnet");
    }
    Set<String> subnets = new HashSet<>();
    for (Attachment a : attachments) {
      if (!subnets.add(a.subnet())) {
        throw new IllegalArgumentException(attachedTwice(self, a.subnet()));
      }
    }
  }

  private static String attachedTwice(String self, String subnet) {
    return self + ": attached to subnet '" + subnet + "' twice";
  }

  public Optional<Attachment> attachment(String subnet) {
    return attachments.stream().filter(a -> a.subnet().equals(subnet)).findFirst();
  }

  public Container withAttachments(List<Attachment> replaced) {
    return new Container(name, kind, host, replaced, publishes);
  }

  public static Builder builder(ContainerKind kind, String name) {
    return new Builder(kind, name);
  }

  public Builder toBuilder() {
    Builder b = new Builder(kind, name);
    b.host = host;
    attachments.forEach(a -> b.attachments.put(a.subnet(), a));
    b.publishes.addAll(publishes);
    return b;
  }

  /** Builds a {@link Container}; every method checks its arguments at once. */
  public static final class Builder {
    private final ContainerKind kind;
    private final String name;
    private String host;
    private final Map<String, Attachment> attachments = new LinkedHashMap<>();
    private final List<Service> publishes = new ArrayList<>();

    private Builder(ContainerKind kind, String name) {
      this.kind = Objects.requireNonNull(kind, "kind == null");
      this.name = Names.check("Container", name);
    }

    private String self() {
      return Messages.quote("Container", name);
    }

    /** Places the container on a host. */
    public Builder on(String hostName) {
      Messages.in(self(), () -> Names.check("Host", hostName));
      if (host != null) {
        throw new IllegalStateException(self() + ": host already set to '" + host + "'");
      }
      this.host = hostName;
      return this;
    }

    /** Attaches it to {@code subnet}; IPAM hands out the address and derives the MAC. */
    public Builder attach(String subnet) {
      return attach(subnet, Optional.empty(), Optional.empty());
    }

    /** Attaches it to {@code subnet} at a fixed address, such as {@code "192.168.4.10"}. */
    public Builder attach(String subnet, String address) {
      Messages.given(subnet, self(), "attachment subnet");
      Messages.given(address, self() + ": address in subnet '" + subnet + "'", "address");
      Ipv4Address parsed = Messages.in(self() + ": address in subnet '" + subnet + "'",
          () -> Ipv4Address.parse(address));
      return attach(subnet, Optional.of(parsed), Optional.empty());
    }

    /** Attaches it to {@code subnet} at a fixed address and MAC. */
    public Builder attach(String subnet, String address, String mac) {
      Messages.given(subnet, self(), "attachment subnet");
      Messages.given(address, self() + ": address in subnet '" + subnet + "'", "address");
      Messages.given(mac, self() + ": MAC in subnet '" + subnet + "'", "mac");
      Ipv4Address a = Messages.in(self() + ": address in subnet '" + subnet + "'",
          () -> Ipv4Address.parse(address));
      MacAddress m = Messages.in(self() + ": MAC in subnet '" + subnet + "'",
          () -> MacAddress.parse(mac));
      return attach(subnet, Optional.of(a), Optional.of(m));
    }

    public Builder attach(String subnet, Optional<Ipv4Address> address,
        Optional<MacAddress> mac) {
      Messages.in(self(), () -> Names.check("Subnet", subnet));
      if (attachments.putIfAbsent(subnet, new Attachment(subnet, address, mac)) != null) {
        throw new IllegalArgumentException(attachedTwice(self(), subnet));
      }
      return this;
    }

    /**
     * Forwards services from the one public address to this container (DNAT), such as
     * {@code publish("tcp/443")}. A rule must still let the internet open those connections.
     */
    public Builder publish(String... services) {
      Messages.givenAll(services, self() + ": publish", "services");
      for (String s : services) {
        publishes.add(Messages.in(self(), () -> Service.parse(s)));
      }
      return this;
    }

    public Builder publish(Service service) {
      publishes.add(Objects.requireNonNull(service, "service == null"));
      return this;
    }

    public Container build() {
      if (host == null) {
        throw new IllegalStateException(self() + ": not placed on a host: call on(\"host\")");
      }
      if (attachments.isEmpty()) {
        throw new IllegalStateException(
            self() + ": attached to no subnet: call attach(\"subnet\")");
      }
      return new Container(name, kind, host, new ArrayList<>(attachments.values()), publishes);
    }
  }
}
