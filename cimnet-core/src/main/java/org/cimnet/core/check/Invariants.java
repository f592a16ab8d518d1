package org.cimnet.core.check;

import java.util.List;
import org.cimnet.core.model.Attachment;
import org.cimnet.core.model.Container;
import org.cimnet.core.model.Network;
import org.cimnet.core.model.Subnet;
import org.cimnet.core.model.Violation;

/** The structural invariants of DESIGN.md section 5. */
final class Invariants {
  private Invariants() {}

  static void check(Network n, List<Violation> violations, List<Violation> warnings) {
    for (Subnet s : n.subnets()) {
      if (!n.supernet().contains(s.cidr())) {
        violations.add(new Violation("subnet.outside-supernet", "subnets[" + s.name() + "].cidr",
            "Subnet '" + s.name() + "': cidr '" + s.cidr() + "' is outside the supernet '"
                + n.supernet() + "'"));
      }
    }
    for (Container c : n.containers()) {
      if (n.host(c.host()).isEmpty()) {
        violations.add(new Violation("ref.host", "containers[" + c.name() + "].host",
            "Container '" + c.name() + "': host '" + c.host() + "' is not declared"));
      }
      for (Attachment a : c.attachments()) {
        if (n.subnet(a.subnet()).isEmpty()) {
          violations.add(new Violation("ref.subnet",
              "containers[" + c.name() + "].attachments[" + a.subnet() + "]",
              "Container '" + c.name() + "': subnet '" + a.subnet() + "' is not declared"));
        }
      }
    }
  }
}
