package org.cimnet.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Service;
import org.cimnet.core.policy.Packet;
import org.cimnet.core.policy.Hop;
import org.cimnet.core.policy.Matrix;
import org.cimnet.core.policy.Policy;

/**
 * The expectation the checker's prover gives: each probe becomes one concrete {@link Packet} (source
 * address, destination address, TCP, port) and {@link Policy#explain(Packet)} says whether it may
 * open and by which rule.
 *
 * <p>The public address is mapped first: the service goes to the container that publishes it,
 * so the packet is the internet to that container's address; nothing published means closed. A
 * host's own (gateway) address is the prover's too: it is open exactly where a host service
 * (a rule to {@code host:NAME}, the default ssh among them) allows the packet.
 *
 * <p>Relayed cells are the {@link Matrix}'s: every cell whose relayed services reach beyond its
 * direct ones.
 */
public final class ProverExpectation implements Expectation {
  private final Policy policy;
  private final Network network;

  public ProverExpectation(Policy policy) {
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.network = policy.network();
  }

  /** The prover's view of {@code network}: its rules compiled as the checker does. */
  public static ProverExpectation of(Network network) {
    return new ProverExpectation(Policy.compile(network));
  }

  @Override
  public Verdict tcp(Node from, Node to, Service service) {
    switch (to.kind()) {
      case PUBLIC:
        if (from.kind() != Node.Kind.INTERNET) {
          return Verdict.closed("only the internet is probed on the public address");
        }
        for (Container c : network.containers()) {
          if (c.publishes().stream().anyMatch(service::within)) {
            Optional<Ipv4Address> address = c.attachments().stream()
                .map(a -> a.address()).flatMap(Optional::stream).findFirst();
            if (address.isEmpty()) {
              return Verdict.closed(c.name() + " publishes " + service + " but has no address");
            }
            return verdict(from.address(), address.get(), service, c.name(),
                c.name() + " publishes " + service + "; ");
          }
        }
        return Verdict.closed("no container publishes " + service);
      default:
        return verdict(from.address(), to.address(), service, to.identity(), "");
    }
  }

  @Override
  public List<RelayedCell> relayedCells() {
    Matrix matrix = Matrix.of(policy);
    List<RelayedCell> cells = new ArrayList<>();
    for (String node : matrix.nodes()) {
      for (Matrix.Cell c : matrix.row(node)) {
        if (!c.via().isEmpty() && !c.direct().containsAll(c.via())) {
          cells.add(new RelayedCell(c.from(), c.to(), c.direct(), c.via(),
              "the matrix's " + c.from() + " -> " + c.to() + ": " + c.text()));
        }
      }
    }
    return List.copyOf(cells);
  }

  private Verdict verdict(Ipv4Address src, Ipv4Address dst, Service service, String reaches,
      String prefix) {
    Packet packet = new Packet(src, dst, Packet.Protocol.TCP, service.fromPort());
    Optional<Hop> hop = policy.explain(packet);
    return hop.map(h -> Verdict.open(reaches, prefix + h.reason()))
        .orElseGet(() -> Verdict.closed(prefix + "no rule allows " + packet));
  }
}
