package org.cimnet.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cimnet.core.addr.MacAddress;
import org.cimnet.core.check.ValidatedNetwork;
import org.cimnet.core.ipam.Macs;
import org.cimnet.core.ipam.Naming;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.spi.RenderContext;
import org.cimnet.core.spi.RenderedFile;
import org.cimnet.core.spi.Renderer;

/**
 * Renderer {@code addresses}: {@code addresses.txt}, every named address with its MAC, subnet
 * and VLAN, aligned in columns, for people to read and diff.
 */
public final class AddressTable implements Renderer {
  /** One name IPAM handed out. */
  record Row(String name, String address, String mac, String subnet, int vlan, String role) {}

  @Override
  public String id() {
    return "addresses";
  }

  @Override
  public List<RenderedFile> render(ValidatedNetwork validated, RenderContext context) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "ADDRESS", "MAC", "SUBNET", "VLAN", "ROLE"});
    for (Row r : rows(validated)) {
      rows.add(new String[] {r.name(), r.address(), r.mac(), r.subnet(),
          String.valueOf(r.vlan()), r.role()});
    }
    return List.of(new RenderedFile("addresses.txt", align(rows)));
  }

  /** Every name in the order naming gives them. */
  static List<Row> rows(ValidatedNetwork validated) {
    Network network = validated.network();
    Map<String, Subnet> subnets = new HashMap<>();
    network.subnets().forEach(s -> subnets.put(s.name(), s));
    Map<String, MacAddress> containerMacs = new HashMap<>();
    for (Container c : network.containers()) {
      for (Attachment a : c.attachments()) {
        a.mac().ifPresent(m -> containerMacs.put(c.name() + "/" + a.subnet(), m));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Naming.NameRecord r : validated.names()) {
      MacAddress mac = r.kind() == Naming.Owner.CONTAINER
          ? containerMacs.get(r.owner() + "/" + r.subnet())
          : Macs.hostPort(r.owner(), r.subnet());
      rows.add(new Row(r.fqdn(), r.address().toString(), mac.toString(), r.subnet(),
          subnets.get(r.subnet()).vlan().orElseThrow(), r.kind().name().toLowerCase(Locale.ROOT)));
    }
    return rows;
  }

  private static String align(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i + 1 < row.length) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}
