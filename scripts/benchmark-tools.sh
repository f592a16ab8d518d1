#!/usr/bin/env bash
# The real tools' side of the benchmark: runs nft, ovs-vsctl/ovs-ofctl (through setup.sh, against
# a private switch) and unbound-checkconf on what org.cimnet.examples.ToolBenchmark wrote, and
# prints, per case, cimnet's time, the tool's time on cimnet's output and their ratio, as rows
# of a Markdown table. Needs root (network namespaces, the switch's daemons).
#
#   mvn -q -B -pl cimnet-examples -am test-compile exec:exec@benchmark-tools
#   sudo scripts/benchmark-tools.sh cimnet-examples/target/benchmark-tools [RUNS]
#
# Times are wall clock, the median of RUNS runs (default 3). The switch cases run in order: the
# first apply once; RUNS times the first unchanged re-apply after a change (it reads the switch
# and remembers it) and a second one (it uses what the first remembered); RUNS times one
# container added and removed again on a remembered switch, each change followed by an untimed
# re-apply that remembers the switch again; and RUNS times the same change with nothing
# remembered (CIMNET_STATE empty). "cpu" is the user + system time of the tool and its children
# (for setup.sh, the script with ovsdb-client, ovs-vsctl, awk and ovs-ofctl; the switch's own
# daemons' time during the run is shown beside it).
set -euo pipefail

out=${1:?usage: benchmark-tools.sh OUT [RUNS]}
runs=${2:-3}
out=$(cd "$out" && pwd)
[ "$(id -u)" = 0 ] || { echo "benchmark-tools.sh: needs root" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "benchmark-tools.sh: /usr/bin/time is missing" >&2; exit 1; }
for tool in nft ip ovsdb-tool ovsdb-server ovsdb-client ovs-vswitchd ovs-vsctl ovs-ofctl \
    unbound-checkconf; do
  command -v "$tool" >/dev/null || { echo "benchmark-tools.sh: $tool is missing" >&2; exit 1; }
done

work=$(mktemp -d)
namespaces=()
cleanup() {
  for pidfile in "$work"/*/*.pid; do
    [ -e "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  sleep 0.5
  for ns in "${namespaces[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# timed COMMAND...: runs it, prints "<wall ms> <cpu ms>"; fails if the command does.
timed() {
  /usr/bin/time -o "$work/time" -f '%e %U %S' "$@" >/dev/null 2>"$work/err" || {
    cat "$work/err" >&2; return 1; }
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/time"
}

# median of "wall cpu" lines on stdin, by wall.
median() {
  sort -n | awk '{ w[NR] = $1; c[NR] = $2 } END { m = int((NR + 1) / 2); print w[m], c[m] }'
}

stage() { # stage CASE NAME: the median wall ms of one stage
  awk -F '\t' -v name="$2" '$1 == name { print $2 }' "$out/$1/cimnet.tsv"
}

row() { # row CASE WHAT CIMNET_MS TOOL WALL CPU
  awk -v c="$1" -v what="$2" -v ms="$3" -v tool="$4" -v wall="$5" -v cpu="$6" 'BEGIN {
    printf "| %s | %s | %d ms | %s | %d ms (cpu %s ms) | %.2f |\n", c, what, ms, tool, wall, cpu,
      (wall > 0 ? ms / wall : 0) }'
}

echo "uptime before: $(uptime)"
echo
echo "| case | cimnet | cimnet time | real tool on cimnet's output | tool time | cimnet / tool |"
echo "| --- | --- | ---: | --- | ---: | ---: |"

# The one-host firewall: nft loads the ruleset into a fresh namespace each run.
if [ -d "$out/firewall" ]; then
  nftfile=$(find "$out/firewall/hosts" -name nftables.nft | head -n 1)
  for ((r = 0; r < runs; r++)); do
    ns=cimnet-bench-nft-$$-$r
    ip netns add "$ns"
    namespaces+=("$ns")
    timed ip netns exec "$ns" nft -f "$nftfile"
    ip netns del "$ns"
  done | median | {
    read -r wall cpu
    row firewall "Firewalls.plan (one host)" "$(stage firewall firewall)" "nft -f" "$wall" "$cpu"
    total=$(( $(stage firewall check) + $(stage firewall 'render nix') ))
    row firewall "check + render nix" "$total" "nft -f" "$wall" "$cpu"
  }
  conf=$(find "$out/firewall/hosts" -name unbound.conf | head -n 1)
  for ((r = 0; r < runs; r++)); do timed unbound-checkconf "$conf"; done | median | {
    read -r wall cpu
    row firewall "render unbound" "$(stage firewall 'render unbound')" "unbound-checkconf" \
      "$wall" "$cpu"
  }
fi

# A private switch (userspace datapath) in its own namespace under $work/<name>.
switch() {
  local dir=$work/$1 ns=cimnet-bench-ovs-$$-$1
  mkdir -p "$dir"
  ip netns add "$ns"
  namespaces+=("$ns")
  ovsdb-tool create "$dir/conf.db" /usr/share/openvswitch/vswitch.ovsschema
  ip netns exec "$ns" ovsdb-server "$dir/conf.db" --remote=punix:"$dir/db.sock" \
    --unixctl="$dir/ovsdb-server.ctl" --pidfile="$dir/ovsdb-server.pid" \
    --log-file="$dir/ovsdb-server.log" --detach 2>/dev/null
  ovs-vsctl --db=unix:"$dir/db.sock" --no-wait init
  OVS_RUNDIR=$dir ip netns exec "$ns" ovs-vswitchd unix:"$dir/db.sock" \
    --unixctl="$dir/ovs-vswitchd.ctl" --pidfile="$dir/ovs-vswitchd.pid" \
    --log-file="$dir/ovs-vswitchd.log" --detach 2>/dev/null
}

# daemons DIR: the CPU milliseconds ovsdb-server and ovs-vswitchd have used so far.
daemons() {
  local total=0 pid ticks
  for pid in "$(cat "$1/ovsdb-server.pid")" "$(cat "$1/ovs-vswitchd.pid")"; do
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    total=$((total + ticks))
  done
  echo $((total * 1000 / $(getconf CLK_TCK)))
}

# once CASE COMMAND...: runs the command against the case's switch; prints "<wall ms> <cpu ms>
# <switch daemons' cpu ms>".
once() {
  local case=$1 before wall cpu
  shift
  before=$(daemons "$work/$case")
  read -r wall cpu < <(timed "$@")
  echo "$wall $cpu $(( $(daemons "$work/$case") - before ))"
}

# median3 of "wall cpu daemons" lines on stdin, by wall.
median3() {
  sort -n | awk '{ w[NR] = $1; c[NR] = $2; d[NR] = $3 }
    END { m = int((NR + 1) / 2); print w[m], c[m], d[m] }'
}

# apply CASE WHAT: prints the row of one "wall cpu daemons" line on stdin.
apply() {
  local wall cpu daemon
  read -r wall cpu daemon
  row "$1" "check + render ovs" "$total" "$2" "$wall" "$cpu, switch daemons $daemon"
}

# report NAME WHAT: prints the row of the median of the runs collected in $work/NAME, and
# forgets them.
report() {
  median3 <"$work/$1" | apply "$case" "$2 (median of $runs)"
  rm -f "$work/$1"
}

for case in ports-8000 ports-10000; do
  [ -d "$out/$case" ] || continue
  switch "$case"
  dir=$work/$case
  export OVS_RUNDIR=$dir OVS_VSCTL="ovs-vsctl --db=unix:$dir/db.sock --timeout=600" \
    CIMNET_STATE=$dir/memory
  script=$(find "$out/$case/hosts" -name setup.sh | head -n 1)
  more=$(find "$out/$case-plus-one/hosts" -name setup.sh | head -n 1)
  ports=$(stage "$case" ports)
  total=$(( $(stage "$case" check) + $(stage "$case" 'render ovs') ))
  once "$case" bash "$script" | apply "$case" "setup.sh, first apply ($ports ports)"
  # Unchanged re-applies: the first after a change reads the switch, the next remembers it. The
  # untimed run of the other script between pairs is the change.
  for ((r = 0; r < runs; r++)); do
    once "$case" bash "$script" >>"$work/read"
    once "$case" bash "$script" >>"$work/kept"
    bash "$more" >/dev/null
    bash "$script" >/dev/null
  done
  report read "setup.sh, unchanged re-apply, first after a change: reads the switch"
  report kept "setup.sh, unchanged re-apply, switch remembered"
  # One container added, then removed again, RUNS times, each on a remembered switch (the
  # untimed re-apply before each remembers it); each direction's median.
  for ((r = 0; r < runs; r++)); do
    bash "$script" >/dev/null
    once "$case" bash "$more" >>"$work/added"
    bash "$more" >/dev/null
    once "$case" bash "$script" >>"$work/removed"
  done
  report added "setup.sh, one container added, switch remembered"
  report removed "setup.sh, one container removed, switch remembered"
  # The same, with nothing remembered: each run reads the switch.
  for ((r = 0; r < runs; r++)); do
    CIMNET_STATE= once "$case" bash "$more" >>"$work/added-read"
    CIMNET_STATE= once "$case" bash "$script" >>"$work/removed-read"
  done
  report added-read "setup.sh, one container added, nothing remembered"
  report removed-read "setup.sh, one container removed, nothing remembered"
  # The same change by hand, for scale: one ovs-vsctl add-port (waiting for ovs-vswitchd, as
  # setup.sh does), then, untimed, its del-port.
  for ((r = 0; r < runs; r++)); do
    once "$case" $OVS_VSCTL add-port leaf1 bench-extra \
      -- set Interface bench-extra ofport_request=60999 \
      external_ids:attached-mac='"02:00:00:00:ee:ee"' -- set Port bench-extra tag=100 \
      >>"$work/byhand"
    $OVS_VSCTL del-port leaf1 bench-extra
  done
  report byhand "by hand: ovs-vsctl add-port of one port"
  # And converging on nothing by hand: ovs-vsctl asked for a bridge that is already there reads
  # what it needs of the switch and changes nothing.
  for ((r = 0; r < runs; r++)); do
    once "$case" $OVS_VSCTL --may-exist add-br leaf1 >>"$work/noop"
  done
  report noop "by hand: ovs-vsctl --may-exist add-br of a bridge already there"
  unset OVS_RUNDIR OVS_VSCTL CIMNET_STATE
done

echo
echo "uptime after: $(uptime)"
