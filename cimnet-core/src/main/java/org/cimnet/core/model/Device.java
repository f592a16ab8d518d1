package org.cimnet.core.model;

import java.util.Objects;
import java.util.Optional;
import org.cimnet.core.addr.MacAddress;

/**
 * An authorized device of the inventory (parts.yaml): anything plugged into the physical network
 * that is not a host NIC or a container, such as an iLO, a switch, an access point or a
 * workstation. The watcher admits its MAC on its subnet's VLAN; every other MAC there is
 * unknown.
 *
 * @param kind what the device is, a label such as {@code ilo}, {@code switch},
 *     {@code access-point} or {@code workstation}
 * @param subnet the subnet whose VLAN it sends on
 * @param cable the spine port it is cabled to, when known
 */
public record Device(String name, MacAddress mac, String kind, String subnet,
    Optional<Cable> cable) {

  /** A device's cable: port {@code port} of spine {@code spine}. */
  public record Cable(String spine, int port) {
    public Cable {
      Names.check("Spine", spine);
      Spine.checkPort(port);
    }

    @Override
    public String toString() {
      return spine + ":" + port;
    }
  }

  public Device {
    Names.check("Device", name);
    Objects.requireNonNull(mac, "mac == null");
    String self = "Device '" + name + "'";
    Messages.in(self, () -> Names.check("Kind", kind));
    Messages.in(self, () -> Names.check("Subnet", subnet));
    Objects.requireNonNull(cable, "cable == null");
    if (!mac.isValidUnicast()) {
      throw new IllegalArgumentException(self + ": MAC '" + mac + "' is not a valid unicast"
          + " address: a device's MAC must be unicast (the lowest bit of the first octet 0)"
          + " and not all zeros");
    }
  }

  /** A device named {@code name} with MAC {@code mac} (text), of {@code kind}, in {@code subnet}. */
  public static Builder builder(String name, String mac, String kind, String subnet) {
    return new Builder(name, mac, kind, subnet);
  }

  /** Builds a {@link Device}; every method checks its arguments at once. */
  public static final class Builder {
    private final String name;
    private final MacAddress mac;
    private final String kind;
    private final String subnet;
    private Optional<Cable> cable = Optional.empty();

    private Builder(String name, String mac, String kind, String subnet) {
      this.name = Names.check("Device", name);
      Objects.requireNonNull(mac, "mac == null");
      this.mac = Messages.in("Device '" + name + "'", () -> MacAddress.parse(mac));
      this.kind = Messages.in("Device '" + name + "'", () -> Names.check("Kind", kind));
      this.subnet = Messages.in("Device '" + name + "'", () -> Names.check("Subnet", subnet));
    }

    /** The spine port the device is cabled to. */
    public Builder cable(String spine, int port) {
      this.cable = Optional.of(Messages.in("Device '" + name + "'",
          () -> new Cable(spine, port)));
      return this;
    }

    public Device build() {
      return new Device(name, mac, kind, subnet, cable);
    }
  }
}
