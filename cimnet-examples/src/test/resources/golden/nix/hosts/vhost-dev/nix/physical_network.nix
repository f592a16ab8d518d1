# cimnet: the physical network of host vhost-dev (generated; do not edit).
# Identity, NIC names, the host's own addresses, its default route and resolvers.
{ config, lib, pkgs, ... }:
{
  # A single DNS label; the domain goes apart (networking.hostName takes no dots).
  networking.hostName = "vhost-dev";
  networking.domain = "cim.internal";

  # Every address is planned: no DHCP client anywhere, no NetworkManager, no wireless
  # client (NixOS runs DHCP on every interface without a static address otherwise).
  networking.useDHCP = false;
  networking.networkmanager.enable = false;
  networking.wireless.enable = false;

  # IPv6 is not planned yet, so it is off: NixOS then disables it on every interface
  # (net.ipv6.conf.{all,default}.disable_ipv6), and no interface gets a link-local or
  # SLAAC address that nothing plans and the firewall would drop.
  networking.enableIPv6 = false;

  # NICs are named by their MAC: a udev .link file (systemd.network.links, applied
  # when the device appears, with or without networkd) matches the permanent MAC and
  # sets the name. networking.interfaces.<nic>.macAddress does the opposite (forces a
  # MAC onto a name), so it is not used. The names stay outside the kernel's own
  # eth<N> space, which a rename races with at boot: a NIC is nic_<its name> on the
  # machine (eth0 is nic_eth0) unless the model states its ifname.
  # eth0 (nic_eth0 on the machine): trunk to spine1 port 2 (VLANs 101,102,103,104,105,106,107), a member of the uplink bond.
  systemd.network.links."10-nic_eth0" = {
    matchConfig.PermanentMACAddress = "3c:ec:ef:6a:10:00";
    linkConfig.Name = "nic_eth0";
  };
  # Brought up without addresses; Open vSwitch takes it into the bond.
  networking.interfaces.nic_eth0 = { };
  # eth1 (nic_eth1 on the machine): trunk to spine1 port 3 (VLANs 101,102,103,104,105,106,107), a member of the uplink bond.
  systemd.network.links."10-nic_eth1" = {
    matchConfig.PermanentMACAddress = "3c:ec:ef:6a:10:01";
    linkConfig.Name = "nic_eth1";
  };
  # Brought up without addresses; Open vSwitch takes it into the bond.
  networking.interfaces.nic_eth1 = { };
  # eth2 (nic_eth2 on the machine): trunk to spine2 port 2 (VLANs 101,102,103,104,105,106,107), a member of the uplink bond.
  systemd.network.links."10-nic_eth2" = {
    matchConfig.PermanentMACAddress = "3c:ec:ef:6a:10:02";
    linkConfig.Name = "nic_eth2";
  };
  # Brought up without addresses; Open vSwitch takes it into the bond.
  networking.interfaces.nic_eth2 = { };
  # eth3 (nic_eth3 on the machine): trunk to spine2 port 3 (VLANs 101,102,103,104,105,106,107), a member of the uplink bond.
  systemd.network.links."10-nic_eth3" = {
    matchConfig.PermanentMACAddress = "3c:ec:ef:6a:10:03";
    linkConfig.Name = "nic_eth3";
  };
  # Brought up without addresses; Open vSwitch takes it into the bond.
  networking.interfaces.nic_eth3 = { };

  # The host routes between its subnets. A sysctl, not networkd's IPForward, which
  # current NixOS rejects.
  boot.kernel.sysctl."net.ipv4.conf.all.forwarding" = true;
  boot.kernel.sysctl."net.ipv4.conf.default.forwarding" = true;
  # No ICMP redirects: the public address shares the via subnet with its clients, and a
  # redirect would send them straight to the upstream gateway, around the firewall and NAT.
  boot.kernel.sysctl."net.ipv4.conf.all.send_redirects" = false;
  boot.kernel.sysctl."net.ipv4.conf.default.send_redirects" = false;

  # The host's L3 interfaces: the tagged Open vSwitch internal ports of
  # virtual_network.nix, one per subnet (never the bridges' own untagged ports).
  # lan: subnet lan 192.168.1.0/24, VLAN 101 on leaf1.
  networking.interfaces.lan.ipv4.addresses = [
    { address = "192.168.1.100"; prefixLength = 24; } # the host's own
    { address = "192.168.1.1"; prefixLength = 24; } # gateway
    { address = "192.168.1.254"; prefixLength = 24; } # nameserver
    { address = "203.0.113.10"; prefixLength = 24; } # the public address
  ];
  # wifi: subnet wifi 192.168.7.0/24, VLAN 107 on leaf1.
  networking.interfaces.wifi.ipv4.addresses = [
    { address = "192.168.7.1"; prefixLength = 24; } # gateway
    { address = "192.168.7.254"; prefixLength = 24; } # nameserver
  ];
  # comms: subnet comms 192.168.2.0/24, VLAN 102 on leaf2.
  networking.interfaces.comms.ipv4.addresses = [
    { address = "192.168.2.100"; prefixLength = 24; } # the host's own
    { address = "192.168.2.1"; prefixLength = 24; } # gateway
    { address = "192.168.2.254"; prefixLength = 24; } # nameserver
  ];
  # internal: subnet internal 192.168.3.0/24, VLAN 103 on leaf3.
  networking.interfaces.internal.ipv4.addresses = [
    { address = "192.168.3.100"; prefixLength = 24; } # the host's own
    { address = "192.168.3.1"; prefixLength = 24; } # gateway
    { address = "192.168.3.254"; prefixLength = 24; } # nameserver
  ];
  # dmz: subnet dmz 192.168.4.0/24, VLAN 104 on leaf4.
  networking.interfaces.dmz.ipv4.addresses = [
    { address = "192.168.4.100"; prefixLength = 24; } # the host's own
    { address = "192.168.4.1"; prefixLength = 24; } # gateway
    { address = "192.168.4.254"; prefixLength = 24; } # nameserver
  ];
  # agents: subnet agents 192.168.5.0/24, VLAN 105 on leaf4.
  networking.interfaces.agents.ipv4.addresses = [
    { address = "192.168.5.1"; prefixLength = 24; } # gateway
    { address = "192.168.5.254"; prefixLength = 24; } # nameserver
  ];
  # mgmt: subnet mgmt 192.168.6.0/24, VLAN 106 on leaf4.
  networking.interfaces.mgmt.ipv4.addresses = [
    { address = "192.168.6.1"; prefixLength = 24; } # gateway
    { address = "192.168.6.254"; prefixLength = 24; } # nameserver
  ];

  networking.defaultGateway = { address = "203.0.113.1"; interface = "lan"; };

  # The host serves DNS itself (unbound.nix).
  networking.nameservers = [ "127.0.0.1" ];
}
