package org.cimnet.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Internet;
import org.cimnet.core.model.Network;
import org.cimnet.core.plan.ContainerPlan;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.InterfacePlan;

/**
 * The fabric of one run as {@link FabricBuilder} made it: which namespace stands for which host,
 * container and the internet, with the plans they were built from. The probes read it; notes
 * (what the lab could not build or probe) gather here for the report.
 */
final class Built {
  final Fabric fabric;
  final ValidatedNetwork validated;
  final Network network;
  final Map<String, HostPlan> plans;
  /** Host name to its router namespace, in plan order. */
  final Map<String, String> routers = new LinkedHashMap<>();
  /** Container name to its namespace, for every container with an interface on a leaf. */
  final Map<String, String> containers = new LinkedHashMap<>();
  final Map<String, ContainerPlan> containerPlans = new LinkedHashMap<>();
  final Map<String, PrivateOvs> switches = new LinkedHashMap<>();
  final Optional<Internet> internet;
  private final List<String> notes = new ArrayList<>();
  String spine;
  String internetNs;

  Built(Fabric fabric, ValidatedNetwork validated, Map<String, HostPlan> plans) {
    this.fabric = fabric;
    this.validated = validated;
    this.network = validated.network();
    this.plans = plans;
    this.internet = network.internet();
  }

  void note(String note) {
    synchronized (notes) {
      notes.add(note);
    }
  }

  List<String> notes() {
    synchronized (notes) {
      return Collections.unmodifiableList(new ArrayList<>(notes));
    }
  }

  String hostOf(String container) {
    return network.container(container).map(Container::host).orElseThrow();
  }

  /** The host holding the public address in {@code subnet}, else the first host. */
  String routerOf(String subnet) {
    return plans.values().stream().filter(p -> p.interfaces().stream().anyMatch(i ->
        i.subnet().equals(subnet) && i.addresses().stream().anyMatch(a ->
            a.purpose() == InterfacePlan.Purpose.PUBLIC))).map(HostPlan::host).findFirst()
        .orElse(plans.keySet().iterator().next());
  }

  /** The internet as a probe's end: the upstream gateway's address. */
  Optional<Node> internetNode() {
    return internet.map(in -> new Node(Node.Kind.INTERNET, "internet", "", in.gateway()));
  }

  /** Every container address as a probe's end, in plan order. */
  List<Node> containerNodes() {
    List<Node> nodes = new ArrayList<>();
    for (ContainerPlan cp : containerPlans.values()) {
      cp.nics().forEach(n -> nodes.add(new Node(Node.Kind.CONTAINER, cp.name(), n.subnet(),
          n.address())));
    }
    return nodes;
  }

  /** The namespace a probe from {@code node} runs in. */
  String namespaceOf(Node node) {
    return switch (node.kind()) {
      case CONTAINER -> containers.get(node.name());
      case INTERNET -> internetNs;
      case GATEWAY, PUBLIC -> routers.get(node.name());
    };
  }
}
