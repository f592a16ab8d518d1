# cimnet: the packet filter of host vhost-dev (generated; do not edit).
# The same ruleset as ../nftables.nft, as NixOS tables: NixOS wraps each content in
# 'table <family> <name> { ... }' and deletes and re-creates the table atomically
# on every (re)load, leaving other tables alone.
{ config, lib, pkgs, ... }:
let
  # NixOS's own openings: networking.firewall.allowedTCPPorts, allowedUDPPorts, their
  # port ranges and the per-interface lists (where every service's openFirewall puts
  # its ports), opened to the sources of the host's services (set host_service_sources) only.
  fw = config.networking.firewall;
  nftPorts = ports: ranges: lib.concatStringsSep ", "
    (map toString (lib.unique ports) ++ map (r: "${toString r.from}-${toString r.to}") ranges);
  opening = iface: proto: set: lib.optionalString (set != "") ("ip saddr @host_service_sources "
    + lib.optionalString (iface != "default") "iifname \"${iface}\" "
    + "${proto} dport { ${set} } accept\n");
  nixosOpenings = lib.concatStrings (lib.mapAttrsToList (iface: c:
    opening iface "tcp" (nftPorts c.allowedTCPPorts c.allowedTCPPortRanges)
    + opening iface "udp" (nftPorts c.allowedUDPPorts c.allowedUDPPortRanges))
    ({ default = fw; } // fw.interfaces));
in
{
  # cimnet owns the whole filter: NixOS's firewall (table nixos-fw) has an input chain
  # with policy drop, and a drop in any base chain wins over an accept in another, so
  # it would drop the DNS and everything else cimnet's input chain accepts. NAT is in
  # cimnet's own table too, so networking.nat stays off. The services of the host
  # itself are rules to host:vhost-dev (ssh from the management zone and the
  # deploy_from subnet by default), in chain host_services, which also opens NixOS's own
  # networking.firewall.allowedTCPPorts and the like to the same sources, so a
  # service's openFirewall keeps working.
  networking.firewall.enable = false;
  networking.nftables.enable = true;
  # Never 'flush ruleset' (the default below system.stateVersion 23.11): that would wipe
  # every other table of the host (Docker's, Kubernetes', libvirt's) on each reload.
  networking.nftables.flushRuleset = false;

  networking.nftables.tables.cimnet_filter = {
    family = "inet";
    content = ''
      # Anti-spoofing: what arrives on the interface of a subnet comes from that subnet.
      set subnet_sources {
        type ifname . ipv4_addr
        flags interval
        elements = {
          "lan" . 192.168.1.0/24,
          "wifi" . 192.168.7.0/24,
          "comms" . 192.168.2.0/24,
          "internal" . 192.168.3.0/24,
          "dmz" . 192.168.4.0/24,
          "agents" . 192.168.5.0/24,
          "mgmt" . 192.168.6.0/24
        }
      }
      set subnet_ifaces {
        type ifname
        elements = {
          "lan",
          "wifi",
          "comms",
          "internal",
          "dmz",
          "agents",
          "mgmt"
        }
      }
      # Never the internet: private and link-local spaces and the supernet.
      set private_spaces {
        type ipv4_addr
        flags interval
        auto-merge
        elements = {
          10.0.0.0/8,
          172.16.0.0/12,
          192.168.0.0/16,
          169.254.0.0/16
        }
      }
      # The nameserver address the host holds in each subnet.
      set nameservers {
        type ifname . ipv4_addr
        elements = {
          "lan" . 192.168.1.254,
          "wifi" . 192.168.7.254,
          "comms" . 192.168.2.254,
          "internal" . 192.168.3.254,
          "dmz" . 192.168.4.254,
          "agents" . 192.168.5.254,
          "mgmt" . 192.168.6.254
        }
      }
      # Every subnet and container a service of the host opens to.
      set host_service_sources {
        type ipv4_addr
        flags interval
        auto-merge
        elements = {
          192.168.0.0/24,
          192.168.6.0/24
        }
      }
      # New connections allowed between /24 and /24 prefixes: every protocol.
      set fwd_any_24_24 {
        type ipv4_addr . ipv4_addr
        flags interval
        elements = {
          192.168.3.0/24 . 192.168.4.0/24,
          192.168.2.0/24 . 192.168.4.0/24
        }
      }
      # New connections allowed from /24 prefixes to the internet: every protocol.
      set out_any_24 {
        type ipv4_addr
        flags interval
        auto-merge
        elements = {
          192.168.1.0/24
        }
      }
      # New connections allowed from the internet to /24 prefixes: one protocol and destination ports.
      set in_ports_24 {
        type ipv4_addr . inet_proto . inet_service
        flags interval
        elements = {
          192.168.4.0/24 . tcp . 80,
          192.168.4.0/24 . tcp . 443
        }
      }
      chain prerouting {
        type filter hook prerouting priority raw; policy accept;
        iifname . ip saddr @subnet_sources accept
        # The internet arrives through the uplink.
        iifname "lan" ip saddr != @private_spaces accept
        # Spoofed (or IPv6, which nothing plans yet).
        iifname @subnet_ifaces drop
      }
      chain input {
        type filter hook input priority filter; policy drop;
        iifname "lo" accept
        ct state vmap { established : accept, related : accept, invalid : drop }
        # DNS from each subnet to its nameserver address.
        iifname . ip daddr @nameservers meta l4proto { tcp, udp } th dport 53 accept
        iifname . ip saddr @subnet_sources icmp type echo-request accept
        jump host_services
      }
      # The services of the host itself: the rules to host:vhost-dev.
      chain host_services {
        # can_connect(zone:management, host:vhost-dev, tcp/22): tcp/22
        ip saddr { 192.168.0.0/24, 192.168.6.0/24 } tcp dport 22 accept
        ${nixosOpenings}
      }
      chain forward {
        type filter hook forward priority filter; policy drop;
        ct state vmap { established : accept, related : accept, invalid : drop }
        ip saddr . ip daddr @fwd_any_24_24 accept
        oifname "lan" ip daddr != @private_spaces ip saddr @out_any_24 accept
        iifname "lan" ip saddr != @private_spaces ip daddr . meta l4proto . th dport @in_ports_24 accept
      }
    '';
  };

  networking.nftables.tables.cimnet_nat = {
    family = "ip";
    content = ''
      set private_spaces {
        type ipv4_addr
        flags interval
        auto-merge
        elements = {
          10.0.0.0/8,
          172.16.0.0/12,
          192.168.0.0/16,
          169.254.0.0/16
        }
      }
      # Sources a rule lets open connections to the internet.
      set nat_sources {
        type ipv4_addr
        flags interval
        auto-merge
        elements = {
          192.168.1.0/24
        }
      }
      # Services of the public address and the container they go to (ports unchanged).
      map published {
        type inet_proto . inet_service : ipv4_addr
        flags interval
        elements = {
          tcp . 80 : 192.168.4.86,
          tcp . 443 : 192.168.4.86
        }
      }
      chain prerouting {
        type nat hook prerouting priority dstnat; policy accept;
        iifname "lan" ip saddr != @private_spaces ip daddr 203.0.113.10 dnat ip to meta l4proto . th dport map @published
      }
      chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        oifname "lan" ip saddr @nat_sources ip daddr != @private_spaces snat ip to 203.0.113.10
      }
    '';
  };
}
