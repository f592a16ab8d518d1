# Compares a host's plan with the switch's state and writes only the OVSDB transactions that
# make the switch match the plan (POSIX awk; no extension is used).
#
# Input files: the state (ovsdb-client --format=csv --data=bare dumps of the Interface, Port and
# Bridge tables, in that order, each under its "<table> table" line and its heading line,
# columns in any order; a first line that begins with "# " is skipped), then the plan
# (tab-separated lines, written by cimnet):
#   H <host> <datapath> <host as JSON> <datapath as JSON>
#   B <bridge> <bridge as JSON>
#   P <kind> <bridge> <port> <ofport> <want> <port as JSON> <port row> <interface row>
#     <attached-mac as JSON> <peer as JSON> <member as JSON>...
#     kind: c container, i internal, p patch, n the one trunk NIC, b bond;
#     want: the compared columns as this program prints them (see have());
#     port row, interface row: the columns to write, as members of a JSON object (no braces);
#     attached-mac, peer: the interface's external_ids:attached-mac and options:peer, or empty
#     where the interface has none.
# The plan is compared line by line as it is read; only what differs is kept for the end.
# mode=diff: writes <out>/tx.1, tx.2, ... (each one JSON array, the parameters of a "transact"
#   request) and prints how many. The first one changes bridges, the next ones remove ports, the
#   rest create or correct ports, each at most <budget> bytes, so that no call reaches the
#   kernel's limit for one argument. With none to write it checks the OpenFlow ports, as
#   mode=ofports does.
#   For the k-th bridge of the plan whose row it creates or corrects it writes <out>/changed.k.
#   When no port was created or corrected and every port holds its planned OpenFlow port, it
#   writes <out>/numbered.
#   When at most <checks> ports were created or corrected, it also writes <out>/ofports: the
#   transaction that selects their interfaces' names and OpenFlow ports, for mode=checked.
# mode=ofports: fails if an interface holds another OpenFlow port than the plan requests (the
#   state needs only the Interface table's name and ofport columns).
# mode=checked: the same for the interfaces in the reply to <out>/ofports (given instead of the
#   state).
BEGIN {
  FS = "\t"
  if (budget == "") budget = 122880
  if (checks == "") checks = 64
  bridges = 0
  todo = 0
  failed = 0
  table = ""
}

FNR == 1 { file++ }

# A remembered state begins with the script's note of where it came from.
file == 1 && FNR == 1 && substr($0, 1, 2) == "# " { next }

# The reply to <out>/ofports: rows of the interfaces' name and ofport columns.
file == 1 && mode == "checked" {
  m = split($0, list, /\{"name":"/)
  for (k = 2; k <= m; k++) {
    n = substr(list[k], 1, index(list[k], "\"") - 1)
    o = substr(list[k], index(list[k], "\"ofport\":") + 9)
    o = substr(o, 1, index(o, "}") - 1)
    iofport[n] = o ~ /^-?[0-9]+$/ ? o : ""
  }
  next
}

file == 1 && index($0, ",") == 0 && / table$/ {
  table = $0
  sub(/ table$/, "", table)
  heading = 1
  next
}
file == 1 && $0 == "" { next }
file == 1 && heading {
  n = csv($0)
  split("", col)
  for (k = 1; k <= n; k++) col[cell[k]] = k
  # Each column's cell number (0, an empty cell, where the dump lacks the column).
  xuuid = at("_uuid")
  xname = at("name")
  xtype = at("type")
  xreq = at("ofport_request")
  xofport = at("ofport")
  xmac = at("mac")
  xids = at("external_ids")
  xoptions = at("options")
  xmode = at("vlan_mode")
  xtag = at("tag")
  xtrunks = at("trunks")
  xbond = at("bond_mode")
  xlacp = at("lacp")
  xifaces = at("interfaces")
  xfail = at("fail_mode")
  xproto = at("protocols")
  xdp = at("datapath_type")
  xports = at("ports")
  heading = 0
  next
}
# The state, one row per line; a port's and an interface's compared columns are kept as one
# string, in the form of the plan's want field.
file == 1 {
  if (index($0, "\"")) csv($0)
  else split($0, cell, ",")
  cell[0] = ""
  if (table == "Interface") {
    n = cell[xname]
    u = cell[xuuid]
    iuuid[n] = u
    ifname[u] = n
    ihave[n] = cell[xtype] "|" cell[xreq] "|" mapget(cell[xids], "attached-mac") "|" \
      cell[xmac] "|" mapget(cell[xoptions], "peer")
    iofport[n] = cell[xofport]
  } else if (table == "Port") {
    n = cell[xname]
    u = cell[xuuid]
    puuid[n] = u
    portname[u] = n
    phave[n] = cell[xmode] "|" cell[xtag] "|" cell[xtrunks] "|" cell[xbond] "|" cell[xlacp] \
      "|" names(cell[xifaces])
  } else if (table == "Bridge") {
    b = cell[xname]
    buuid[b] = cell[xuuid]
    bmark[b] = mapget(cell[xids], "cimnet")
    bmarked[b] = mapkeys(cell[xids], "cimnet")
    bhave[b] = cell[xfail] "|" cell[xproto] "|" cell[xdp] "|" bmark[b]
    bports[b] = cell[xports]
    m = split(bports[b], list, " ")
    bcount[b] = m
    for (k = 1; k <= m; k++) port_bridge[portname[list[k]]] = b
  }
  next
}

$1 == "H" {
  host = $2
  datapath = $3
  hostjson = $4
  dpjson = $5
  next
}
$1 == "B" {
  bridges++
  bname[bridges] = $2
  bjson[bridges] = $3
  bjson_of[$2] = $3
  planned_bridge[$2] = 1
  # Its own internal port is not in the plan's port lines.
  if (($2 in port_bridge) && port_bridge[$2] == $2) on_plan[$2]++
  next
}
$1 == "P" {
  n = $4
  b = $3
  planned_on[n] = b
  if (mode != "diff") {
    ofport($5, n)
    next
  }
  if (n in port_bridge) {
    o = port_bridge[n]
    if (o == b) {
      on_plan[b]++
      if (have($2, n) == $6) {
        ofport($5, n)
        next
      }
    } else if (!(o in planned_bridge) && !(bmarked[o] && bmark[o] == host)) {
      # A planned port on a bridge that is neither the plan's nor this host's old one: changing
      # it would touch another owner's bridge, so nothing is changed.
      printf "cimnet: port %s is on bridge %s, which is not one of host %s's bridges;" \
        " not changing the switch\n", n, o, host > "/dev/stderr"
      failed = 1
    }
  }
  todo++
  line[todo] = $0
  next
}

END {
  if (mode != "diff") {
    printf "%s", misnumbered > "/dev/stderr"
    exit misnumbered != ""
  }
  if (failed) exit 1
  tx = 0
  begin_batch()
  # Bridges first, in one transaction: a new bridge is secure from its first moment.
  for (b in bmarked) {
    if (bmarked[b] && bmark[b] == host && !(b in planned_bridge)) {
      emit(mutate("Open_vSwitch", "[]", "[\"bridges\",\"delete\"," uuid(buuid[b]) "]"))
      dropped[b] = 1
    }
  }
  for (k = 1; k <= bridges; k++) {
    b = bname[k]
    if (!(b in buuid)) {
      # As ovs-vsctl add-br: the bridge with its own internal port, named as it is.
      id++
      emit(insert("Interface", "i" id, "\"name\":" bjson[k] ",\"type\":\"internal\"") "," \
        insert("Port", "p" id, "\"name\":" bjson[k] ",\"interfaces\":" named("i" id)) "," \
        insert("Bridge", "b" id, "\"name\":" bjson[k] "," bridge_row() \
          ",\"external_ids\":[\"map\",[[\"cimnet\"," hostjson "]]],\"ports\":" named("p" id)) \
        "," mutate("Open_vSwitch", "[]", "[\"bridges\",\"insert\"," named("b" id) "]"))
      changed(k)
    } else if (bhave[b] != "secure|OpenFlow13|" datapath "|" host) {
      emit(update("Bridge", by_name(bjson[k]), bridge_row()) "," \
        mutate("Bridge", by_name(bjson[k]), setkey("external_ids", "\"cimnet\"", hostjson)))
      changed(k)
    }
  }
  flush()
  # Then what the plan no longer has on its bridges (a port moving between them included):
  # only a bridge that holds more ports than the plan's is searched.
  for (k = 1; k <= bridges; k++) {
    b = bname[k]
    if (!(b in buuid) || bcount[b] == on_plan[b]) continue
    m = split(bports[b], list, " ")
    for (i = 1; i <= m; i++) {
      n = portname[list[i]]
      if (n != b && planned_on[n] != b) drop(b, list[i])
    }
  }
  flush()
  # Then every planned port that is missing or differs.
  for (k = 1; k <= todo; k++) port(line[k])
  flush()
  # The ports this run touches, whose OpenFlow ports are known only once ovs-vswitchd has
  # applied the change: a few are looked up by name, many in a dump of every interface.
  if (todo > 0 && todo <= checks && misnumbered == "") {
    s = ""
    for (k = 1; k <= todo; k++) {
      split(line[k], f, "\t")
      if (f[2] == "b") continue
      s = s ",{\"op\":\"select\",\"table\":\"Interface\",\"where\":" by_name(f[7]) \
        ",\"columns\":[\"name\",\"ofport\"]}"
    }
    if (s != "") {
      print "[\"Open_vSwitch\"" s "]" > (out "/ofports")
      close(out "/ofports")
    }
  }
  # Misnumbered ports fail only a diff that changes nothing: after a change the script checks
  # the numbers again, in mode=ofports.
  if (tx == 0 && misnumbered != "") {
    printf "%s", misnumbered > "/dev/stderr"
    exit 1
  }
  # No port created or corrected, and every port held its number: removing ports and correcting
  # bridges renumber nothing, so there is nothing to check after the change.
  if (todo == 0 && misnumbered == "") mark("numbered")
  print tx
}

# The compared columns of the switch's port n, for a port of the given kind.
function have(kind, n) {
  return kind == "b" ? phave[n] : phave[n] "|" ihave[n]
}

# Notes interface n if it holds an OpenFlow port other than the planned one.
function ofport(want, n,   o) {
  if (want == "" || !(n in iofport)) return
  o = iofport[n]
  if (o != "" && o != "-1" && o != want) {
    misnumbered = misnumbered "cimnet: interface " n " has OpenFlow port " o ", not " want \
      "; not loading flows\n"
  }
}

# The columns every cimnet bridge has besides its name, ports and mark.
function bridge_row() {
  return "\"fail_mode\":\"secure\",\"protocols\":\"OpenFlow13\",\"datapath_type\":" dpjson
}

# Creates, replaces or corrects one planned port (a plan line).
function port(s,   f, n, b, u, iu, list) {
  split(s, f, "\t")
  n = f[4]
  b = f[3]
  u = (n in puuid) ? puuid[n] : ""
  if (u != "" && (port_bridge[n] != b || dropped[b])) u = ""
  if (u == "") {
    create(f)
    return
  }
  if (split(phave[n], list, "|") < 6 || list[6] != wanted(f[6], 6)) {
    # Its interfaces are not the planned ones: replace the port in one transaction.
    if (batch_bytes > 0 && batch_bytes + 4096 > budget) flush()
    hold = 1
    drop(b, u)
    create(f)
    hold = 0
    return
  }
  s = update("Port", by_uuid(u), f[8])
  if (f[2] != "b") {
    iu = iuuid[n]
    s = s "," update("Interface", by_uuid(iu), f[9]) "," mutate("Interface", by_uuid(iu), \
      setkey("external_ids", "\"attached-mac\"", f[10]) "," setkey("options", "\"peer\"", f[11]))
  }
  group(s)
}

# Field i of a want string.
function wanted(want, i,   list) {
  split(want, list, "|")
  return list[i]
}

# Creates port f (a split plan line) with its interface or a bond's members and adds it to its
# bridge.
function create(f,   s, i, ids, row) {
  id++
  s = ""
  if (f[2] == "b") {
    ids = ""
    for (i = 12; i in f; i++) {
      s = s insert("Interface", "m" id "_" i, "\"name\":" f[i]) ","
      ids = ids (i > 12 ? "," : "") named("m" id "_" i)
    }
    ids = "[\"set\",[" ids "]]"
  } else {
    row = "\"name\":" f[7] "," f[9]
    if (f[10] != "") row = row ",\"external_ids\":[\"map\",[[\"attached-mac\"," f[10] "]]]"
    if (f[11] != "") row = row ",\"options\":[\"map\",[[\"peer\"," f[11] "]]]"
    s = insert("Interface", "i" id, row) ","
    ids = named("i" id)
  }
  s = s insert("Port", "p" id, "\"name\":" f[7] ",\"interfaces\":" ids "," f[8])
  group(s)
  adds[f[3]] = adds[f[3]] (adds[f[3]] == "" ? "" : ",") named("p" id)
  batch_bytes += length(named("p" id)) + 1
}

# Removes port u from bridge b; the database deletes the port and its interfaces with it.
function drop(b, u) {
  if (!hold && batch_bytes > 0 && batch_bytes + 300 > budget) flush()
  drops[b] = drops[b] (drops[b] == "" ? "" : ",") uuid(u)
  batch_bytes += length(uuid(u)) + 1
}

# Marks the k-th planned bridge's row as created or corrected: ovs-vswitchd may build the bridge
# anew (a new datapath type), so its flows are loaded even where they matched before.
function changed(k) {
  mark("changed." k)
}

# Leaves the empty file <out>/<name>, a mark the script tests for.
function mark(name,   file) {
  file = out "/" name
  printf "" > file
  close(file)
}

function insert(t, name, row) {
  return "{\"op\":\"insert\",\"table\":\"" t "\",\"uuid-name\":\"" name "\",\"row\":{" row "}}"
}

function update(t, where, row) {
  return "{\"op\":\"update\",\"table\":\"" t "\",\"where\":" where ",\"row\":{" row "}}"
}

function mutate(t, where, mutations) {
  return "{\"op\":\"mutate\",\"table\":\"" t "\",\"where\":" where ",\"mutations\":[" \
    mutations "]}"
}

# The mutations that set one key of a map column (or remove it, for an empty value), leaving
# its other keys alone.
function setkey(column, key, value,   s) {
  s = "[\"" column "\",\"delete\",[\"set\",[" key "]]]"
  if (value != "") s = s ",[\"" column "\",\"insert\",[\"map\",[[" key "," value "]]]]"
  return s
}

function uuid(u) {
  return "[\"uuid\",\"" u "\"]"
}

function named(name) {
  return "[\"named-uuid\",\"" name "\"]"
}

function by_uuid(u) {
  return "[[\"_uuid\",\"==\"," uuid(u) "]]"
}

function by_name(json) {
  return "[[\"name\",\"==\"," json "]]"
}

# A group of operations that must share a transaction; starts a new one when the budget is spent.
function group(s) {
  if (!hold && batch_bytes > 0 && batch_bytes + length(s) + 300 > budget) flush()
  emit(s)
}

function emit(s) {
  batch = batch (batch == "" ? "" : ",") s
  batch_bytes += length(s) + 1
}

function begin_batch() {
  batch = ""
  batch_bytes = 0
  split("", adds)
  split("", drops)
}

# Ends the transaction: the bridges' port lists change last, in one mutation per bridge.
function flush(   b, file) {
  for (b in drops) emit(mutate("Bridge", by_name(bjson_of[b]), \
    "[\"ports\",\"delete\",[\"set\",[" drops[b] "]]]"))
  for (b in adds) emit(mutate("Bridge", by_name(bjson_of[b]), \
    "[\"ports\",\"insert\",[\"set\",[" adds[b] "]]]"))
  if (batch != "") {
    tx++
    file = out "/tx." tx
    print "[\"Open_vSwitch\"," batch "]" > file
    close(file)
  }
  begin_batch()
}

# The names of the interfaces with the given UUIDs, sorted, separated by spaces.
function names(uuids,   m, list, i, j, t, s) {
  if (index(uuids, " ") == 0) return ifname[uuids]
  m = split(uuids, list, " ")
  for (i = 1; i <= m; i++) list[i] = ifname[list[i]]
  for (i = 2; i <= m; i++) {
    t = list[i]
    for (j = i - 1; j >= 1 && list[j] > t; j--) list[j + 1] = list[j]
    list[j + 1] = t
  }
  s = list[1]
  for (i = 2; i <= m; i++) s = s " " list[i]
  return s
}

# The cell number of a column of the heading, or 0.
function at(name) {
  return (name in col) ? col[name] : 0
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
function mapget(map, key,   i) {
  if (map == "") return ""
  i = index(" " map, " " key "=")
  if (i == 0) return ""
  map = substr(map, i + length(key) + 1)
  i = index(map, " ")
  return i ? substr(map, 1, i - 1) : map
}

# 1 if the bare map has the key.
function mapkeys(map, key) {
  return index(" " map, " " key "=") > 0
}
