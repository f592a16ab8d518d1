package org.cimnet.core.yaml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.model.Device;
import org.cimnet.core.model.Names;
import org.cimnet.core.model.Watch;

/**
 * Reads the inventory's devices (parts.yaml's {@code devices}) and the watcher's settings
 * (network.yaml's {@code watch}) through their builders, reporting every problem with its path.
 * Used by {@link org.cimnet.core.yaml.NetworkYaml} and the event log; it is not part of
 * cimnet's user API.
 */
public final class InventoryReader {
  private final Fields f;
  private final ModelReader r;

  public InventoryReader(ModelReader r) {
    this.r = r;
    this.f = r.f;
  }

  /**
   * One device: {@code name}, {@code mac}, {@code kind}, {@code subnet}, and optionally the
   * {@code spine} and {@code port} it is cabled to.
   */
  public Optional<Device> device(Node node, String path) {
    return f.obj(node, path, "a device", "name", "mac", "kind", "subnet", "spine", "port")
        .flatMap(o -> {
          Optional<String> name = o.reqString("name", "a device name").flatMap(n -> f.attempt(
              o.req("name").get(), o.path("name"), () -> Names.check("Device", n)));
          String self = "Device '" + name.orElse("?") + "'";
          Optional<MacAddress> mac = o.reqString("mac", "a MAC such as '52:54:00:12:34:56'")
              .flatMap(t -> f.attempt(o.req("mac").get(), o.path("mac"),
                  () -> in(self, () -> MacAddress.parse(t))));
          Optional<String> kind = o.reqString("kind", "a kind such as 'ilo' or 'workstation'")
              .flatMap(t -> f.attempt(o.req("kind").get(), o.path("kind"),
                  () -> in(self, () -> Names.check("Kind", t))));
          Optional<String> subnet = o.reqString("subnet", "a subnet name");
          subnet.ifPresent(s -> ref("subnet", s, self, o.req("subnet").get(),
              o.path("subnet")));
          Optional<String> spine = o.optString("spine", "a spine name");
          spine.ifPresent(s -> ref("spine", s, self, o.opt("spine").get(), o.path("spine")));
          Optional<Integer> port = o.opt("port").flatMap(n -> f.integer(n, o.path("port"),
              "the spine port the device is cabled to, from 1"));
          if (spine.isPresent() != o.opt("port").isPresent()) {
            f.problem(o.map, path, self + ": give both 'spine' and 'port' (the spine port it is"
                + " cabled to) or neither");
            return Optional.empty();
          }
          if (name.isEmpty() || mac.isEmpty() || kind.isEmpty() || subnet.isEmpty()
              || (spine.isPresent() && port.isEmpty())) {
            return Optional.empty();
          }
          return f.attempt(o.map, path, () -> {
            Device.Builder b = Device.builder(name.get(), mac.get().toString(), kind.get(),
                subnet.get());
            spine.ifPresent(s -> b.cable(s, port.get()));
            return b.build();
          });
        });
  }

  /**
   * The watcher's settings: {@code poll_ms}, {@code enforcement} (subnet to {@code alert},
   * {@code quarantine} or {@code closed}) and {@code handlers} (each {@code on} an outcome,
   * {@code run} a command, optional {@code timeout_ms}).
   */
  public Optional<Watch> watch(Node node, String path) {
    return f.obj(node, path, "the watcher's settings", "poll_ms", "enforcement", "handlers")
        .flatMap(o -> {
          Watch.Builder b = Watch.builder();
          boolean ok = true;
          if (o.opt("poll_ms").isPresent()) {
            Optional<Integer> poll = f.integer(o.opt("poll_ms").get(), o.path("poll_ms"),
                "the poll interval in milliseconds, 50 to 60000");
            ok &= poll.flatMap(p -> f.attempt(o.opt("poll_ms").get(), o.path("poll_ms"),
                () -> b.pollMillis(p))).isPresent();
          }
          if (o.opt("enforcement").isPresent()) {
            Node e = o.opt("enforcement").get();
            Optional<Node.MapNode> map = f.map(e, o.path("enforcement"),
                "each subnet's enforcement, such as 'lan: quarantine'");
            if (map.isEmpty()) {
              ok = false;
            } else {
              for (Map.Entry<String, Node> entry : map.get().entries().entrySet()) {
                String p = Fields.entry(o.path("enforcement"), entry.getKey());
                ref("subnet", entry.getKey(), "Watch", entry.getValue(), p);
                Optional<String> mode = f.string(entry.getValue(), p,
                    "'alert', 'quarantine' or 'closed'");
                ok &= mode.flatMap(m -> f.attempt(entry.getValue(), p,
                    () -> b.enforce(entry.getKey(), m))).isPresent();
              }
            }
          }
          if (o.opt("handlers").isPresent()) {
            List<Node> items = f.list(o.opt("handlers").get(), o.path("handlers"),
                "handlers, each 'on' an outcome with a command to 'run'");
            for (int i = 0; i < items.size(); i++) {
              ok &= handler(items.get(i), o.path("handlers") + "[" + i + "]")
                  .map(b::handler).isPresent();
            }
          }
          return ok ? f.attempt(o.map, path, b::build) : Optional.empty();
        });
  }

  private Optional<Watch.Handler> handler(Node node, String path) {
    return f.obj(node, path, "a handler", "on", "run", "timeout_ms").flatMap(o -> {
      Optional<Watch.Outcome> on = o.reqString("on", "an outcome such as 'unauthorized'")
          .flatMap(t -> f.attempt(o.req("on").get(), o.path("on"),
              () -> Watch.Outcome.parse(t)));
      Optional<Node> run = o.req("run");
      List<String> command = new ArrayList<>();
      boolean ok = run.isPresent();
      if (run.isPresent()) {
        List<Node> words = f.list(run.get(), o.path("run"),
            "the program's absolute path and its arguments, as a list");
        for (int i = 0; i < words.size(); i++) {
          Optional<String> w = f.string(words.get(i), o.path("run") + "[" + i + "]",
              "a word of the command");
          ok &= w.isPresent();
          w.ifPresent(command::add);
        }
        if (words.isEmpty() && run.get() instanceof Node.ListNode) {
          f.problem(run.get(), o.path("run"), "the command is empty: give the program's"
              + " absolute path, such as [/usr/local/bin/notify, --level, high]");
          ok = false;
        }
      }
      Optional<Integer> timeout = o.opt("timeout_ms").isEmpty()
          ? Optional.of(Watch.DEFAULT_TIMEOUT_MILLIS)
          : f.integer(o.opt("timeout_ms").get(), o.path("timeout_ms"),
              "the timeout in milliseconds");
      if (on.isEmpty() || !ok || timeout.isEmpty()) {
        return Optional.empty();
      }
      return f.attempt(run.get(), o.path("run"),
          () -> new Watch.Handler(on.get(), command, timeout.get()));
    });
  }

  private void ref(String kind, String name, String owner, Node at, String path) {
    r.refs.add(new ModelReader.Ref(kind, name, owner, f.file, at.line(), at.column(), path));
  }

  private static <T> T in(String element, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(element + ": " + e.getMessage(), e);
    }
  }
}
