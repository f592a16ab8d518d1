#!/usr/bin/env bash
# Times the cimnet command on the seed, each run a fresh JVM, beside the real tools reading what
# it wrote: `cimnet render` and `cimnet check` cold, a no-op `./render.sh` (nothing to rebuild),
# and the JVM's own start as the floor. Prints the median of RUNS runs (default 7) per line and
# the machine's load. Usage: scripts/benchmark-cli.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
cimnet=cimnet-cli/target/cimnet
seed=cimnet-examples/src/main/resources/seed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./render.sh "$work/warmup" >/dev/null   # builds cimnet if anything changed, so later runs are no-ops

# Median wall time in ms of running "$@" $runs times (output discarded).
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "load before: $(uptime)"
echo "runs per line: $runs (median wall time); JVM $(java -version 2>&1 | head -1)"
echo
echo "| what | median |"
echo "| --- | ---: |"
jvm=$(median java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version)
echo "| JVM start alone (\`java -version\`, the floor of any Java command) | $jvm ms |"
render=$(median "$cimnet" render "$seed" -o "$work/out")
files=$(find "$work/out" -type f | wc -l)
echo "| cold \`cimnet render\` of the seed's YAML ($files files, every renderer) | $render ms |"
check=$(median "$cimnet" check "$seed")
echo "| cold \`cimnet check\` of the seed's YAML | $check ms |"
noop=$(median ./render.sh "$work/noop")
echo "| no-op \`./render.sh\` (nothing to rebuild: find + cimnet render) | $noop ms |"
"$cimnet" render "$seed" -o "$work/out" >/dev/null
host="$work/out/hosts/vhost-dev"
tools=0
if command -v unbound-checkconf >/dev/null; then
  t=$(median unbound-checkconf "$host/unbound/unbound.conf")
  echo "| \`unbound-checkconf\` on the unbound.conf cimnet wrote | $t ms |"
  tools=$((tools + t))
fi
if command -v nft >/dev/null && [ "$(id -u)" = 0 ]; then
  t=$(median nft -c -f "$host/nftables.nft")
  echo "| \`nft -c -f\` on the nftables.nft cimnet wrote | $t ms |"
  tools=$((tools + t))
fi
if command -v nix-instantiate >/dev/null; then
  t=$(median nix-instantiate --parse "$host/nix/default.nix" "$host/nix/physical_network.nix" \
    "$host/nix/virtual_network.nix" "$host/nix/firewall.nix" "$host/nix/unbound.nix")
  echo "| \`nix-instantiate --parse\` on the five .nix files cimnet wrote | $t ms |"
  tools=$((tools + t))
fi
if [ "$tools" -gt 0 ]; then
  echo
  echo "cimnet render / the tools above together: $(awk -v a="$render" -v b="$tools" \
    'BEGIN {printf "%.2f", a / b}')"
fi
echo "load after: $(uptime)"
