package org.cimnet.render.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cimnet.core.check.Checker;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Host;
import org.cimnet.core.model.HostAddress;
import org.cimnet.core.model.Link;
import org.cimnet.core.model.Spine;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderers;
import org.cimnet.testkit.gen.NetworkGenerator;
import org.junit.jupiter.api.Test;

/** The renderer on generated networks: its files, the tables against the model, summaries. */
class DiagramRendererTest {
  static final ValidatedNetwork SMALL = Checker.validate(NetworkGenerator.generate(
      NetworkGenerator.Spec.small(3)));
  /** 204 subnets over 3 hosts: past the detail limits, so drawn as a summary. */
  static final ValidatedNetwork MEDIUM = Checker.validate(NetworkGenerator.generate(
      NetworkGenerator.Spec.large().times(0.05)));

  @Test
  void isFoundByServiceLoaderAsDiagram() {
    assertTrue(Renderers.discover().ids().contains("diagram"), Renderers.discover().ids()
        .toString());
  }

  @Test
  void writesItsFilesInAFixedOrderAndTheSameBytesEveryTime() {
    List<RenderedFile> first = new DiagramRenderer().render(SMALL, RenderContext.defaults());
    List<RenderedFile> second = new DiagramRenderer().render(
        Checker.validate(NetworkGenerator.generate(NetworkGenerator.Spec.small(3))),
        RenderContext.defaults());
    assertEquals(first, second);
    List<String> paths = new ArrayList<>();
    for (String[] f : DiagramRenderer.FILES) {
      paths.add("diagram/" + f[0]);
    }
    assertEquals(paths, first.stream().map(RenderedFile::path).toList());
  }

  @Test
  void everyCableIsOnItsSpinePortAndEveryOtherPortIsUnused() {
    List<Cabling.SpinePlan> plans = Cabling.of(Topology.of(SMALL));
    Map<String, Map<Integer, Cabling.Port>> ports = new HashMap<>();
    for (Cabling.SpinePlan s : plans) {
      Map<Integer, Cabling.Port> byNumber = new HashMap<>();
      s.ports().forEach(p -> byNumber.put(p.port(), p));
      ports.put(s.spine().name(), byNumber);
      assertEquals(s.spine().ports(), s.ports().size());
    }
    int links = 0;
    for (Link link : SMALL.network().links()) {
      if (link instanceof Link.Trunk t) {
        Cabling.Port p = ports.get(t.spine()).get(t.port());
        assertEquals(t.host() + " " + t.nic(), Cabling.target(p));
        assertEquals("trunk", p.mode());
        assertFalse(p.vlans().isEmpty());
        links++;
      } else if (link instanceof Link.Interconnect i) {
        assertEquals(i.otherSpine() + " port " + i.otherPort(),
            Cabling.target(ports.get(i.spine()).get(i.port())));
        assertEquals(i.spine() + " port " + i.port(),
            Cabling.target(ports.get(i.otherSpine()).get(i.otherPort())));
        links += 2;
      }
    }
    long used = plans.stream().mapToLong(Cabling.SpinePlan::used).sum();
    assertEquals(links, used);
    int total = SMALL.network().spines().stream().mapToInt(Spine::ports).sum();
    long unused = plans.stream().flatMap(s -> s.ports().stream())
        .filter(p -> p.mode().equals("unused")).count();
    assertEquals(total - links, unused);
    String csv = Cabling.csv(plans, Map.of());
    assertEquals(total + 1, csv.lines().count(), csv);
  }

  @Test
  void theAddressPlanCountsWhatTheModelAssigns() {
    // Counted here from the model itself, not from the names the renderer reads.
    Map<String, Long> assigned = new HashMap<>();
    for (Host h : SMALL.network().hosts()) {
      for (HostAddress a : h.addresses()) {
        assigned.merge(a.subnet(), 1L, Long::sum);
      }
    }
    for (Container c : SMALL.network().containers()) {
      for (Attachment a : c.attachments()) {
        assigned.merge(a.subnet(), 1L, Long::sum);
      }
    }
    List<AddressPlan.Row> rows = AddressPlan.of(SMALL);
    assertEquals(SMALL.network().subnets().stream().map(Subnet::name).toList(),
        rows.stream().map(r -> r.subnet().name()).toList());
    for (AddressPlan.Row r : rows) {
      assertEquals(assigned.getOrDefault(r.subnet().name(), 0L), r.assigned(),
          r.subnet().name());
      // A /24 less network, gateway, nameserver and broadcast.
      assertEquals(r.subnet().cidr().size() - 4, r.assignable());
      assertEquals(List.of(r.subnet().cidr().address(1) + " (" + r.hosts().get(0) + ")"),
          r.gateways(), r.subnet().name());
    }
  }

  @Test
  void aLargerNetworkIsSummarisedNotDrawnNodeByNode() {
    Topology t = Topology.of(MEDIUM);
    assertFalse(t.detailed());
    String mermaid = Mermaid.of(t);
    String dot = Dot.of(t);
    int hosts = MEDIUM.network().hosts().size();
    int spines = MEDIUM.network().spines().size();
    // A node per host and spine, an edge per host and spine, the internet, the styles.
    int bound = 2 * hosts * spines + hosts + spines + 20;
    assertTrue(mermaid.lines().count() < bound, mermaid);
    assertTrue(dot.lines().count() < bound, dot);
    for (Subnet s : MEDIUM.network().subnets()) {
      assertFalse(mermaid.contains(s.cidr().toString()), s.name() + " drawn in a summary");
    }
    Reachability.Grid grid = Reachability.of(MEDIUM);
    assertTrue(grid.byZone());
    assertEquals(List.of("zone:private", "zone:dmz", "zone:management", "internet"),
        grid.nodes());
    String html = new DiagramRenderer().render(MEDIUM, RenderContext.defaults()).get(0)
        .content();
    for (Subnet s : MEDIUM.network().subnets()) {
      assertTrue(html.contains("<td>" + s.cidr() + "</td>"), s.name() + " not in the page");
    }
  }

  @Test
  void theSmallNetworkIsDrawnWholeWithEveryContainerNamedOrCounted() {
    Topology t = Topology.of(SMALL);
    assertTrue(t.detailed());
    String mermaid = Mermaid.of(t);
    for (Subnet s : SMALL.network().subnets()) {
      assertTrue(mermaid.contains(s.cidr().toString()), s.name());
    }
    for (Topology.HostView h : t.hosts()) {
      for (Topology.LeafView l : h.leaves()) {
        for (Topology.SubnetView s : l.subnets()) {
          List<Container> there = SMALL.network().containers().stream()
              .filter(c -> c.host().equals(h.name())
                  && c.attachment(s.subnet().name()).isPresent()).toList();
          assertEquals(there.size(), s.containers().count(), s.subnet().name());
          if (there.size() <= Topology.NAMED_CONTAINERS) {
            there.forEach(c -> assertTrue(mermaid.contains(c.name() + " (" + c.kind().key()
                + ")"), c.name()));
          } else {
            assertTrue(mermaid.contains(there.size() + " containers"), s.subnet().name());
          }
        }
      }
    }
  }

  @Test
  void aViolatedAssertionShowsItsCounterexampleAndChain() {
    // The page formats whatever verdicts it is given; a validated network has no violated one,
    // so these come from proving a network with a rule that breaks its assertion.
    org.cimnet.core.model.Network broken = SMALL.network().toBuilder()
        .canConnect("internet", SMALL.network().zone("private").get(0).name(), "tcp/22")
        .never("internet", "zone:private").build();
    List<org.cimnet.core.policy.Proof> proofs = org.cimnet.core.policy.Prover.prove(broken);
    assertTrue(proofs.stream().anyMatch(p -> !p.holds()));
    Topology t = Topology.of(SMALL);
    String html = Html.of(new Html.Page(t, Svg.of(t), Cabling.of(t), AddressPlan.of(SMALL),
        Reachability.of(SMALL), proofs, Map.of()));
    String first = SMALL.network().zone("private").get(0).name();
    assertTrue(html.contains("<li class=\"violated\"><span class=\"verdict\">violated</span>"
        + " <code>never(internet, zone:private)</code><br>Counterexample: src "), html);
    assertTrue(html.contains("tcp/22, allowed by can_connect(internet, " + first
        + ", tcp/22); path: internet -&gt; " + first), html);
  }
}
