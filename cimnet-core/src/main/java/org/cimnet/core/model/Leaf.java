package org.cimnet.core.model;

import java.util.List;

/** A virtual switch (an Open vSwitch bridge) on a host, carrying some subnets. */
public record Leaf(String name, List<String> subnets) {
  public Leaf {
    Names.check("Leaf", name);
    subnets = List.copyOf(subnets);
    for (String s : subnets) {
      Messages.in(Messages.quote("Leaf", name), () -> Names.check("Subnet", s));
    }
  }
}
