package org.cimnet.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Problem;
import org.cimnet.testkit.gen.NetworkGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Finding 4: {@code domain: com} passed the checker and became {@code local-zone: "com."
 * static}, so a real Unbound answered NXDOMAIN for example.com.
 */
class DomainRuleTest {
  private static Network with(String domain) {
    return NetworkGenerator.generate(NetworkGenerator.Spec.small(1)).toBuilder().domain(domain)
        .build();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "com|is a public suffix (names under it belong to whoever registers them)",
      "co.uk|is a public suffix (names under it belong to whoever registers them)",
      "github.io|is a public suffix (names under it belong to whoever registers them)",
      "lan|is a single label, a top-level domain of its own",
      "arpa|is under 'arpa', the tree of reverse lookups (in-addr.arpa) and protocol names;"
          + " the one local domain there is 'home.arpa' (RFC 8375)",
      "in-addr.arpa|is under 'arpa', the tree of reverse lookups (in-addr.arpa) and protocol"
          + " names; the one local domain there is 'home.arpa' (RFC 8375)",
      "168.192.in-addr.arpa|is under 'arpa', the tree of reverse lookups (in-addr.arpa) and"
          + " protocol names; the one local domain there is 'home.arpa' (RFC 8375)",
      "localhost|is the loopback name localhost (RFC 6761), which every machine answers for"
          + " itself",
      "cim.localhost|is the loopback name localhost (RFC 6761), which every machine answers"
          + " for itself",
      "0|ends in a number, like an address: no top-level domain is a number",
      "1.2.3.4|is an IPv4 address, not a domain",
  })
  void aDomainTheNetworkMayNotAnswerForIsRefusedSayingWhy(String domain, String reason) {
    Report report = Checker.check(with(domain));
    List<Problem> found = report.problems().stream()
        .filter(v -> v.id().equals(ProblemIds.DOMAIN_NOT_PRIVATE)).toList();
    assertEquals(1, found.size(), report::toText);
    assertEquals("[domain.not-private] domain: Network 'n1': domain '" + domain + "' " + reason
        + ": every nameserver answers for all names under the domain, so it must be one you"
        + " own, such as 'cim.example.com', or a private one such as 'cim.internal' or"
        + " 'cim.home.arpa'", found.get(0).toString().replaceFirst("Network '[^']*'",
            "Network 'n1'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cim.internal", "home.arpa", "cim.home.arpa", "cim.example.com",
      "example.com", "lab.example.co.uk", "corp.lan"})
  void aDomainUnderOneTheUserOwnsOrAPrivateOneIsFine(String domain) {
    Report report = Checker.check(with(domain));
    assertTrue(report.problems().stream()
        .noneMatch(v -> v.id().equals(ProblemIds.DOMAIN_NOT_PRIVATE)), report::toText);
  }
}
