package org.cimnet.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.cimnet.core.addr.Ipv4Address;
import org.cimnet.core.addr.MacAddress;
import org.junit.jupiter.api.Test;

class FdbTableTest {
  @Test
  void readsEveryGoodLineAndNamesEveryBadOne() {
    String text = " port  VLAN  MAC                Age\n"
        + "    1   101  3c:ec:ef:00:00:01    3\n"
        + "LOCAL     0  52:54:00:00:01:00    ?\n"
        + " 5000   101  02:11:22:33:44:55\u001b[31m  1\n"
        + "    2   101  3c:ec:ef:00:00:0z    1\n"
        + "    2  9999  3c:ec:ef:00:00:03    1\n"
        + "    3   102  3c:ec:ef:00:00:02  120\n";
    FdbTable.Read read = FdbTable.parse("uplink", text);
    assertEquals(List.of(new FdbTable.Entry("1", 101, MacAddress.parse("3c:ec:ef:00:00:01")),
        new FdbTable.Entry("LOCAL", 0, MacAddress.parse("52:54:00:00:01:00")),
        new FdbTable.Entry("3", 102, MacAddress.parse("3c:ec:ef:00:00:02"))), read.entries());
    assertEquals(List.of("fdb/show uplink line 4 is not 'port vlan mac age': '5000   101"
        + "  02:11:22:33:44:55\\u001b[31m  1'",
        "fdb/show uplink line 5 is not 'port vlan mac age': '2   101  3c:ec:ef:00:00:0z    1'",
        "fdb/show uplink line 6 is not 'port vlan mac age': '2  9999  3c:ec:ef:00:00:03    1'"),
        read.problems());
  }

  @Test
  void neighboursGiveAddressesAndSkipWhatHasNone() {
    String json = "[{\"dst\":\"10.20.1.50\",\"dev\":\"a\",\"lladdr\":\"3c:ec:ef:00:00:01\","
        + "\"state\":[\"REACHABLE\"]},{\"dst\":\"10.20.1.51\",\"dev\":\"a\",\"state\":"
        + "[\"FAILED\"]},{\"dst\":\"fe80::1\",\"dev\":\"a\",\"lladdr\":\"3c:ec:ef:00:00:02\"}]";
    List<String> problems = new java.util.ArrayList<>();
    assertEquals(Map.of(MacAddress.parse("3c:ec:ef:00:00:01"), Ipv4Address.parse("10.20.1.50")),
        NeighbourTable.parse(json, problems));
    assertEquals(List.of(), problems);
    NeighbourTable.parse("not json", problems);
    assertEquals(List.of("ip -j neigh printed something that is not JSON: 'not json'"),
        problems);
  }

  @Test
  void recordsOfClosedSubnetsGiveVlanAndMac() {
    String text = "OFPST_FLOW reply (OF1.3) (xid=0x2):\n"
        + " cookie=0x0, duration=1.5s, table=250, n_packets=0, n_bytes=0, idle_timeout=300,"
        + " priority=32768,vlan_tci=0x0066/0x0fff,dl_src=02:00:00:00:66:66 actions=drop\n";
    assertEquals(List.of(new RecordTable.Dropped(102, MacAddress.parse("02:00:00:00:66:66"))),
        RecordTable.parse(text));
  }
}
