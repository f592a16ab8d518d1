# cimnet: Unbound for host vhost-dev, domain cim.internal. Generated; do not edit.
{ ... }:

{
  services.unbound = {
    enable = true;
    # nixpkgs leaves the build-time unbound-checkconf off unless asked.
    checkconf = true;
    settings = {
      server = {
        interface = [
          "127.0.0.1"
          "192.168.1.254"
          "192.168.7.254"
          "192.168.2.254"
          "192.168.3.254"
          "192.168.4.254"
          "192.168.5.254"
          "192.168.6.254"
        ];
        port = 53;
        do-ip6 = false;
        hide-identity = true;
        hide-version = true;
        access-control = [
          "127.0.0.0/8 allow"
          "192.168.1.0/24 allow"
          "192.168.7.0/24 allow"
          "192.168.2.0/24 allow"
          "192.168.3.0/24 allow"
          "192.168.4.0/24 allow"
          "192.168.5.0/24 allow"
          "192.168.6.0/24 allow"
          "0.0.0.0/0 refuse"
        ];
        local-zone = [
          "\"cim.internal.\" static"
          "\"0.168.192.in-addr.arpa.\" static"
          "\"1.168.192.in-addr.arpa.\" static"
          "\"2.168.192.in-addr.arpa.\" static"
          "\"3.168.192.in-addr.arpa.\" static"
          "\"4.168.192.in-addr.arpa.\" static"
          "\"5.168.192.in-addr.arpa.\" static"
          "\"6.168.192.in-addr.arpa.\" static"
          "\"7.168.192.in-addr.arpa.\" static"
        ];
        local-data = [
          "\"gw.lan.cim.internal. 300 IN A 192.168.1.1\""
          "\"ns.lan.cim.internal. 300 IN A 192.168.1.254\""
          "\"vhost-dev.lan.cim.internal. 300 IN A 192.168.1.100\""
          "\"files.lan.cim.internal. 300 IN A 192.168.1.59\""
          "\"gw.comms.cim.internal. 300 IN A 192.168.2.1\""
          "\"ns.comms.cim.internal. 300 IN A 192.168.2.254\""
          "\"vhost-dev.comms.cim.internal. 300 IN A 192.168.2.100\""
          "\"mq1.comms.cim.internal. 300 IN A 192.168.2.132\""
          "\"bus.comms.cim.internal. 300 IN A 192.168.2.126\""
          "\"gw.internal.cim.internal. 300 IN A 192.168.3.1\""
          "\"ns.internal.cim.internal. 300 IN A 192.168.3.254\""
          "\"vhost-dev.internal.cim.internal. 300 IN A 192.168.3.100\""
          "\"db1.internal.cim.internal. 300 IN A 192.168.3.180\""
          "\"bus.internal.cim.internal. 300 IN A 192.168.3.137\""
          "\"gw.dmz.cim.internal. 300 IN A 192.168.4.1\""
          "\"ns.dmz.cim.internal. 300 IN A 192.168.4.254\""
          "\"vhost-dev.dmz.cim.internal. 300 IN A 192.168.4.100\""
          "\"web1.dmz.cim.internal. 300 IN A 192.168.4.86\""
          "\"gw.agents.cim.internal. 300 IN A 192.168.5.1\""
          "\"ns.agents.cim.internal. 300 IN A 192.168.5.254\""
          "\"agent1.agents.cim.internal. 300 IN A 192.168.5.152\""
          "\"gw.mgmt.cim.internal. 300 IN A 192.168.6.1\""
          "\"ns.mgmt.cim.internal. 300 IN A 192.168.6.254\""
          "\"monitor.mgmt.cim.internal. 300 IN A 192.168.6.145\""
          "\"gw.wifi.cim.internal. 300 IN A 192.168.7.1\""
          "\"ns.wifi.cim.internal. 300 IN A 192.168.7.254\""
          "\"portal.wifi.cim.internal. 300 IN A 192.168.7.166\""
        ];
        local-data-ptr = [
          "\"192.168.1.1 300 gw.lan.cim.internal.\""
          "\"192.168.1.254 300 ns.lan.cim.internal.\""
          "\"192.168.1.100 300 vhost-dev.lan.cim.internal.\""
          "\"192.168.1.59 300 files.lan.cim.internal.\""
          "\"192.168.2.1 300 gw.comms.cim.internal.\""
          "\"192.168.2.254 300 ns.comms.cim.internal.\""
          "\"192.168.2.100 300 vhost-dev.comms.cim.internal.\""
          "\"192.168.2.132 300 mq1.comms.cim.internal.\""
          "\"192.168.2.126 300 bus.comms.cim.internal.\""
          "\"192.168.3.1 300 gw.internal.cim.internal.\""
          "\"192.168.3.254 300 ns.internal.cim.internal.\""
          "\"192.168.3.100 300 vhost-dev.internal.cim.internal.\""
          "\"192.168.3.180 300 db1.internal.cim.internal.\""
          "\"192.168.3.137 300 bus.internal.cim.internal.\""
          "\"192.168.4.1 300 gw.dmz.cim.internal.\""
          "\"192.168.4.254 300 ns.dmz.cim.internal.\""
          "\"192.168.4.100 300 vhost-dev.dmz.cim.internal.\""
          "\"192.168.4.86 300 web1.dmz.cim.internal.\""
          "\"192.168.5.1 300 gw.agents.cim.internal.\""
          "\"192.168.5.254 300 ns.agents.cim.internal.\""
          "\"192.168.5.152 300 agent1.agents.cim.internal.\""
          "\"192.168.6.1 300 gw.mgmt.cim.internal.\""
          "\"192.168.6.254 300 ns.mgmt.cim.internal.\""
          "\"192.168.6.145 300 monitor.mgmt.cim.internal.\""
          "\"192.168.7.1 300 gw.wifi.cim.internal.\""
          "\"192.168.7.254 300 ns.wifi.cim.internal.\""
          "\"192.168.7.166 300 portal.wifi.cim.internal.\""
        ];
      };
      forward-zone = [
        {
          name = "\".\"";
          forward-addr = [
            "9.9.9.9"
            "149.112.112.112"
          ];
        }
      ];
    };
  };
}
