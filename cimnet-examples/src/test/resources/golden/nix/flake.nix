# cimnet: the NixOS modules of every host of network cim (generated; do not edit).
# In a host's configuration: imports = [ cim.nixosModules.<host> ]; where cim is this
# flake as an input (inputs.cim.url = "path:/where/it/is";).
{
  description = "cimnet: the network cim, one NixOS module per host";

  outputs = { self, ... }: {
    nixosModules = {
      vhost-dev = ./. + "/hosts/vhost-dev/nix";
    };
  };
}
