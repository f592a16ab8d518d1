package org.cimnet.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.plan.Admission;

/**
 * The sources a closed subnet dropped: the flows its {@code learn} action left in table
 * {@value Admission#RECORD_TABLE} of the uplink bridge, as
 * {@code ovs-ofctl dump-flows uplink table=250} prints them
 * ({@code ... vlan_tci=0x0065/0x0fff,dl_src=3c:ec:ef:00:00:09 actions=drop}).
 */
public final class RecordTable {
  private static final Pattern VLAN = Pattern.compile(
      "(?:vlan_tci=0x([0-9a-f]{1,4})/0x0?fff|dl_vlan=(\\d{1,4}))");
  private static final Pattern MAC = Pattern.compile("dl_src=([0-9a-f]{2}(?::[0-9a-f]{2}){5})");

  /** A dropped source: its VLAN and MAC. */
  public record Dropped(int vlan, MacAddress mac) {}

  private RecordTable() {}

  public static List<Dropped> parse(String text) {
    List<Dropped> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.contains("table=" + Admission.RECORD_TABLE)) {
        continue;
      }
      Matcher v = VLAN.matcher(line);
      Matcher m = MAC.matcher(line);
      if (v.find() && m.find()) {
        int vlan = v.group(1) != null ? Integer.parseInt(v.group(1), 16) & 0xfff
            : Integer.parseInt(v.group(2));
        Optional<MacAddress> mac = MacAddress.tryParse(m.group(1));
        mac.ifPresent(x -> out.add(new Dropped(vlan, x)));
      }
    }
    return out;
  }
}
