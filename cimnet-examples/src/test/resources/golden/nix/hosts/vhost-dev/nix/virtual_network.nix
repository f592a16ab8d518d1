# cimnet: the virtual network of host vhost-dev (generated; do not edit).
#
# The uplink design: every trunk NIC joins one Open vSwitch bond on the bridge
# 'uplink', trunking exactly the VLANs the trunks carry; each leaf is a bridge of
# its own, joined to 'uplink' by a patch-port pair trunking only that leaf's VLANs.
# The bond is balance-slb: it uses every link, needs nothing from the spines, never
# forwards a frame from one member out of another (no loop through the host), and
# moves a failed link's traffic to the others. Every port is either an access port
# with its VLAN tag or a trunk with an explicit VLAN list: none carries every VLAN
# (a bridge's own port, named like the bridge, gets no address and stays down).
#
# networking.vswitches can only express access ports ('vlan'); trunks, the bond,
# patch peers, MACs, OpenFlow port numbers (which the flows name) and the secure
# fail mode go through extraOvsctlCmds: each line is appended as '-- <line>' to
# the one ovs-vsctl call that builds the bridge, pasted unquoted into bash (so
# no brackets, and quoted values as \"...\"). In secure mode a bridge forwards
# only what its flows allow, so every bridge ends with the normal-switching flow.
# NixOS re-creates a bridge each time its <bridge>-netdev unit starts.
{ config, lib, pkgs, ... }:
{
  # The uplink bridge: the bond to the spines, a patch to every leaf.
  networking.vswitches.uplink = {
    # Every port needs more than an access tag: all are in extraOvsctlCmds.
    interfaces = { };
    supportedOpenFlowVersions = [ "OpenFlow13" ];
    openFlowVersion = "OpenFlow13";
    extraOvsctlCmds = ''
      add-bond uplink bond0 nic_eth0 nic_eth1 nic_eth2 nic_eth3 bond_mode=balance-slb lacp=off vlan_mode=trunk trunks=101,102,103,104,105,106,107
      add-port uplink up-leaf1 vlan_mode=trunk trunks=101,107 -- set Interface up-leaf1 type=patch options:peer=\"leaf1-up\" ofport_request=2
      add-port uplink up-leaf2 vlan_mode=trunk trunks=102 -- set Interface up-leaf2 type=patch options:peer=\"leaf2-up\" ofport_request=3
      add-port uplink up-leaf3 vlan_mode=trunk trunks=103 -- set Interface up-leaf3 type=patch options:peer=\"leaf3-up\" ofport_request=4
      add-port uplink up-leaf4 vlan_mode=trunk trunks=104,105,106 -- set Interface up-leaf4 type=patch options:peer=\"leaf4-up\" ofport_request=5
      set-fail-mode uplink secure
    '';
    openFlowRules = ''
      # everything not stopped above: normal switching
      priority=0,actions=normal
    '';
  };

  # Leaf leaf1: VLANs 101, 107.
  networking.vswitches.leaf1 = {
    interfaces = {
      lan = { name = "lan"; type = "internal"; vlan = 101; };
      wifi = { name = "wifi"; type = "internal"; vlan = 107; };
    };
    supportedOpenFlowVersions = [ "OpenFlow13" ];
    openFlowVersion = "OpenFlow13";
    extraOvsctlCmds = ''
      add-port leaf1 leaf1-up vlan_mode=trunk trunks=101,107 -- set Interface leaf1-up type=patch options:peer=\"up-leaf1\" ofport_request=1
      set Port lan vlan_mode=access
      set Interface lan ofport_request=2 mac=\"0a:59:69:5d:bc:ab\"
      set Port wifi vlan_mode=access
      set Interface wifi ofport_request=3 mac=\"e2:2c:f0:dc:17:1a\"
      add-port leaf1 ve-files tag=101 vlan_mode=access -- set Interface ve-files ofport_request=60617 external_ids:attached-mac=\"1a:43:87:59:3c:3b\"
      add-port leaf1 ve-portal tag=107 vlan_mode=access -- set Interface ve-portal ofport_request=23368 external_ids:attached-mac=\"3a:23:9d:6c:18:a6\"
      set-fail-mode leaf1 secure
    '';
    openFlowRules = ''
      # files: ARP for its own address
      priority=200,in_port=60617,dl_src=1a:43:87:59:3c:3b,arp,arp_spa=192.168.1.59,arp_sha=1a:43:87:59:3c:3b,actions=normal
      # files: IPv4 from its own address and MAC
      priority=200,in_port=60617,dl_src=1a:43:87:59:3c:3b,ip,nw_src=192.168.1.59,actions=normal
      # files: anything else from the port (forged MAC or address)
      priority=100,in_port=60617,actions=drop
      # portal: ARP for its own address
      priority=200,in_port=23368,dl_src=3a:23:9d:6c:18:a6,arp,arp_spa=192.168.7.166,arp_sha=3a:23:9d:6c:18:a6,actions=normal
      # portal: IPv4 from its own address and MAC
      priority=200,in_port=23368,dl_src=3a:23:9d:6c:18:a6,ip,nw_src=192.168.7.166,actions=normal
      # portal: anything else from the port (forged MAC or address)
      priority=100,in_port=23368,actions=drop
      # everything not stopped above: normal switching
      priority=0,actions=normal
    '';
  };

  # Leaf leaf2: VLANs 102.
  networking.vswitches.leaf2 = {
    interfaces = {
      comms = { name = "comms"; type = "internal"; vlan = 102; };
    };
    supportedOpenFlowVersions = [ "OpenFlow13" ];
    openFlowVersion = "OpenFlow13";
    extraOvsctlCmds = ''
      add-port leaf2 leaf2-up vlan_mode=trunk trunks=102 -- set Interface leaf2-up type=patch options:peer=\"up-leaf2\" ofport_request=1
      set Port comms vlan_mode=access
      set Interface comms ofport_request=2 mac=\"3e:69:48:88:90:ea\"
      add-port leaf2 ve-mq1 tag=102 vlan_mode=access -- set Interface ve-mq1 ofport_request=60955 external_ids:attached-mac=\"c2:43:50:b3:ec:84\"
      add-port leaf2 ve-bus.1 tag=102 vlan_mode=access -- set Interface ve-bus.1 ofport_request=39794 external_ids:attached-mac=\"f2:08:5c:c1:fc:7e\"
      set-fail-mode leaf2 secure
    '';
    openFlowRules = ''
      # mq1: ARP for its own address
      priority=200,in_port=60955,dl_src=c2:43:50:b3:ec:84,arp,arp_spa=192.168.2.132,arp_sha=c2:43:50:b3:ec:84,actions=normal
      # mq1: IPv4 from its own address and MAC
      priority=200,in_port=60955,dl_src=c2:43:50:b3:ec:84,ip,nw_src=192.168.2.132,actions=normal
      # mq1: anything else from the port (forged MAC or address)
      priority=100,in_port=60955,actions=drop
      # bus: ARP for its own address
      priority=200,in_port=39794,dl_src=f2:08:5c:c1:fc:7e,arp,arp_spa=192.168.2.126,arp_sha=f2:08:5c:c1:fc:7e,actions=normal
      # bus: IPv4 from its own address and MAC
      priority=200,in_port=39794,dl_src=f2:08:5c:c1:fc:7e,ip,nw_src=192.168.2.126,actions=normal
      # bus: anything else from the port (forged MAC or address)
      priority=100,in_port=39794,actions=drop
      # everything not stopped above: normal switching
      priority=0,actions=normal
    '';
  };

  # Leaf leaf3: VLANs 103.
  networking.vswitches.leaf3 = {
    interfaces = {
      internal = { name = "internal"; type = "internal"; vlan = 103; };
    };
    supportedOpenFlowVersions = [ "OpenFlow13" ];
    openFlowVersion = "OpenFlow13";
    extraOvsctlCmds = ''
      add-port leaf3 leaf3-up vlan_mode=trunk trunks=103 -- set Interface leaf3-up type=patch options:peer=\"up-leaf3\" ofport_request=1
      set Port internal vlan_mode=access
      set Interface internal ofport_request=2 mac=\"b2:fc:db:82:4b:b9\"
      add-port leaf3 ve-db1 tag=103 vlan_mode=access -- set Interface ve-db1 ofport_request=9816 external_ids:attached-mac=\"62:38:ea:e3:ae:b4\"
      add-port leaf3 ve-bus.2 tag=103 vlan_mode=access -- set Interface ve-bus.2 ofport_request=17519 external_ids:attached-mac=\"9a:45:33:60:3a:89\"
      set-fail-mode leaf3 secure
    '';
    openFlowRules = ''
      # db1: ARP for its own address
      priority=200,in_port=9816,dl_src=62:38:ea:e3:ae:b4,arp,arp_spa=192.168.3.180,arp_sha=62:38:ea:e3:ae:b4,actions=normal
      # db1: IPv4 from its own address and MAC
      priority=200,in_port=9816,dl_src=62:38:ea:e3:ae:b4,ip,nw_src=192.168.3.180,actions=normal
      # db1: anything else from the port (forged MAC or address)
      priority=100,in_port=9816,actions=drop
      # bus: ARP for its own address
      priority=200,in_port=17519,dl_src=9a:45:33:60:3a:89,arp,arp_spa=192.168.3.137,arp_sha=9a:45:33:60:3a:89,actions=normal
      # bus: IPv4 from its own address and MAC
      priority=200,in_port=17519,dl_src=9a:45:33:60:3a:89,ip,nw_src=192.168.3.137,actions=normal
      # bus: anything else from the port (forged MAC or address)
      priority=100,in_port=17519,actions=drop
      # everything not stopped above: normal switching
      priority=0,actions=normal
    '';
  };

  # Leaf leaf4: VLANs 104, 105, 106.
  networking.vswitches.leaf4 = {
    interfaces = {
      dmz = { name = "dmz"; type = "internal"; vlan = 104; };
      agents = { name = "agents"; type = "internal"; vlan = 105; };
      mgmt = { name = "mgmt"; type = "internal"; vlan = 106; };
    };
    supportedOpenFlowVersions = [ "OpenFlow13" ];
    openFlowVersion = "OpenFlow13";
    extraOvsctlCmds = ''
      add-port leaf4 leaf4-up vlan_mode=trunk trunks=104,105,106 -- set Interface leaf4-up type=patch options:peer=\"up-leaf4\" ofport_request=1
      set Port dmz vlan_mode=access
      set Interface dmz ofport_request=2 mac=\"7e:5d:22:47:bb:21\"
      set Port agents vlan_mode=access
      set Interface agents ofport_request=3 mac=\"66:41:4a:2c:fc:ec\"
      set Port mgmt vlan_mode=access
      set Interface mgmt ofport_request=4 mac=\"b2:73:a6:12:86:63\"
      add-port leaf4 ve-web1 tag=104 vlan_mode=access -- set Interface ve-web1 ofport_request=43798 external_ids:attached-mac=\"1e:08:82:63:ae:56\"
      add-port leaf4 ve-agent1 tag=105 vlan_mode=access -- set Interface ve-agent1 ofport_request=5540 external_ids:attached-mac=\"fe:39:23:74:f1:98\"
      add-port leaf4 ve-monitor tag=106 vlan_mode=access -- set Interface ve-monitor ofport_request=51674 external_ids:attached-mac=\"46:64:af:c3:a7:91\"
      set-fail-mode leaf4 secure
    '';
    openFlowRules = ''
      # web1: ARP for its own address
      priority=200,in_port=43798,dl_src=1e:08:82:63:ae:56,arp,arp_spa=192.168.4.86,arp_sha=1e:08:82:63:ae:56,actions=normal
      # web1: IPv4 from its own address and MAC
      priority=200,in_port=43798,dl_src=1e:08:82:63:ae:56,ip,nw_src=192.168.4.86,actions=normal
      # web1: anything else from the port (forged MAC or address)
      priority=100,in_port=43798,actions=drop
      # agent1: ARP for its own address
      priority=200,in_port=5540,dl_src=fe:39:23:74:f1:98,arp,arp_spa=192.168.5.152,arp_sha=fe:39:23:74:f1:98,actions=normal
      # agent1: IPv4 from its own address and MAC
      priority=200,in_port=5540,dl_src=fe:39:23:74:f1:98,ip,nw_src=192.168.5.152,actions=normal
      # agent1: anything else from the port (forged MAC or address)
      priority=100,in_port=5540,actions=drop
      # monitor: ARP for its own address
      priority=200,in_port=51674,dl_src=46:64:af:c3:a7:91,arp,arp_spa=192.168.6.145,arp_sha=46:64:af:c3:a7:91,actions=normal
      # monitor: IPv4 from its own address and MAC
      priority=200,in_port=51674,dl_src=46:64:af:c3:a7:91,ip,nw_src=192.168.6.145,actions=normal
      # monitor: anything else from the port (forged MAC or address)
      priority=100,in_port=51674,actions=drop
      # everything not stopped above: normal switching
      priority=0,actions=normal
    '';
  };

  # Build the uplink bridge once its NICs exist (they are bond members, which
  # networking.vswitches cannot declare).
  systemd.services.uplink-netdev = {
    wants = [ "sys-subsystem-net-devices-nic_eth0.device" "sys-subsystem-net-devices-nic_eth1.device" "sys-subsystem-net-devices-nic_eth2.device" "sys-subsystem-net-devices-nic_eth3.device" ];
    after = [ "sys-subsystem-net-devices-nic_eth0.device" "sys-subsystem-net-devices-nic_eth1.device" "sys-subsystem-net-devices-nic_eth2.device" "sys-subsystem-net-devices-nic_eth3.device" ];
  };

  # Containers of other kinds plug into their port, which exists from boot (see
  # extraOvsctlCmds of their leaf, with its tag, OpenFlow port number and the
  # container's MAC): the runtime creates a device named like the port and gives
  # the container's end the MAC; Open vSwitch attaches the device when it appears.
  #   vm: a tap named like the port, e.g. qemu -netdev
  #       tap,id=n0,ifname=<port>,script=no,downscript=no -device
  #       virtio-net-pci,netdev=n0,mac=<mac>
  #   lxc: lxc.net.0.type = veth, lxc.net.0.veth.pair = <port>, lxc.net.0.hwaddr =
  #       <mac>, and no lxc.net.0.link (LXC would re-add the port without its tag)
  #   docker: --network none, then a veth pair whose host end is <port> and whose
  #       other end moves into the container's namespace with the MAC and address
  #   kubernetes: a CNI plugin that names the host end of the pod's veth <port>
  #       and sets the MAC and address inside the pod
  # The port security flows drop anything from the port that is not the
  # container's MAC with its address.
  # web1 (docker): port ve-web1 on leaf4, VLAN 104, MAC 1e:08:82:63:ae:56, 192.168.4.86/24, gateway 192.168.4.1, nameserver 192.168.4.254.
  # files (lxc): port ve-files on leaf1, VLAN 101, MAC 1a:43:87:59:3c:3b, 192.168.1.59/24, gateway 192.168.1.1, nameserver 192.168.1.254.
  # mq1 (lxc): port ve-mq1 on leaf2, VLAN 102, MAC c2:43:50:b3:ec:84, 192.168.2.132/24, gateway 192.168.2.1, nameserver 192.168.2.254.
  # agent1 (vm): port ve-agent1 on leaf4, VLAN 105, MAC fe:39:23:74:f1:98, 192.168.5.152/24, gateway 192.168.5.1, nameserver 192.168.5.254.
  # portal (kubernetes): port ve-portal on leaf1, VLAN 107, MAC 3a:23:9d:6c:18:a6, 192.168.7.166/24, gateway 192.168.7.1, nameserver 192.168.7.254.

  # nixos-container db1: one extra veth per subnet, named like its
  # switch port at both ends. hostBridge is not used: it only works with Linux
  # bridges (nspawn enslaves by netlink), so the host end joins Open vSwitch here.
  containers.db1 = {
    autoStart = true;
    privateNetwork = true;
    extraVeths.ve-db1 = { };
    config = { config, lib, pkgs, ... }: {
      # The container resolves through its subnet's nameserver, not the host's.
      networking.useHostResolvConf = false;
      # Its own network namespace does not inherit the host's IPv6 switch: off here too,
      # so its interfaces get no link-local or SLAAC address that nothing plans.
      networking.enableIPv6 = false;
      networking.interfaces.ve-db1.ipv4.addresses = [ { address = "192.168.3.180"; prefixLength = 24; } ];
      networking.defaultGateway = { address = "192.168.3.1"; interface = "ve-db1"; };
      networking.nameservers = [ "192.168.3.254" ];
      systemd.services.cimnet-mac-ve-db1 = {
        description = "Planned MAC of ve-db1";
        wantedBy = [ "network.target" ];
        wants = [ "network-pre.target" ];
        before = [ "network-pre.target" ];
        serviceConfig = { Type = "oneshot"; RemainAfterExit = true; };
        script = "${pkgs.iproute2}/bin/ip " + "link set dev ve-db1 address 62:38:ea:e3:ae:b4";
      };
      system.stateVersion = "24.11";
    };
  };
  # Attach the host ends with their tags once the container has started (again: the
  # ports are declared on the leaf too, so they survive the bridge's re-creation).
  systemd.services."container@db1".postStart = lib.mkAfter ''
    ${config.virtualisation.vswitch.package}/bin/ovs-vsctl --may-exist add-port leaf3 ve-db1 tag=103 vlan_mode=access -- set Interface ve-db1 ofport_request=9816 external_ids:attached-mac=\"62:38:ea:e3:ae:b4\"
  '';

  # nixos-container monitor: one extra veth per subnet, named like its
  # switch port at both ends. hostBridge is not used: it only works with Linux
  # bridges (nspawn enslaves by netlink), so the host end joins Open vSwitch here.
  containers.monitor = {
    autoStart = true;
    privateNetwork = true;
    extraVeths.ve-monitor = { };
    config = { config, lib, pkgs, ... }: {
      # The container resolves through its subnet's nameserver, not the host's.
      networking.useHostResolvConf = false;
      # Its own network namespace does not inherit the host's IPv6 switch: off here too,
      # so its interfaces get no link-local or SLAAC address that nothing plans.
      networking.enableIPv6 = false;
      networking.interfaces.ve-monitor.ipv4.addresses = [ { address = "192.168.6.145"; prefixLength = 24; } ];
      networking.defaultGateway = { address = "192.168.6.1"; interface = "ve-monitor"; };
      networking.nameservers = [ "192.168.6.254" ];
      systemd.services.cimnet-mac-ve-monitor = {
        description = "Planned MAC of ve-monitor";
        wantedBy = [ "network.target" ];
        wants = [ "network-pre.target" ];
        before = [ "network-pre.target" ];
        serviceConfig = { Type = "oneshot"; RemainAfterExit = true; };
        script = "${pkgs.iproute2}/bin/ip " + "link set dev ve-monitor address 46:64:af:c3:a7:91";
      };
      system.stateVersion = "24.11";
    };
  };
  # Attach the host ends with their tags once the container has started (again: the
  # ports are declared on the leaf too, so they survive the bridge's re-creation).
  systemd.services."container@monitor".postStart = lib.mkAfter ''
    ${config.virtualisation.vswitch.package}/bin/ovs-vsctl --may-exist add-port leaf4 ve-monitor tag=106 vlan_mode=access -- set Interface ve-monitor ofport_request=51674 external_ids:attached-mac=\"46:64:af:c3:a7:91\"
  '';

  # nixos-container bus: one extra veth per subnet, named like its
  # switch port at both ends. hostBridge is not used: it only works with Linux
  # bridges (nspawn enslaves by netlink), so the host end joins Open vSwitch here.
  containers.bus = {
    autoStart = true;
    privateNetwork = true;
    extraVeths."ve-bus.1" = { };
    extraVeths."ve-bus.2" = { };
    config = { config, lib, pkgs, ... }: {
      # The container resolves through its subnet's nameserver, not the host's.
      networking.useHostResolvConf = false;
      # Its own network namespace does not inherit the host's IPv6 switch: off here too,
      # so its interfaces get no link-local or SLAAC address that nothing plans.
      networking.enableIPv6 = false;
      networking.interfaces."ve-bus.1".ipv4.addresses = [ { address = "192.168.2.126"; prefixLength = 24; } ];
      networking.interfaces."ve-bus.2".ipv4.addresses = [ { address = "192.168.3.137"; prefixLength = 24; } ];
      networking.defaultGateway = { address = "192.168.2.1"; interface = "ve-bus.1"; };
      # Replies leave by the subnet they belong to: a later attachment's address looks up
      # its own table, whose default route goes through its own gateway (port security
      # on the first attachment's port would drop them).
      networking.interfaces."ve-bus.2".ipv4.routes = [ { address = "192.168.3.0"; prefixLength = 24; options = { table = "101"; }; } { address = "0.0.0.0"; prefixLength = 0; via = "192.168.3.1"; options = { table = "101"; }; } ];
      networking.localCommands = ''
        ip rule del from 192.168.3.137 lookup 101 2>/dev/null || true
        ip rule add from 192.168.3.137 lookup 101
      '';
      networking.nameservers = [ "192.168.2.254" "192.168.3.254" ];
      systemd.services."cimnet-mac-ve-bus.1" = {
        description = "Planned MAC of ve-bus.1";
        wantedBy = [ "network.target" ];
        wants = [ "network-pre.target" ];
        before = [ "network-pre.target" ];
        serviceConfig = { Type = "oneshot"; RemainAfterExit = true; };
        script = "${pkgs.iproute2}/bin/ip " + "link set dev ve-bus.1 address f2:08:5c:c1:fc:7e";
      };
      systemd.services."cimnet-mac-ve-bus.2" = {
        description = "Planned MAC of ve-bus.2";
        wantedBy = [ "network.target" ];
        wants = [ "network-pre.target" ];
        before = [ "network-pre.target" ];
        serviceConfig = { Type = "oneshot"; RemainAfterExit = true; };
        script = "${pkgs.iproute2}/bin/ip " + "link set dev ve-bus.2 address 9a:45:33:60:3a:89";
      };
      system.stateVersion = "24.11";
    };
  };
  # Attach the host ends with their tags once the container has started (again: the
  # ports are declared on the leaf too, so they survive the bridge's re-creation).
  systemd.services."container@bus".postStart = lib.mkAfter ''
    ${config.virtualisation.vswitch.package}/bin/ovs-vsctl --may-exist add-port leaf2 ve-bus.1 tag=102 vlan_mode=access -- set Interface ve-bus.1 ofport_request=39794 external_ids:attached-mac=\"f2:08:5c:c1:fc:7e\"
    ${config.virtualisation.vswitch.package}/bin/ovs-vsctl --may-exist add-port leaf3 ve-bus.2 tag=103 vlan_mode=access -- set Interface ve-bus.2 ofport_request=17519 external_ids:attached-mac=\"9a:45:33:60:3a:89\"
  '';
}
