#!/usr/bin/env bash
# Installs the Debian packages the real-tool tests need (nftables, unbound, openvswitch-switch,
# nix-bin, iproute2, dnsutils, iputils-ping, python3 for the lab's listeners and the watcher's
# packet counts, lldpd for the watcher's LLDP source, graphviz and chromium for the diagram tests,
# nodejs and npm for the Mermaid parser), only when one is missing. Without
# root or apt-get it says so loudly; the tests that need a missing tool then skip loudly, and fail
# under CI. Then it installs the pinned Mermaid parser into .tools/node (git-ignored).
set -euo pipefail
need=()
command -v nft >/dev/null 2>&1 || [ -x /usr/sbin/nft ] || need+=(nftables)
command -v unbound-checkconf >/dev/null 2>&1 || [ -x /usr/sbin/unbound-checkconf ] || need+=(unbound)
command -v ovs-vsctl >/dev/null 2>&1 && command -v ovsdb-client >/dev/null 2>&1 \
  || need+=(openvswitch-switch)
command -v nix-instantiate >/dev/null 2>&1 || need+=(nix-bin)
command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || need+=(iproute2)
command -v dig >/dev/null 2>&1 || need+=(dnsutils)
command -v ping >/dev/null 2>&1 || need+=(iputils-ping)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v lldpd >/dev/null 2>&1 || [ -x /usr/sbin/lldpd ] || need+=(lldpd)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)

# The Mermaid parser the diagram tests run under node: the npm package itself, pinned, with jsdom
# for the DOM it expects. Into the project's git-ignored .tools/node, never globally.
mermaid_parser() {
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/.tools/node"
  if [ -f "$dir/node_modules/mermaid/package.json" ] \
      && grep -q '"version": "11.12.2"' "$dir/node_modules/mermaid/package.json" \
      && [ -f "$dir/node_modules/jsdom/package.json" ]; then
    echo "test tools: mermaid parser present"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "!!!!! test tools missing: npm, so no Mermaid parser: the Mermaid test will skip loudly" \
         "here and fail under CI !!!!!" >&2
    return 0
  fi
  mkdir -p "$dir"
  echo "test tools: installing mermaid@11.12.2 and jsdom@26.1.0 into $dir"
  if ! npm install --prefix "$dir" --no-audit --no-fund --ignore-scripts --loglevel=error \
      mermaid@11.12.2 jsdom@26.1.0 >/dev/null; then
    echo "!!!!! test tools: npm could not install the Mermaid parser: the Mermaid test will" \
         "skip loudly here and fail under CI !!!!!" >&2
  fi
}

if [ ${#need[@]} -eq 0 ]; then
  echo "test tools: all present"
  mermaid_parser
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
mermaid_parser
