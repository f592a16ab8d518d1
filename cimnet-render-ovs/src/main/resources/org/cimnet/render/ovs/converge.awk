# Compares a host's plan with the switch's state and writes only the ovs-vsctl transactions that
# make the switch match the plan (POSIX awk; no extension is used).
#
# Input files: the plan (tab-separated lines, written by cimnet), then the state (one ovs-vsctl
# --format=csv --data=bare listing of the Bridge, Port and Interface tables, each under its
# heading line).
#   H <host> <datapath>
#   B <bridge> <assignment>...                  the bridge's columns, as ovs-vsctl arguments
#   P <kind> <bridge> <port> <ofport> <want> <members> <assignment>...
#     kind: c container, i internal, p patch, n the one trunk NIC, b bond;
#     want: the compared columns as this program prints them (see have());
#     assignment: p:<column>=<value> for the Port row, i:<column>=<value> for the Interface row
#     (both when created and when corrected), n:name=<name> for both rows when created, and
#     m:name=<name> for each member interface of a bond.
# mode=diff: writes <out>/tx.1, tx.2, ... (one argument per line) and prints how many. The first
#   one changes bridges, the next ones delete ports, the rest create or correct ports, each at
#   most <budget> bytes of arguments, so no call reaches the kernel's argument limit. With none to
#   write it checks the OpenFlow ports, as mode=ofports does.
# mode=ofports: fails if an interface holds another OpenFlow port than the plan requests.
BEGIN {
  FS = "\t"
  table = 0
  if (budget == "") budget = 262144
  ports = 0
  bridges = 0
  failed = 0
}

FNR == 1 { file++ }

file == 1 {
  if ($1 == "H") {
    host = $2
    datapath = $3
  } else if ($1 == "B") {
    bridges++
    bname[bridges] = $2
    planned_bridge[$2] = 1
    bargs[bridges] = ""
    for (f = 3; f <= NF; f++) bargs[bridges] = bargs[bridges] (f > 3 ? "\t" : "") $f
  } else if ($1 == "P") {
    ports++
    kind[ports] = $2
    pbridge[ports] = $3
    pname[ports] = $4
    pofport[ports] = $5
    pwant[ports] = $6
    pmembers[ports] = $7
    pargs[ports] = ""
    for (f = 8; f <= NF; f++) pargs[ports] = pargs[ports] (f > 8 ? "\t" : "") $f
    planned_on[$4] = $3
  }
  next
}

# The state: a heading starts each table; data rows begin with their UUID.
/^_uuid,/ { table++; next }
$0 == "" { next }
{
  n = csv($0)
  if (table == 1) {
    u = cell[1]
    buuid[cell[2]] = u
    bfail[cell[2]] = cell[3]
    bproto[cell[2]] = cell[4]
    bdp[cell[2]] = cell[5]
    bmark[cell[2]] = mapget(cell[6], "cimnet")
    bmarked[cell[2]] = mapkeys(cell[6], "cimnet")
    m = split(cell[7], list, " ")
    for (k = 1; k <= m; k++) port_bridge[list[k]] = cell[2]
  } else if (table == 2) {
    u = cell[1]
    puuid[cell[2]] = u
    portname[u] = cell[2]
    pvm[u] = cell[3]
    ptag[u] = cell[4]
    ptrunks[u] = cell[5]
    pbond[u] = cell[6]
    placp[u] = cell[7]
    pifaces[u] = cell[8]
  } else if (table == 3) {
    u = cell[1]
    iuuid[cell[2]] = u
    ifname[u] = cell[2]
    itype[u] = cell[3]
    ireq[u] = cell[4]
    iofport[u] = cell[5]
    imac[u] = cell[6]
    iamac[u] = mapget(cell[7], "attached-mac")
    ipeer[u] = mapget(cell[8], "peer")
  }
}

END {
  if (mode == "ofports") {
    ofports()
    exit failed
  }
  refuse()
  if (failed) exit 1
  tx = 0
  begin_batch()
  # Bridges first, in one transaction: a new bridge is secure from its first moment.
  for (b in bmarked) {
    if (bmarked[b] && bmark[b] == host && !(b in planned_bridge)) {
      emit("--\tremove\tOpen_vSwitch\t.\tbridges\t" buuid[b])
      dropped[b] = 1
    }
  }
  for (k = 1; k <= bridges; k++) {
    b = bname[k]
    if (!(b in buuid)) {
      emit("--\t--may-exist\tadd-br\t" b "\t--\tset\tBridge\t" b "\t" bargs[k])
    } else if (bfail[b] != "secure" || bproto[b] != "OpenFlow13" || bdp[b] != datapath \
        || bmark[b] != host) {
      emit("--\tset\tBridge\t" buuid[b] "\t" bargs[k])
    }
  }
  flush()
  # Then what the plan no longer has on its bridges (a port moving between them included).
  for (u in portname) {
    b = port_bridge[u]
    if (b in planned_bridge && portname[u] != b && planned_on[portname[u]] != b) {
      group("--\tremove\tBridge\t" buuid[b] "\tports\t" u)
    }
  }
  flush()
  # Then every planned port that is missing or differs.
  for (k = 1; k <= ports; k++) port(k)
  flush()
  if (tx == 0) ofports()
  print tx
  exit failed
}

# A planned port on a bridge that is neither the plan's nor this host's old one: changing it
# would touch another owner's bridge, so nothing is changed.
function refuse(   k, n, u, b) {
  for (k = 1; k <= ports; k++) {
    n = pname[k]
    if (!(n in puuid)) continue
    u = puuid[n]
    b = port_bridge[u]
    if (b != "" && !(b in planned_bridge) && !(bmarked[b] && bmark[b] == host)) {
      printf "cimnet: port %s is on bridge %s, which is not one of host %s's bridges;" \
        " not changing the switch\n", n, b, host > "/dev/stderr"
      failed = 1
    }
  }
}

function port(k,   n, u, b, ok, iu, m, list) {
  iu = ""
  n = pname[k]
  b = pbridge[k]
  u = (n in puuid) ? puuid[n] : ""
  if (u != "" && (port_bridge[u] != b || dropped[b])) u = ""
  if (u == "") {
    create(k, "")
    return
  }
  if (kind[k] == "b") {
    ok = members(u) == pmembers[k]
  } else {
    m = split(pifaces[u], list, " ")
    ok = m == 1 && ifname[list[1]] == n
    iu = list[1]
  }
  if (!ok) {
    # Its interfaces are not the planned ones: replace the port in one transaction.
    create(k, "--\tremove\tBridge\t" buuid[b] "\tports\t" u)
    return
  }
  if (have(k, u, iu) == pwant[k]) return
  group("--\tset\tPort\t" u assignments(pargs[k], "p:") \
    (kind[k] == "b" ? "" : "\t--\tset\tInterface\t" iu assignments(pargs[k], "i:")))
}

# The compared columns of an existing port, in the form of the plan's want field.
function have(k, u, iu,   s) {
  s = pvm[u] "|" ptag[u] "|" ptrunks[u]
  if (kind[k] == "b") return s "|" pbond[u] "|" placp[u]
  s = s "|" itype[iu] "|" ireq[iu]
  if (kind[k] == "c") return s "|" iamac[iu]
  if (kind[k] == "i") return s "|" imac[iu]
  if (kind[k] == "p") return s "|" ipeer[iu]
  return s
}

# The names of a port's interfaces, sorted, separated by spaces.
function members(u,   m, list, names, i, j, t, s) {
  m = split(pifaces[u], list, " ")
  for (i = 1; i <= m; i++) names[i] = ifname[list[i]]
  for (i = 2; i <= m; i++) {
    t = names[i]
    for (j = i - 1; j >= 1 && names[j] > t; j--) names[j + 1] = names[j]
    names[j + 1] = t
  }
  s = ""
  for (i = 1; i <= m; i++) s = s (i > 1 ? " " : "") names[i]
  return s
}

function create(k, before,   n, s, m, list, i, ids) {
  n = pname[k]
  s = before
  id++
  if (kind[k] == "b") {
    m = split(substr(assignments(pargs[k], "m:"), 2), list, "\t")
    ids = ""
    for (i = 1; i <= m; i++) {
      s = s (s == "" ? "" : "\t") "--\t--id=@m" id "_" i "\tcreate\tInterface\t" list[i]
      ids = ids (i > 1 ? "," : "") "@m" id "_" i
    }
  } else {
    s = s (s == "" ? "" : "\t") "--\t--id=@i" id "\tcreate\tInterface" \
      assignments(pargs[k], "n:") assignments(pargs[k], "i:")
    ids = "@i" id
  }
  s = s "\t--\t--id=@p" id "\tcreate\tPort" assignments(pargs[k], "n:") "\tinterfaces=[" ids "]" \
    assignments(pargs[k], "p:")
  group(s)
  adds[pbridge[k]] = adds[pbridge[k]] "\t@p" id
  batch_bytes += length(id) + 3
}

# The plan's assignments with the given prefix, prefix removed, each after a tab.
function assignments(all, prefix,   m, list, i, s) {
  m = split(all, list, "\t")
  s = ""
  for (i = 1; i <= m; i++) {
    if (index(list[i], prefix) == 1) s = s "\t" substr(list[i], length(prefix) + 1)
  }
  return s
}

# A group of arguments that must share a transaction; starts a new one when the budget is spent.
function group(s) {
  if (batch_bytes > 0 && batch_bytes + length(s) + 16 > budget) flush()
  emit(s)
}

function emit(s) {
  batch = batch (batch == "" ? "" : "\t") s
  batch_bytes += length(s) + 1
}

function begin_batch() {
  batch = ""
  batch_bytes = 0
  split("", adds)
}

function flush(   b, m, list, i, file) {
  for (b in adds) batch = batch (batch == "" ? "" : "\t") "--\tadd\tBridge\t" b "\tports" adds[b]
  if (batch != "") {
    tx++
    file = out "/tx." tx
    m = split(batch, list, "\t")
    for (i = 1; i <= m; i++) print list[i] > file
    close(file)
  }
  begin_batch()
}

function ofports(   k, n, u) {
  for (k = 1; k <= ports; k++) {
    if (pofport[k] == "") continue
    n = pname[k]
    if (!(n in iuuid)) continue
    u = iuuid[n]
    if (iofport[u] != "" && iofport[u] != "-1" && iofport[u] != pofport[k]) {
      printf "cimnet: interface %s has OpenFlow port %s, not %s; not loading flows\n", \
        n, iofport[u], pofport[k] > "/dev/stderr"
      failed = 1
    }
  }
}

# Splits one CSV line into cell[1..n] (quoted cells may hold commas and doubled quotes).
function csv(line,   n, i, c, q, s) {
  split("", cell)
  if (index(line, "\"") == 0) return split(line, cell, ",")
  n = 1
  s = ""
  q = 0
  for (i = 1; i <= length(line); i++) {
    c = substr(line, i, 1)
    if (q) {
      if (c == "\"") {
        if (substr(line, i + 1, 1) == "\"") {
          s = s c
          i++
        } else {
          q = 0
        }
      } else {
        s = s c
      }
    } else if (c == "\"") {
      q = 1
    } else if (c == ",") {
      cell[n++] = s
      s = ""
    } else {
      s = s c
    }
  }
  cell[n] = s
  return n
}

# The value of key in a bare OVSDB map ("k1=v1 k2=v2"), or "".
function mapget(map, key,   m, list, i) {
  m = split(map, list, " ")
  for (i = 1; i <= m; i++) {
    if (index(list[i], key "=") == 1) return substr(list[i], length(key) + 2)
  }
  return ""
}

# 1 if the bare map has the key.
function mapkeys(map, key) {
  return index(" " map, " " key "=") > 0
}
