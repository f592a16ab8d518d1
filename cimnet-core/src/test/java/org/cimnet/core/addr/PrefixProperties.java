package org.cimnet.core.addr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.net.util.SubnetUtils;

/** CIDR arithmetic checked against commons-net's SubnetUtils, an independent implementation. */
class PrefixProperties {

  @Property(tries = 2000)
  void agreesWithSubnetUtils(@ForAll int bits, @ForAll @IntRange(min = 1, max = 30) int length,
      @ForAll int probe) {
    Prefix prefix = Prefix.containing(new Ipv4Address(bits), length);
    SubnetUtils.SubnetInfo oracle = new SubnetUtils(prefix.toString()).getInfo();
    assertEquals(oracle.getNetworkAddress(), prefix.first().toString());
    assertEquals(oracle.getBroadcastAddress(), prefix.last().toString());
    assertEquals(oracle.getNetmask(), prefix.netmask().toString());
    assertEquals(oracle.getCidrSignature(), prefix.toString());
    // SubnetUtils excludes network and broadcast from its range: compare the usable span.
    assertEquals(oracle.getLowAddress(), prefix.first().plus(1).toString());
    assertEquals(oracle.getHighAddress(), prefix.last().plus(-1).toString());
    Ipv4Address address = new Ipv4Address(probe);
    boolean usable = prefix.contains(address) && !address.equals(prefix.first())
        && !address.equals(prefix.last());
    assertEquals(oracle.isInRange(address.toString()), usable);
  }

  @Property(tries = 1000)
  void parseAndPrintRoundTrip(@ForAll int bits, @ForAll @IntRange(min = 0, max = 32) int length) {
    Prefix prefix = Prefix.containing(new Ipv4Address(bits), length);
    assertEquals(prefix, Prefix.parse(prefix.toString()));
  }

  @Property(tries = 1000)
  void overlapIsContainmentEitherWay(@ForAll int a, @ForAll @IntRange(min = 8, max = 30) int la,
      @ForAll int b, @ForAll @IntRange(min = 8, max = 30) int lb) {
    Prefix p = Prefix.containing(new Ipv4Address(a), la);
    Prefix q = Prefix.containing(new Ipv4Address(b), lb);
    boolean shareAnAddress = p.contains(q.first()) || q.contains(p.first());
    assertEquals(shareAnAddress, p.overlaps(q));
    assertEquals(p.overlaps(q), q.overlaps(p));
  }
}
