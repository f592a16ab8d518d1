package org.cimnet.render.nix;

import static org.cimnet.core.format.nix.NixStrings.attr;
import static org.cimnet.core.format.nix.NixStrings.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cimnet.core.plan.HostPlan;
import org.cimnet.core.plan.HostPlan.NicPlan;
import org.cimnet.core.plan.InterfacePlan;
import org.cimnet.core.plan.InterfacePlan.InterfaceAddress;

/** {@code physical_network.nix}: identity, NIC names, the host's addresses, routes, resolvers. */
final class PhysicalModule {
  private PhysicalModule() {}

  static String render(HostPlan plan) {
    NixWriter w = new NixWriter();
    w.comment("cimnet: the physical network of host " + plan.host()
        + " (generated; do not edit).");
    w.comment("Identity, NIC names, the host's own addresses, its default route and resolvers.");
    w.line("{ config, lib, pkgs, ... }:");
    w.open("{");
    w.comment("A single DNS label; the domain goes apart (networking.hostName takes no dots).");
    w.line("networking.hostName = " + string(plan.host()) + ";");
    w.line("networking.domain = " + string(plan.domain()) + ";");
    w.line("");
    w.comment("Every address is planned: no DHCP client anywhere, no NetworkManager, no wireless");
    w.comment("client (NixOS runs DHCP on every interface without a static address otherwise).");
    w.line("networking.useDHCP = false;");
    w.line("networking.networkmanager.enable = false;");
    w.line("networking.wireless.enable = false;");
    w.line("");
    w.comment("IPv6 is not planned yet, so it is off: NixOS then disables it on every interface");
    w.comment("(net.ipv6.conf.{all,default}.disable_ipv6), and no interface gets a link-local or");
    w.comment("SLAAC address that nothing plans and the firewall would drop.");
    w.line("networking.enableIPv6 = false;");
    nics(w, plan);
    if (plan.forwarding()) {
      w.line("");
      w.comment("The host routes between its subnets. A sysctl, not networkd's IPForward, which");
      w.comment("current NixOS rejects.");
      w.line("boot.kernel.sysctl." + string("net.ipv4.conf.all.forwarding") + " = true;");
      w.line("boot.kernel.sysctl." + string("net.ipv4.conf.default.forwarding") + " = true;");
      w.comment("No ICMP redirects: the public address shares the via subnet with its clients, and a");
      w.comment("redirect would send them straight to the upstream gateway, around the firewall and NAT.");
      w.line("boot.kernel.sysctl." + string("net.ipv4.conf.all.send_redirects") + " = false;");
      w.line("boot.kernel.sysctl." + string("net.ipv4.conf.default.send_redirects") + " = false;");
    }
    addresses(w, plan);
    plan.defaultRoute().ifPresent(r -> {
      w.line("");
      w.line("networking.defaultGateway = { address = " + string(r.gateway().toString())
          + "; interface = " + string(r.device()) + "; };");
    });
    if (!plan.nameservers().isEmpty()) {
      w.line("");
      w.comment(plan.nameserver() ? "The host serves DNS itself (unbound.nix)."
          : "The nameserver of the host's subnet.");
      w.line("networking.nameservers = [ " + plan.nameservers().stream()
          .map(a -> string(a.toString())).collect(Collectors.joining(" ")) + " ];");
    }
    w.close("}");
    return w.toString();
  }

  private static void nics(NixWriter w, HostPlan plan) {
    if (plan.nics().isEmpty()) {
      return;
    }
    w.line("");
    w.comment("NICs are named by their MAC: a udev .link file (systemd.network.links, applied");
    w.comment("when the device appears, with or without networkd) matches the permanent MAC and");
    w.comment("sets the name. networking.interfaces.<nic>.macAddress does the opposite (forces a");
    w.comment("MAC onto a name), so it is not used. The names stay outside the kernel's own");
    w.comment("eth<N> space, which a rename races with at boot: a NIC is nic_<its name> on the");
    w.comment("machine (eth0 is nic_eth0) unless the model states its ifname.");
    for (NicPlan nic : plan.nics()) {
      String where = nic.wired() ? "trunk to " + nic.spine().get() + " port " + nic.spinePort()
          + " (VLANs " + nic.vlans().stream().map(String::valueOf)
              .collect(Collectors.joining(",")) + "), a member of the uplink bond"
          : "not wired";
      w.comment(nic.name() + " (" + nic.ifname() + " on the machine): " + where + ".");
      if (nic.mac().isPresent()) {
        w.open("systemd.network.links." + attr("10-" + nic.ifname()) + " = {");
        w.line("matchConfig.PermanentMACAddress = " + string(nic.mac().get().toString()) + ";");
        w.line("linkConfig.Name = " + string(nic.ifname()) + ";");
        w.close("};");
      } else {
        w.comment("Its MAC is not known yet, so nothing names it " + nic.ifname() + " until it is");
        w.comment("discovered (parts.yaml or the watcher) and the modules are rendered again.");
      }
      if (nic.wired()) {
        w.comment("Brought up without addresses; Open vSwitch takes it into the bond.");
        w.line("networking.interfaces." + attr(nic.ifname()) + " = { };");
      }
    }
  }

  private static void addresses(NixWriter w, HostPlan plan) {
    if (plan.interfaces().isEmpty()) {
      return;
    }
    w.line("");
    w.comment("The host's L3 interfaces: the tagged Open vSwitch internal ports of");
    w.comment("virtual_network.nix, one per subnet (never the bridges' own untagged ports).");
    for (InterfacePlan i : plan.interfaces()) {
      w.comment(i.name() + ": subnet " + i.subnet() + " " + i.cidr() + ", VLAN " + i.vlan()
          + " on " + i.bridge() + ".");
      w.open("networking.interfaces." + attr(i.name()) + ".ipv4.addresses = [");
      for (InterfaceAddress a : i.addresses()) {
        w.line("{ address = " + string(a.address().toString()) + "; prefixLength = "
            + a.prefixLength() + "; } # " + purpose(a.purpose()));
      }
      w.close("];");
    }
    routes(w, plan);
  }

  /**
   * The routes between routers, per interface: the on-link route to the parent router's gateway
   * (this router's own address there is a /32) and the subnets of the routers below.
   */
  private static void routes(NixWriter w, HostPlan plan) {
    if (plan.routes().isEmpty()) {
      return;
    }
    w.line("");
    w.comment("Routes between routers: one path between any two subnets, the same both ways.");
    Map<String, List<HostPlan.StaticRoute>> byDevice = new LinkedHashMap<>();
    plan.routes().forEach(r -> byDevice.computeIfAbsent(r.device(), k -> new ArrayList<>())
        .add(r));
    byDevice.forEach((device, routes) -> {
      w.open("networking.interfaces." + attr(device) + ".ipv4.routes = [");
      for (HostPlan.StaticRoute r : routes) {
        w.line("{ address = " + string(r.destination().first().toString())
            + "; prefixLength = " + r.destination().length() + ";"
            + r.via().map(v -> " via = " + string(v.toString()) + ";").orElse("") + " }"
            + (r.via().isEmpty() ? " # the parent router's gateway, on-link" : ""));
      }
      w.close("];");
    });
  }

  private static String purpose(InterfacePlan.Purpose p) {
    return switch (p) {
      case OWN -> "the host's own";
      case GATEWAY -> "gateway";
      case NAMESERVER -> "nameserver";
      case PUBLIC -> "the public address";
    };
  }
}
