#!/usr/bin/env bash
# Start-up benchmark for BENCHMARKS.md: time from launching Roomcall to its first painted window,
# and to "ready to call" (built-in server listening and media engine started, read from the app's
# log of the same launch), under Xvfb, median of several launches, for:
#   jar        java -jar app/target/roomcall.jar (the system JDK; JavaFX from the class path)
#   no-cds     the installed .deb's launcher without any CDS archive
#   base-cds   the app image's launcher: the jlinked runtime's CDS archive of JDK classes
#   appcds     the installed .deb's launcher with its AppCDS archive (what a user gets)
#
#   packaging/measure-startup.sh [runs]      (default 7; after mvn -Pinstaller package)
#   packaging/measure-startup.sh 7 name=/path/to/bin/Roomcall ...   only these launchers
#     (e.g. copies of the installed app with other JVM options in lib/app/Roomcall.cfg)
#
# Method: one private Xvfb screen (1280x800x24); the clock starts just before exec; a loop polls
# every 10 ms. "mapped": xwininfo first lists a viewable window titled Roomcall. "painted": an xwd
# capture of that window first holds non-black pixels (an unpainted window on Xvfb is black; Roomcall
# paints its dark-grey theme). "CPU used": the process's user+system CPU time at that moment, which
# other load on the machine disturbs far less than wall-clock time. The app is then ended with
# SIGTERM and the next launch waits until its window is gone. One unmeasured launch per variant warms
# the page cache; then the variants take turns, round after round.
# "server", "engine", "ready": from the launch's own log file (its name holds the pid), the time stamps
# of SignalingServer's "event=start" and MediaEngine's "media engine started" lines, against the
# clock read just before exec (ready = the later of the two); the app is ended only after both, or
# after 30 s ("NA").
# Needs xvfb, x11-utils (xwininfo), x11-apps (xwd).
# No `set -e`: the polling pipelines end early on purpose (awk exits at the first match).
set -uo pipefail
runs=${1:-7}
shift || true
root_dir="$(cd "$(dirname "$0")/.." && pwd)"
installer="$root_dir/app/target/installer"
deb=$(ls "$installer"/packages/roomcall_*.deb 2>/dev/null | head -1)
# Named launchers need no .deb of this tree.
[ -n "$deb" ] || [ $# -gt 0 ] || { echo "no .deb: run mvn -B -Pinstaller -DskipTests package first" >&2; exit 1; }
image="$installer/image/Roomcall"
jar="$root_dir/app/target/roomcall.jar"

tmp=$(mktemp -d /tmp/roomcall-startup.XXXXXX)
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

# The installed layout, in a private root: dpkg -x, then what postinst does.
if [ $# -eq 0 ]; then
  dpkg-deb -x "$deb" "$tmp/root" || exit 1
  app="$tmp/root/opt/roomcall"
  "$app/lib/app/create-cds-archive.sh" || exit 1
fi

display=":$((90 + RANDOM % 400))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
sleep 1
# The JVM takes user.home from the passwd entry, not $HOME: the cache (libwebrtc unpacked by `java -jar`'s first
# start, here the warm-up launch) needs XDG_CACHE_HOME to stay private.
export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
mkdir -p "$HOME"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Milliseconds since midnight of a log line's HH:mm:ss.SSS stamp (the app logs local time).
stamp_ms() { awk -F'[:. ]' '{print (($1 * 60 + $2) * 60 + $3) * 1000 + $4; exit}'; }

# The first line of a log matching $2, as ms after the launch whose clock read $3 (ms since midnight).
logged_after() {
  local line
  line=$(grep -m1 -- "$2" "$1" 2>/dev/null) || { echo ""; return; }
  local at
  at=$(echo "$line" | stamp_ms)
  echo $(( (at - $3 + 86400000) % 86400000 ))
}

# CPU time (user + system) the process has used so far, in ms: less disturbed by other load
# on the machine than wall-clock time.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat" 2>/dev/null || echo NA; }

# One launch: prints "<mapped ms> <painted ms> <cpu ms until painted> <server ms> <engine ms> <ready ms>".
launch() {
  local start pid window="" mapped="" painted="" cpu="" server="" engine="" ready="" start_tod h m s ms
  read -r start h m s ms < <(date '+%s%3N %H %M %S %3N')
  start_tod=$(( ((10#$h * 60 + 10#$m) * 60 + 10#$s) * 1000 + 10#$ms ))
  "$@" --fake-media --host 0 >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    if [ -z "$window" ]; then
      window=$(xwininfo -root -tree 2>/dev/null | awk '/"Roomcall/ {print $1; exit}')
      if [ -n "$window" ] && ! xwininfo -id "$window" 2>/dev/null | grep -q IsViewable; then window=""; fi
      [ -n "$window" ] && mapped=$(( $(now_ms) - start ))
    fi
    if [ -n "$window" ]; then
      # Bytes of the window's pixels that are not zero: 0 until JavaFX has drawn a frame.
      if [ "$(xwd -id "$window" -silent 2>/dev/null | tail -c 400000 | tr -d '\000' | head -c 4096 | wc -c)" -gt 1000 ]; then
        painted=$(( $(now_ms) - start ))
        cpu=$(cpu_ms "$pid")
        break
      fi
    fi
    sleep 0.01
  done
  local log
  for _ in $(seq 1 300); do
    log=$(ls "$XDG_STATE_HOME"/roomcall/logs/*-"$pid".log 2>/dev/null | head -1)
    if [ -n "$log" ]; then
      server=$(logged_after "$log" 'SignalingServer - event=start ' "$start_tod")
      engine=$(logged_after "$log" 'media engine started' "$start_tod")
      [ -n "$server" ] && [ -n "$engine" ] && break
    fi
    sleep 0.1
  done
  if [ -n "$server" ] && [ -n "$engine" ]; then ready=$(( server > engine ? server : engine )); fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  while xwininfo -root -tree 2>/dev/null | grep -q '"Roomcall'; do sleep 0.05; done
  echo "${mapped:-NA} ${painted:-NA} ${cpu:-NA} ${server:-NA} ${engine:-NA} ${ready:-NA}"
}

median() { grep -v NA | sort -n | awk '{a[NR]=$1} END {if (NR==0) print "NA"; else print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# Variants are launched round-robin (one of each per round), so that other load on the machine
# falls on all of them alike and their medians stay comparable.
names=() commands=()
add() { names+=("$1"); shift; commands+=("$*"); }

measure() {
  local i round
  # Each variant keeps its own settings and certificate, as its own installation would: one variant must not
  # inherit a file another wrote (the warm-up launch makes them).
  for i in "${!names[@]}"; do
    XDG_CONFIG_HOME="$tmp/config-$i" launch ${commands[$i]} >/dev/null; : >"$tmp/${names[$i]}"   # warm-up
  done
  for round in $(seq 1 "$runs"); do
    for i in "${!names[@]}"; do XDG_CONFIG_HOME="$tmp/config-$i" launch ${commands[$i]} >>"$tmp/${names[$i]}"; done
  done
  for i in "${!names[@]}"; do
    local f="$tmp/${names[$i]}"
    printf '| %-13s | %6s | %7s | %8s | %6s | %6s | %6s | %-40s | %-40s |\n' "${names[$i]}" \
      "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" \
      "$(cut -d' ' -f3 "$f" | median)" "$(cut -d' ' -f4 "$f" | median)" \
      "$(cut -d' ' -f5 "$f" | median)" "$(cut -d' ' -f6 "$f" | median)" \
      "$(cut -d' ' -f2 "$f" | tr '\n' ' ')" "$(cut -d' ' -f6 "$f" | tr '\n' ' ')"
  done
}

nocds="$tmp/nocds"
if [ $# -eq 0 ]; then
  cp -a "$app" "$nocds"
  rm -f "$nocds/lib/app/roomcall.jsa"
fi

echo "machine: $(nproc) CPUs, $(free -m | awk '/Mem:/ {print $2}') MB, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs per variant: $runs (median), times in ms from exec"
echo
echo '| variant       | mapped | painted | CPU used | server | engine |  ready | painted, every run (ms)                  | ready, every run (ms)                    |'
echo '|---------------|-------:|--------:|---------:|-------:|-------:|-------:|------------------------------------------|------------------------------------------|'
if [ $# -gt 0 ]; then
  for named in "$@"; do add "${named%%=*}" "${named#*=}"; done
else
  add jar java -jar "$jar"
  add no-cds "$nocds/bin/Roomcall"
  add base-cds "$image/bin/Roomcall"
  add appcds "$app/bin/Roomcall"
fi
measure
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
