# What the script remembers of the switch between runs (see the first lines). Nothing here may
# fail the script: where anything cannot be known for sure, the switch is read.

# locate: finds the switch's ovsdb-server and its Open_vSwitch database file. Sets server (the
# server's process id) and served (the server's own descriptor of the file, /proc/<pid>/fd/<n>);
# leaves them empty for another server named by OVSDB_SERVER, no ovsdb-server.pid beside the
# socket the client uses, a process that does not hold that socket, or no standalone
# Open_vSwitch file (a relay, a cluster).
server=
served=
locate() {
  local sock pid comm fd target name path inodes inode listening=0
  local -A open=()
  [ -z "${OVSDB_SERVER:-}" ] || return 0
  # The socket as the client itself resolves it (OVS_RUNDIR, or the default it was built with).
  sock=$("${client[@]}" --help 2>/dev/null \
    | sed -n 's/^The default SERVER is unix:\(.*\)\.$/\1/p') || return 0
  [ -n "$sock" ] || return 0
  read -r pid 2>/dev/null <"${sock%/*}/ovsdb-server.pid" || return 0
  [[ $pid =~ ^[1-9][0-9]*$ ]] || return 0
  read -r comm 2>/dev/null <"/proc/$pid/comm" || return 0
  [ "$comm" = ovsdb-server ] || return 0
  while read -r fd target; do
    # A descriptor closed while it was listed has no target (an empty key would end bash).
    if [ -n "$target" ]; then open[$target]=$fd; fi
  done < <(find "/proc/$pid/fd" -mindepth 1 -printf '%p %l\n' 2>/dev/null)
  [ ${#open[@]} -gt 0 ] || return 0
  # The process must hold a socket bound to the path the client connects to.
  inodes=$(SOCK=$sock awk '{ s = $0; for (i = 1; i <= 7; i++) sub(/^[^ ]+ +/, "", s) }
    s == ENVIRON["SOCK"] { print $7 }' "/proc/$pid/net/unix" 2>/dev/null) || return 0
  for inode in $inodes; do
    if [ -n "${open["socket:[$inode]"]-}" ]; then listening=1; fi
  done
  [ "$listening" = 1 ] || return 0
  # Its database files are those whose lock it holds; exactly one must be Open_vSwitch's, in the
  # standalone format, which holds every committed change before the server answers.
  for target in "${!open[@]}"; do
    case $target in
      */.*.~lock~)
        name=${target##*/.}
        path=${target%/*}/${name%.~lock~}
        fd=${open[$path]-}
        if [ -n "$fd" ] && [ "$(ovsdb-tool db-name "$fd" 2>/dev/null)" = Open_vSwitch ]; then
          if [ -n "$served" ] || ! ovsdb-tool db-is-standalone "$fd" 2>/dev/null; then
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
  ids=$(stat -L --printf='%d:%i:%s:%.9Y' -- "$served" 2>/dev/null) || return 0
  printf '%s %s\n' "$server" "$ids"
}

# safe FOLDER: whether what the folder holds can be trusted: the folder is this user's and only
# it may write there, and every folder above it belongs to this user or root and lets no one
# else rename what it holds (not writable by others, or sticky as /tmp is).
safe() {
  local dir folders=() owner mode first=1 seen=0
  dir=$1
  [[ $dir == /* ]] || dir=$PWD/$dir
  while :; do
    folders+=("$dir")
    [ "$dir" != / ] || break
    dir=${dir%/*}
    dir=${dir:-/}
  done
  while read -r owner mode; do
    seen=$((seen + 1))
    [[ $owner =~ ^[0-9]+$ && $mode =~ ^[0-7]+$ ]] || return 1
    if [ "$first" = 1 ]; then
      [ "$owner" = "$EUID" ] && (( (8#$mode & 8#022) == 0 )) || return 1
      first=0
    else
      { [ "$owner" = "$EUID" ] || [ "$owner" = 0 ]; } \
        && (( (8#$mode & 8#022) == 0 || (8#$mode & 8#1000) != 0 )) || return 1
    fi
  done < <(stat -c '%u %a' -- "${folders[@]}" 2>/dev/null)
  # Every folder was seen: one stat refused is one folder unchecked.
  [ "$seen" = ${#folders[@]} ]
}

# recall: copies the remembered state to $work/kept and succeeds if it was read from this
# database as it is now (its first line names the same identity). The copy is one file, whatever
# other runs write meanwhile.
recall() {
  local first
  [ -n "$memory" ] && [ -f "$memory" ] && [ ! -L "$memory" ] || return 1
  cp -- "$memory" "$work/kept" 2>/dev/null || return 1
  IFS= read -r first <"$work/kept" || return 1
  [ "$first" = "# $format $known" ]
}

# remember: keeps the state just read, headed by the database's identity, for the next run, and
# forgets what it kept of servers, or left from runs, that are gone.
remember() {
  local dir=${memory%/*} old
  {
    mkdir -p -m 700 -- "$dir" && safe "$dir" \
      && { printf '# %s %s\n' "$format" "$known"; cat "$work/state"; } >"$memory.$$" \
      && mv -f -T -- "$memory.$$" "$memory"
    for old in "$dir"/cimnet-ovsdb.*; do
      [[ ${old##*/} =~ ^cimnet-ovsdb\.([0-9]+)(\.([0-9]+))?$ ]] || continue
      if [ ! -e "/proc/${BASH_REMATCH[1]}" ] \
          || { [ -n "${BASH_REMATCH[3]}" ] && [ ! -e "/proc/${BASH_REMATCH[3]}" ]; }; then
        rm -f -- "$old"
      fi
    done
  } 2>/dev/null || true
}
