package org.cimnet.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What makes a domain that ends in a number an IPv4 address: four labels, digits only. */
class DomainReasonTest {
  private static final String NUMBER =
      "ends in a number, like an address: no top-level domain is a number";

  @Test
  void onlyFourLabelsOfDigitsAreAnAddress() {
    assertEquals(Optional.of("is an IPv4 address, not a domain"), DomainRule.reason("10.0.0.1"));
    assertEquals(Optional.of(NUMBER), DomainRule.reason("cim.lab.rack.4"));
    assertEquals(Optional.of(NUMBER), DomainRule.reason("10.0.1"));
    assertEquals(Optional.of(NUMBER), DomainRule.reason("10.0.0.0.1"));
    assertEquals(Optional.empty(), DomainRule.reason("rack4.cim.internal"));
  }
}
