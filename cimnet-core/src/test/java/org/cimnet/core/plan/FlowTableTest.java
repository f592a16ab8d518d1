package org.cimnet.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.junit.jupiter.api.Test;

/** The compact flow table reads as the list of flows it stands for. */
class FlowTableTest {
  private static PortPlan port(String owner, int ofport, String mac, String... addresses) {
    return new PortPlan(owner + "-0", PortPlan.Kind.CONTAINER, ofport, OptionalInt.of(10),
        List.of(), Optional.empty(), List.of(), Optional.of(MacAddress.parse(mac)),
        java.util.Arrays.stream(addresses).map(Ipv4Address::parse).toList(), owner);
  }

  @Test
  void headThenEachPortsSecurityThenTheFallback() {
    Flow admission = new Flow(300, "in_port=1", "drop", "admission");
    FlowTable table = new FlowTable(List.of(admission), List.of(
        port("web", 7, "02:00:00:00:00:01", "10.0.0.5"),
        port("db", 9, "02:00:00:00:00:02", "10.0.1.5", "10.0.2.5")));
    List<String> lines = new ArrayList<>();
    for (Flow f : table) {
      lines.add(f.text() + " # " + f.comment());
    }
    assertEquals(List.of(
        "priority=300,in_port=1,actions=drop # admission",
        "priority=200,in_port=7,dl_src=02:00:00:00:00:01,arp,arp_spa=10.0.0.5,"
            + "arp_sha=02:00:00:00:00:01,actions=normal # web: ARP for its own address",
        "priority=200,in_port=7,dl_src=02:00:00:00:00:01,ip,nw_src=10.0.0.5,actions=normal"
            + " # web: IPv4 from its own address and MAC",
        "priority=100,in_port=7,actions=drop"
            + " # web: anything else from the port (forged MAC or address)",
        "priority=200,in_port=9,dl_src=02:00:00:00:00:02,arp,arp_spa=10.0.1.5,"
            + "arp_sha=02:00:00:00:00:02,actions=normal # db: ARP for its own address",
        "priority=200,in_port=9,dl_src=02:00:00:00:00:02,ip,nw_src=10.0.1.5,actions=normal"
            + " # db: IPv4 from its own address and MAC",
        "priority=200,in_port=9,dl_src=02:00:00:00:00:02,arp,arp_spa=10.0.2.5,"
            + "arp_sha=02:00:00:00:00:02,actions=normal # db: ARP for its own address",
        "priority=200,in_port=9,dl_src=02:00:00:00:00:02,ip,nw_src=10.0.2.5,actions=normal"
            + " # db: IPv4 from its own address and MAC",
        "priority=100,in_port=9,actions=drop"
            + " # db: anything else from the port (forged MAC or address)",
        "priority=0,actions=normal # everything not stopped above: normal switching"), lines);
    assertEquals(List.copyOf(table), table);
    assertEquals(List.copyOf(table).hashCode(), table.hashCode());
    assertThrows(IndexOutOfBoundsException.class, () -> table.get(10));
    assertThrows(UnsupportedOperationException.class, () -> table.add(admission));
  }

  @Test
  void anEmptyTableHoldsTheFallbackAlone() {
    assertEquals(List.of(FlowTable.FALLBACK), new FlowTable(List.of(), List.of()));
  }
}
