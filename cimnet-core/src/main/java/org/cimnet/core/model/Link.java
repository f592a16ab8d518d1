package org.cimnet.core.model;

import java.util.List;
import java.util.Objects;

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
      Objects.requireNonNull(host, "host == null");
      Objects.requireNonNull(nic, "nic == null");
      Objects.requireNonNull(spine, "spine == null");
      carries = List.copyOf(carries);
    }
  }

  /** Two spines wired port to port. */
  record Interconnect(String spine, int port, String otherSpine, int otherPort) implements Link {
    public Interconnect {
      Objects.requireNonNull(spine, "spine == null");
      Objects.requireNonNull(otherSpine, "otherSpine == null");
    }
  }
}
