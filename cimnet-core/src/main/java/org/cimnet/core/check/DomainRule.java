package org.cimnet.core.check;

import com.google.common.net.InternetDomainName;
import java.util.Optional;
import org.cimnet.core.model.Network;

/**
 * The domain must be one the network may answer for. Every nameserver answers NXDOMAIN for
 * names under the domain that the model does not hold and never asks upstream, so a domain such
 * as {@code com} would make {@code example.com} vanish for every client.
 *
 * <p>Refused, each with its own reason: an address ({@code 1.2.3.4}, {@code 0}); {@code
 * localhost} and names under it (RFC 6761); {@code arpa} and names under it (reverse lookups,
 * protocol names), except {@code home.arpa} and names under it (RFC 8375); a public suffix
 * ({@code com}, {@code co.uk}, {@code github.io}), from the Public Suffix List that Guava's
 * {@link InternetDomainName} carries (a list cimnet would otherwise have to ship and keep up to
 * date itself); and any other single label ({@code lan}), a top-level domain of its own. A name
 * under a domain the user owns ({@code cim.example.com}) and names under a suffix that is not
 * public ({@code cim.internal}, the default) are fine.
 */
final class DomainRule {
  private DomainRule() {}

  static void check(Network network, Findings out) {
    reason(network.domain()).ifPresent(r -> out.error(ProblemIds.DOMAIN_NOT_PRIVATE, "domain",
        "Network '" + network.name() + "': domain '" + network.domain() + "' " + r
            + ": every nameserver answers for all names under the domain, so it must be one"
            + " you own, such as 'cim.example.com', or a private one such as 'cim.internal' or"
            + " 'cim.home.arpa'"));
  }

  /** Why {@code domain} (valid DNS syntax) may not be a network's domain; empty if it may. */
  static Optional<String> reason(String domain) {
    String[] labels = domain.split("\\.");
    String last = labels[labels.length - 1];
    if (last.chars().allMatch(Character::isDigit)) {
      return Optional.of(labels.length == 4 && domain.chars()
          .allMatch(c -> c == '.' || Character.isDigit(c))
          ? "is an IPv4 address, not a domain"
          : "ends in a number, like an address: no top-level domain is a number");
    }
    if (domain.equals("localhost") || domain.endsWith(".localhost")) {
      return Optional.of("is the loopback name localhost (RFC 6761), which every machine"
          + " answers for itself");
    }
    if (domain.equals("home.arpa") || domain.endsWith(".home.arpa")) {
      return Optional.empty();
    }
    if (domain.equals("arpa") || domain.endsWith(".arpa")) {
      return Optional.of("is under 'arpa', the tree of reverse lookups (in-addr.arpa) and"
          + " protocol names; the one local domain there is 'home.arpa' (RFC 8375)");
    }
    if (isPublicSuffix(domain)) {
      return Optional.of("is a public suffix (names under it belong to whoever registers"
          + " them)");
    }
    if (labels.length == 1) {
      return Optional.of("is a single label, a top-level domain of its own");
    }
    return Optional.empty();
  }

  private static boolean isPublicSuffix(String domain) {
    try {
      return InternetDomainName.from(domain).isPublicSuffix();
    } catch (IllegalArgumentException e) {
      return false; // not a name Guava parses, so not on the list
    }
  }
}
