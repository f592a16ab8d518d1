package org.cimnet.core.ipam;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import org.cimnet.core.addr.MacAddress;

/**
 * Derives MACs: locally administered unicast (first octet {@code x2}, {@code x6}, {@code xa} or
 * {@code xe}), from a hash of a stable key, so the same element always gets the same MAC.
 */
public final class Macs {
  private Macs() {}

  /** The MAC for {@code key} at {@code attempt} (0 first; a collision moves to the next). */
  public static MacAddress derive(String key, int attempt) {
    long hash = Hashing.murmur3_128().hashString(attempt == 0 ? key : key + "#" + attempt,
        StandardCharsets.UTF_8).asLong();
    long bits = hash & 0xFFFF_FFFF_FFFFL;
    // Clear the group bit, set the local bit: a unicast address no vendor owns.
    bits = (bits & ~(0x03L << 40)) | (0x02L << 40);
    return new MacAddress(bits);
  }

  /** The key of a container's interface in a subnet. */
  public static String containerKey(String container, String subnet) {
    return "container/" + container + "/" + subnet;
  }

  /** The key of a host's internal (L3) port in a subnet. */
  public static String hostPortKey(String host, String subnet) {
    return "host/" + host + "/" + subnet;
  }

  /** The MAC of a host's internal port in a subnet; renderers and IPAM both call this. */
  public static MacAddress hostPort(String host, String subnet) {
    return derive(hostPortKey(host, subnet), 0);
  }
}
