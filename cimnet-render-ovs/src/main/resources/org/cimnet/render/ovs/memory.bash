# What the script remembers of the switch between runs (see the first lines). Nothing here may
# fail the script: where anything cannot be known for sure, the switch is read.

# locate: finds the switch's ovsdb-server and its Open_vSwitch database file. Sets server (the
# server's process id) and served (the server's own descriptor of the file, /proc/<pid>/fd/<n>);
# leaves them empty for another server named by OVSDB_SERVER, no ovsdb-server.pid beside the
# socket, a process that does not hold that socket, or no Open_vSwitch file (a relay).
server=
served=
locate() {
  local sock pid comm fd target name path inodes inode listening=0
  local -A open=()
  [ -z "${OVSDB_SERVER:-}" ] || return 0
  if [ -n "${OVS_RUNDIR:-}" ]; then
    sock=$OVS_RUNDIR/db.sock
  else
    sock=$("${client[@]}" --help 2>/dev/null \
      | sed -n 's/^The default SERVER is unix:\(.*\)\.$/\1/p') || return 0
  fi
  [ -n "$sock" ] || return 0
  read -r pid 2>/dev/null <"${sock%/*}/ovsdb-server.pid" || return 0
  read -r comm 2>/dev/null <"/proc/$pid/comm" || return 0
  [ "$comm" = ovsdb-server ] || return 0
  while read -r fd target; do
    open[$target]=$fd
  done < <(find "/proc/$pid/fd" -mindepth 1 -printf '%p %l\n' 2>/dev/null)
  [ ${#open[@]} -gt 0 ] || return 0
  # The process must hold a socket bound to the path the client connects to.
  inodes=$(awk -v p="$sock" '{ s = $0; for (i = 1; i <= 7; i++) sub(/^[^ ]+ +/, "", s) }
    s == p { print $7 }' "/proc/$pid/net/unix" 2>/dev/null) || return 0
  for inode in $inodes; do
    if [ -n "${open["socket:[$inode]"]-}" ]; then listening=1; fi
  done
  [ "$listening" = 1 ] || return 0
  # Its database files are those whose lock it holds; one of them must be Open_vSwitch's.
  for target in "${!open[@]}"; do
    case $target in
      */.*.~lock~)
        name=${target##*/.}
        path=${target%/*}/${name%.~lock~}
        fd=${open[$path]-}
        if [ -n "$fd" ] && [ "$(ovsdb-tool db-name "$fd" 2>/dev/null)" = Open_vSwitch ]; then
          if [ -n "$served" ]; then
            served=
            return 0
          fi
          served=$fd
        fi ;;
    esac
  done
  if [ -n "$served" ]; then server=$pid; fi
}

# identity: the server's process id, then its database file's device, inode, size and
# modification time; nothing when the file is not known.
identity() {
  local ids
  [ -n "$served" ] || return 0
  ids=$(stat -L --printf='%d:%i:%s:%.9Y' "$served" 2>/dev/null) || return 0
  printf '%s %s\n' "$server" "$ids"
}

# safe FOLDER: whether the folder is this user's and nobody else may write in it, since what it
# holds is trusted.
safe() {
  local owner mode
  read -r owner mode < <(stat -c '%u %a' "$1" 2>/dev/null) || return 1
  [ "$owner" = "$EUID" ] && (( (8#$mode & 8#022) == 0 ))
}

# recall: copies the remembered state to $work/kept and succeeds if it was read from this
# database as it is now (its first line names the same identity). The copy is one file, whatever
# other runs write meanwhile.
recall() {
  local first
  { [ -n "$memory" ] && cp "$memory" "$work/kept"; } 2>/dev/null || return 1
  IFS= read -r first <"$work/kept" || return 1
  [ "$first" = "# $format $known" ]
}

# remember: keeps the state just read, headed by the database's identity, for the next run, and
# forgets what it kept of servers, or left from runs, that are gone.
remember() {
  local dir=${memory%/*} old
  {
    mkdir -p -m 700 "$dir" && safe "$dir" \
      && { printf '# %s %s\n' "$format" "$known"; cat "$work/state"; } >"$memory.$$" \
      && mv -f -T "$memory.$$" "$memory"
    for old in "$dir"/cimnet-ovsdb.*; do
      [[ ${old##*/} =~ ^cimnet-ovsdb\.([0-9]+)(\.([0-9]+))?$ ]] || continue
      if [ ! -e "/proc/${BASH_REMATCH[1]}" ] \
          || { [ -n "${BASH_REMATCH[3]}" ] && [ ! -e "/proc/${BASH_REMATCH[3]}" ]; }; then
        rm -f "$old"
      fi
    done
  } 2>/dev/null || true
}
