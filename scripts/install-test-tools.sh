#!/usr/bin/env bash
# Installs the Debian packages the real-tool tests need (nftables, unbound, openvswitch-switch,
# nix-bin, iproute2, dnsutils, iputils-ping, python3 for the lab's listeners), only when one is missing. Without root or apt-get it
# says so loudly; the tests that need a missing tool then skip loudly, and fail under CI.
set -euo pipefail
need=()
command -v nft >/dev/null 2>&1 || [ -x /usr/sbin/nft ] || need+=(nftables)
command -v unbound-checkconf >/dev/null 2>&1 || [ -x /usr/sbin/unbound-checkconf ] || need+=(unbound)
command -v ovs-vsctl >/dev/null 2>&1 || need+=(openvswitch-switch)
command -v nix-instantiate >/dev/null 2>&1 || need+=(nix-bin)
command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || need+=(iproute2)
command -v dig >/dev/null 2>&1 || need+=(dnsutils)
command -v ping >/dev/null 2>&1 || need+=(iputils-ping)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -eq 0 ]; then
  echo "test tools: all present"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test tools: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # The packages start their daemons where systemd runs; the tests start private ones instead.
  echo "test tools: installed"
else
  echo "!!!!! test tools missing: ${need[*]} (not root or no apt-get): the real-tool tests will" \
       "skip loudly here and fail under CI !!!!!" >&2
fi
