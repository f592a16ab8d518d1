package org.cimnet.core.plan;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.cimnet.core.addr.Ipv4Address;

/**
 * A bridge's OpenFlow table in compact form: the flows given as they are, then the port
 * security of each container port, then the fallback. The port-security flows (three per
 * container address, a few hundred bytes each as text) are made when read, from the ports the
 * bridge holds anyway, so a plan of 200,000 containers does not hold 600,000 flows. Immutable;
 * equal to any list of the same flows.
 */
final class FlowTable extends AbstractList<Flow> implements RandomAccess {
  /** Without it a secure-mode bridge forwards nothing: switch normally what no rule stopped. */
  static final Flow FALLBACK = new Flow(0, "", "normal",
      "everything not stopped above: normal switching");

  private final List<Flow> head;
  private final List<PortPlan> secured;
  /** The index of each secured port's first flow; one more entry: where the fallback is. */
  private final int[] starts;

  /**
   * @param head flows before the port security (admission on the uplink bridge)
   * @param secured the container ports whose port security follows, each with a MAC
   */
  FlowTable(List<Flow> head, List<PortPlan> secured) {
    this.head = List.copyOf(head);
    this.secured = List.copyOf(secured);
    this.starts = new int[this.secured.size() + 1];
    int at = this.head.size();
    for (int i = 0; i < this.secured.size(); i++) {
      starts[i] = at;
      at += 2 * this.secured.get(i).addresses().size() + 1;
    }
    starts[this.secured.size()] = at;
  }

  @Override
  public int size() {
    return starts[secured.size()] + 1;
  }

  @Override
  public Flow get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("Flow " + index + " of " + size());
    }
    if (index < head.size()) {
      return head.get(index);
    }
    if (index == size() - 1) {
      return FALLBACK;
    }
    int k = java.util.Arrays.binarySearch(starts, 0, secured.size(), index);
    int port = k >= 0 ? k : -k - 2;
    return portSecurity(secured.get(port), index - starts[port]);
  }

  /**
   * Port security, flow {@code k} of the port: from a container's port only its own MAC with its
   * own address (IPv4, and ARP claiming that address) passes; everything else from the port is
   * dropped.
   */
  private static Flow portSecurity(PortPlan port, int k) {
    String mac = port.mac().orElseThrow().toString();
    String inPort = "in_port=" + port.ofport();
    if (k == 2 * port.addresses().size()) {
      return new Flow(100, inPort, "drop",
          port.owner() + ": anything else from the port (forged MAC or address)");
    }
    String from = inPort + ",dl_src=" + mac;
    Ipv4Address address = port.addresses().get(k / 2);
    String a = address.toString();
    return k % 2 == 0
        ? new Flow(200, from + ",arp,arp_spa=" + a + ",arp_sha=" + mac, "normal",
            port.owner() + ": ARP for its own address")
        : new Flow(200, from + ",ip,nw_src=" + a, "normal",
            port.owner() + ": IPv4 from its own address and MAC");
  }
}
