package org.cimnet.core.yaml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.Assertion;
import org.cimnet.core.model.Endpoint;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Rule;
import org.cimnet.core.model.Service;

/** The way to the internet, rules and assertions, for {@link ModelReader}. */
final class PolicyReader {
  private final ModelReader reader;
  private final Fields f;

  PolicyReader(ModelReader reader) {
    this.reader = reader;
    this.f = reader.f;
  }

  Optional<Internet> internet(Node node, String path) {
    return f.obj(node, path, "the way to the internet", "public_address", "gateway", "via",
        "forwarders")
        .flatMap(o -> {
          Optional<String> pub = o.reqString("public_address",
              "the one public address with its prefix, such as '203.0.113.10/24'");
          Optional<String> gw = o.reqString("gateway", "the upstream gateway's address");
          Optional<String> via = o.reqString("via", "the subnet the internet is reached"
              + " through");
          Optional<List<Ipv4Address>> forwarders = forwarders(o);
          if (pub.isEmpty() || gw.isEmpty() || via.isEmpty() || forwarders.isEmpty()) {
            return Optional.empty();
          }
          try {
            Internet way = Internet.of(pub.get(), gw.get(), via.get())
                .withForwarders(forwarders.get());
            reader.ref("subnet", via.get(), "the internet", o.req("via").get(), o.path("via"));
            return Optional.of(way);
          } catch (IllegalArgumentException e) {
            String key = e.getMessage().startsWith("Internet: gateway") ? "gateway"
                : e.getMessage().startsWith("Internet: via") ? "via" : "public_address";
            f.problem(o.req(key).get(), o.path(key), e.getMessage());
            return Optional.empty();
          }
        });
  }

  /**
   * The internet's upstream resolvers, each problem (not an address, given twice) at its item;
   * empty if any.
   */
  private Optional<List<Ipv4Address>> forwarders(Fields.Obj o) {
    if (o.opt("forwarders").isEmpty()) {
      return Optional.of(List.of());
    }
    List<Node> items = f.list(o.opt("forwarders").get(), o.path("forwarders"),
        "upstream resolver addresses, such as [9.9.9.9, 149.112.112.112]");
    List<Ipv4Address> out = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      String at = o.path("forwarders") + "[" + i + "]";
      Node item = items.get(i);
      Optional<Ipv4Address> a = f.string(item, at, "an upstream resolver's IPv4 address")
          .flatMap(t -> f.attempt(item, at, () -> {
            try {
              return Ipv4Address.parse(t);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("Internet: forwarder: " + e.getMessage(), e);
            }
          }));
      if (a.isPresent() && out.contains(a.get())) {
        f.problem(item, at, "Internet: forwarder '" + a.get() + "' is given twice");
        a = Optional.empty();
      }
      a.ifPresent(out::add);
      ok &= a.isPresent();
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  private Optional<Endpoint> endpoint(Fields.Obj o, String key, String owner) {
    Optional<String> text = o.reqString(key, "an endpoint: a subnet name, zone:NAME,"
        + " container:NAME, host:NAME or internet");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Node at = o.req(key).get();
    Optional<Endpoint> e = f.attempt(at, o.path(key), () -> Endpoint.parse(text.get()));
    e.ifPresent(x -> {
      if (x instanceof Endpoint.OfSubnet s) {
        reader.ref("subnet", s.name(), owner, at, o.path(key));
      } else if (x instanceof Endpoint.OfContainer c) {
        reader.ref("container", c.name(), owner, at, o.path(key));
      } else if (x instanceof Endpoint.OfHost h) {
        reader.ref("host", h.name(), owner, at, o.path(key));
      }
    });
    return e;
  }

  Optional<Rule> rule(Node node, String path) {
    return f.obj(node, path, "a rule", "from", "to", "services").flatMap(o -> {
      Optional<Endpoint> from = endpoint(o, "from", "a rule");
      Optional<Endpoint> to = endpoint(o, "to", "a rule");
      List<Service> services = new ArrayList<>();
      boolean ok = true;
      if (o.opt("services").isPresent()) {
        List<Node> items = f.list(o.opt("services").get(), o.path("services"),
            "services such as 'tcp/443'");
        for (int i = 0; i < items.size(); i++) {
          String p = o.path("services") + "[" + i + "]";
          Node at = items.get(i);
          Optional<Service> s = f.string(at, p, "a service such as 'tcp/443'")
              .flatMap(t -> f.attempt(at, p, () -> Service.parse(t)));
          ok &= s.isPresent();
          s.ifPresent(services::add);
        }
      }
      if (from.isEmpty() || to.isEmpty() || !ok) {
        return Optional.empty();
      }
      return Optional.of(new Rule(from.get(), to.get(), services));
    });
  }

  Optional<Assertion> assertion(Node node, String path) {
    return f.obj(node, path, "an assertion", "never").flatMap(o -> o.req("never").flatMap(
        n -> f.obj(n, o.path("never"), "the endpoints an assertion forbids", "from", "to")
            .flatMap(never -> {
              Optional<Endpoint> from = endpoint(never, "from", "an assertion");
              Optional<Endpoint> to = endpoint(never, "to", "an assertion");
              return from.isPresent() && to.isPresent()
                  ? Optional.of(new Assertion(from.get(), to.get())) : Optional.empty();
            })));
  }
}
