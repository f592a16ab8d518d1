package org.cimnet.core.model;

import java.util.List;

/** A cable: a host NIC to a spine port (a trunk), or a spine port to another spine's port. */
public sealed interface Link permits Link.Trunk, Link.Interconnect {

  /**
   * A host NIC wired to a spine port, carrying VLANs.
   *
   * @param carries the subnets whose VLANs the trunk carries; empty means every subnet the host's
   *     leaves carry (the seed's trunks)
   */
  record Trunk(String host, String nic, String spine, int port, List<String> carries)
      implements Link {
    public Trunk {
      Messages.in("Trunk", () -> Names.check("Host", host));
      String self = "Trunk from host '" + host + "'";
      Messages.in(self, () -> Nic.checkName(nic));
      Messages.in(self, () -> Names.check("Spine", spine));
      Messages.in("Trunk '" + host + "." + nic + "'", () -> Spine.checkPort(port));
      carries = List.copyOf(carries);
      for (String s : carries) {
        Messages.in("Trunk '" + host + "." + nic + "'", () -> Names.check("Subnet", s));
      }
    }
  }

  /** Two spines wired port to port. */
  record Interconnect(String spine, int port, String otherSpine, int otherPort) implements Link {
    public Interconnect {
      Messages.in("Interconnect", () -> Names.check("Spine", spine));
      Messages.in("Interconnect", () -> Names.check("Spine", otherSpine));
      String self = "Interconnect '" + spine + ":" + port + "-" + otherSpine + ":" + otherPort
          + "'";
      Messages.in(self, () -> Spine.checkPort(port));
      Messages.in(self, () -> Spine.checkPort(otherPort));
    }
  }
}
