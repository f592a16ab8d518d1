package org.cimnet.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.addr.Prefix;
import org.cimnet.core.model.Service;
import org.cimnet.core.plan.FirewallPlan.Allow;
import org.cimnet.core.plan.FirewallPlan.AllowSet;
import org.cimnet.core.plan.FirewallPlan.Direction;
import org.cimnet.core.plan.FirewallPlan.Match;

/** Collects elements by set, merging port ranges so elements stay disjoint. */
final class AllowSets {
  private record Key(Direction direction, Match match, int fromLength, int toLength) {}

  private record Flow(Optional<Prefix> from, Optional<Prefix> to,
      Optional<Service.Protocol> protocol) {}

  private final Map<Key, Map<Flow, List<int[]>>> sets = new LinkedHashMap<>();

  void add(Direction direction, Optional<Prefix> from, Optional<Prefix> to, Service service) {
    Match match = Match.of(service);
    Key key = new Key(direction, match, from.map(Prefix::length).orElse(0),
        to.map(Prefix::length).orElse(0));
    Optional<Service.Protocol> protocol = match == Match.ANY ? Optional.empty()
        : Optional.of(service.protocol());
    List<int[]> ranges = sets.computeIfAbsent(key, k -> new LinkedHashMap<>())
        .computeIfAbsent(new Flow(from, to, protocol), k -> new ArrayList<>());
    if (match == Match.PORTS) {
      ranges.add(new int[] {service.fromPort(), service.toPort()});
    }
  }

  List<AllowSet> build() {
    List<AllowSet> result = new ArrayList<>();
    sets.entrySet().stream().sorted((a, b) -> compare(a.getKey(), b.getKey())).forEach(e -> {
      Key k = e.getKey();
      List<Allow> elements = new ArrayList<>();
      e.getValue().forEach((flow, ranges) -> {
        if (k.match() != Match.PORTS) {
          elements.add(new Allow(flow.from(), flow.to(), flow.protocol(), 0, 0));
        } else {
          for (int[] r : merge(ranges)) {
            elements.add(new Allow(flow.from(), flow.to(), flow.protocol(), r[0], r[1]));
          }
        }
      });
      String name = k.direction().key() + "_" + k.match().key()
          + (k.direction() == Direction.INBOUND ? "" : "_" + k.fromLength())
          + (k.direction() == Direction.OUTBOUND ? "" : "_" + k.toLength());
      result.add(new AllowSet(name, k.direction(), k.match(), k.fromLength(), k.toLength(),
          elements));
    });
    return result;
  }

  private static int compare(Key a, Key b) {
    int c = a.direction().compareTo(b.direction());
    c = c != 0 ? c : a.match().compareTo(b.match());
    c = c != 0 ? c : Integer.compare(a.fromLength(), b.fromLength());
    return c != 0 ? c : Integer.compare(a.toLength(), b.toLength());
  }

  /** The union of port ranges, as disjoint, non-adjacent ranges in ascending order. */
  private static List<int[]> merge(List<int[]> ranges) {
    List<int[]> sorted = new ArrayList<>(ranges);
    sorted.sort((x, y) -> Integer.compare(x[0], y[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] r : sorted) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && r[0] <= last[1] + 1) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(new int[] {r[0], r[1]});
      }
    }
    return merged;
  }
}
