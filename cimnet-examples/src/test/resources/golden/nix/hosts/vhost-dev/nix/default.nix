# cimnet: the network of host vhost-dev (generated; do not edit).
# Import this folder from the host's configuration: imports = [ ./nix ];
{ config, lib, pkgs, ... }:
{
  imports = [
    ./physical_network.nix
    ./virtual_network.nix
    ./firewall.nix
    # The host serves DNS: written by cimnet's Unbound renderer.
    ./unbound.nix
  ];
}
