package org.cimnet.render.nix;

import java.nio.charset.StandardCharsets;

/** systemd unit names derived from interface names ({@code systemd-escape --path} rules). */
final class SystemdNames {
  private SystemdNames() {}

  /** The device unit of a network interface: {@code sys-subsystem-net-devices-<escaped>.device}. */
  static String device(String ifname) {
    StringBuilder b = new StringBuilder("sys-subsystem-net-devices-");
    byte[] bytes = ifname.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      char c = (char) (bytes[i] & 0xFF);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == ':' || c == '_' || (c == '.' && i > 0);
      if (c == '/') {
        b.append('-');
      } else if (plain) {
        b.append(c);
      } else {
        b.append(String.format("\\x%02x", (int) c));
      }
    }
    return b.append(".device").toString();
  }
}
