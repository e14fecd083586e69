#!/usr/bin/env bash
# Proof that the Linux installer works: builds the .deb with the Maven profile `installer`,
# unpacks it into a temporary root (dpkg -x; with CI=true as root also a real dpkg -i and removal),
# and checks the package metadata, the desktop entry, `--help`, that the installed launcher opens
# its window under Xvfb (screenshot pixels), writes its log where Linux apps do, uses its AppCDS
# archive, and ends cleanly on SIGTERM.
#
#   packaging/test-linux-package.sh             build, then test
#   packaging/test-linux-package.sh --no-build  test the .deb already in app/target/installer/packages
#
# Needs: JDK 17 with jmods, Maven, dpkg-dev, fakeroot, xvfb (xvfb-run), x11-utils (xwininfo),
# imagemagick (import, convert). Last line: "package test: N passed, M failed"; exit 1 on any failure.
set -uo pipefail

if [ "${1:-}" = "--inside-xvfb" ]; then
  # Second half, run by xvfb-run: start the installed launcher, wait for its window, take a
  # screenshot, stop it with SIGTERM. Results go to files the first half checks.
  launcher=$2 out=$3
  start=$(date +%s%N)
  "$launcher" --fake-media --host 0 >"$out/app.stdout" 2>"$out/app.stderr" &
  pid=$!
  echo "$pid" >"$out/pid"
  window=""
  for _ in $(seq 1 600); do   # up to 60 s: a loaded CI machine is slow, a healthy start takes ~1 s
    window=$(xwininfo -root -tree 2>/dev/null | awk '/"Roomcall/ {print $1; exit}')
    if [ -n "$window" ] && xwininfo -id "$window" 2>/dev/null | grep -q IsViewable; then break; fi
    window=""
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -n "$window" ]; then
    echo $(( ($(date +%s%N) - start) / 1000000 )) >"$out/window-ms"
    sleep 3   # let the first frames and the status text settle before looking at pixels
    import -window "$window" "$out/window.png" 2>/dev/null
    import -window root "$out/screen.png" 2>/dev/null
    grep -c 'roomcall.jsa' "/proc/$pid/maps" >"$out/jsa-mappings" 2>/dev/null
    grep -o '/[^ ]*webrtc-java[^ ]*' "/proc/$pid/maps" 2>/dev/null | sort -u >"$out/webrtc-mappings"
    cat /proc/"$pid"/task/*/comm >"$out/threads" 2>/dev/null
  fi
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "still running 15 s after SIGTERM" >"$out/exit"
    kill -KILL "$pid" 2>/dev/null
  else
    wait "$pid"; echo "$?" >"$out/exit"
  fi
  exit 0
fi

root_dir="$(cd "$(dirname "$0")/.." && pwd)"
packages="$root_dir/app/target/installer/packages"
passed=0 failed=0
ok()     { passed=$((passed + 1)); echo "ok     - $*"; }
not_ok() { failed=$((failed + 1)); echo "NOT OK - $*"; }
check()  { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
finish() { echo "package test: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

tmp=$(mktemp -d /tmp/roomcall-package-test.XXXXXX)
cleanup() {
  [ -f "$tmp/run/pid" ] && kill -KILL "$(cat "$tmp/run/pid")" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

for tool in dpkg-deb xvfb-run xwininfo import convert; do
  command -v "$tool" >/dev/null || { not_ok "tool $tool is installed"; finish; }
done

# ---- build ----------------------------------------------------------------------------------
if [ "${1:-}" != "--no-build" ]; then
  echo "building the .deb (mvn -Pinstaller) ..."
  rm -rf "$packages"
  # The package's contents are under test, not its compression: gzip -1 instead of xz saves
  # minutes on a small machine. Release builds keep dpkg-deb's default (xz).
  export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}" DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-1}"
  if ! (cd "$root_dir" && mvn -B -q -Pinstaller -DskipTests package -pl app -am >"$tmp/build.log" 2>&1); then
    grep -E '^installer:|Exception|Caused by|error:|ERROR\]' "$tmp/build.log" | grep -v '^installer: j' | head -25
    not_ok "mvn -Pinstaller builds the .deb"
    finish
  fi
fi
deb=$(ls "$packages"/roomcall_*.deb 2>/dev/null | head -1)
if [ -z "$deb" ]; then not_ok "a .deb was built in $packages"; finish; fi
ok "built $(basename "$deb") ($(du -m "$deb" | cut -f1) MB)"

# ---- package metadata -----------------------------------------------------------------------
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libgtk-3-0 libgl1 libxxf86vm1; do
  check "Depends names $dep (JavaFX loads it at run time)" grep -Eq "(^|, *)$dep( |,|$)" <<<"$depends"
done

root="$tmp/root"
mkdir -p "$root"
dpkg-deb -x "$deb" "$root"
app="$root/opt/roomcall"
launcher="$app/bin/Roomcall"
check "dpkg -x installs the launcher opt/roomcall/bin/Roomcall" test -x "$launcher"

desktop=$(ls "$app"/lib/*.desktop 2>/dev/null | head -1)
if [ -n "$desktop" ]; then
  icon=$(sed -n 's/^Icon=//p' "$desktop")
  check "desktop entry has Categories=AudioVideo;Network;" grep -qx 'Categories=AudioVideo;Network;' "$desktop"
  check "desktop entry starts /opt/roomcall/bin/Roomcall" grep -q '^Exec=/opt/roomcall/bin/Roomcall' "$desktop"
  # packaging/linux/Roomcall.desktop, not jpackage's default: docks group the window under this icon.
  check "desktop entry is Roomcall's own (StartupWMClass of the JavaFX window)" \
    grep -qx 'StartupWMClass=dev.roomcall.app.ui.RoomcallApp' "$desktop"
  check "desktop entry's Icon ($icon) is in the package" test -s "$root$icon"
else
  not_ok "the package has a .desktop entry"
fi

# ---- the installed app ------------------------------------------------------------------------
help_out="$tmp/help.txt"
"$launcher" --help >"$help_out" 2>&1
help_code=$?
check "--help exits 0" test "$help_code" -eq 0
check "--help prints the usage with every option" grep -q -- '--fake-media' "$help_out"

check "libwebrtc is in lib/app, not inside roomcall.jar" \
  sh -c "test -s '$app/lib/app/libwebrtc-java-linux-x86_64.so' && ! jar tf '$app/lib/app/roomcall.jar' | grep -q 'webrtc-java-linux'"
check "create-cds-archive.sh makes the AppCDS archive for this location" \
  sh -c "'$app/lib/app/create-cds-archive.sh' && test -s '$app/lib/app/roomcall.jsa'"

run="$tmp/run"
mkdir -p "$run" "$tmp/home"
# A private home: the app's logs and settings land in the temporary root, not the tester's.
HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
  xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" --inside-xvfb "$launcher" "$run"

if [ -s "$run/window-ms" ]; then
  ok "the window \"Roomcall\" appeared ($(cat "$run/window-ms") ms after launch)"
  if [ -s "$run/window.png" ]; then
    read -r mean sd < <(convert "$run/window.png" -colorspace Gray -format '%[fx:mean] %[fx:standard_deviation]\n' info: 2>/dev/null)
    check "the window is painted (mean ${mean:-?}, std dev ${sd:-?} on a black screen)" \
      awk -v m="${mean:-0}" -v s="${sd:-0}" 'BEGIN { exit !(m > 0.03 && s > 0.02) }'
    cp "$run/screen.png" "${TMPDIR:-/tmp}/roomcall-package-test-screen.png" 2>/dev/null
  else
    not_ok "a screenshot of the window was taken"
  fi
  check "the running app maps its AppCDS archive" test "$(cat "$run/jsa-mappings" 2>/dev/null || echo 0)" -gt 0
  # libwebrtc ships unpacked beside the jar: the app maps that file and unpacks nothing (no temporary copy, no cache).
  check "the running app maps libwebrtc from lib/app ($(tr '\n' ' ' <"$run/webrtc-mappings" 2>/dev/null))" \
    test "$(cat "$run/webrtc-mappings" 2>/dev/null)" = "$app/lib/app/libwebrtc-java-linux-x86_64.so"
  check "the running app unpacked nothing into its cache" test ! -e "$tmp/cache/roomcall"
  # The launcher's memory options reach the JVM: G1 would start threads named "G1 ...", and the periodic
  # native-heap trim runs in a thread of its own ("Native Heap Trimmer", cut to 15 characters).
  check "the running app uses the serial collector (no G1 threads)" sh -c "test -s '$run/threads' && ! grep -q '^G1 ' '$run/threads'"
  check "the running app trims its native heap periodically" grep -q '^Native Heap Tri' "$run/threads"
else
  not_ok "the window \"Roomcall\" appeared (stderr: $(tail -3 "$run/app.stderr" 2>/dev/null | tr '\n' ' '))"
fi
exit_status=$(cat "$run/exit" 2>/dev/null || echo "unknown")
# 143 = 128 + SIGTERM: the JVM ran its shutdown and exited as a terminated process does.
check "SIGTERM ends the app promptly (exit status $exit_status)" grep -Eqx '0|143' <<<"$exit_status"
check "no crash report (hs_err) was written" sh -c "! ls '$tmp'/home/hs_err_pid*.log '$run'/hs_err_pid*.log >/dev/null 2>&1"

log=$(ls "$tmp"/state/roomcall/logs/roomcall-*.log 2>/dev/null | head -1)
if [ -n "$log" ]; then
  ok "the log is in \$XDG_STATE_HOME/roomcall/logs ($(wc -l <"$log") lines)"
  problems=$(grep -E ' ERROR |^(Exception|Caused by)' "$log" | head -3)
  check "the log has no ERROR and no exception${problems:+: $problems}" test -z "$problems"
else
  not_ok "the log is in \$XDG_STATE_HOME/roomcall/logs"
fi

# ---- a real install, where it is safe (a CI machine, as root) ---------------------------------
if [ "${CI:-}" = "true" ] && [ "$(id -u)" -eq 0 ]; then
  if dpkg-query -W -f='${Status}' roomcall 2>/dev/null | grep -q "install ok installed"; then
    echo "skip   - dpkg -i: roomcall is already installed on this machine; leaving it alone"
  else
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" >"$tmp/install.log" 2>&1; then
      ok "apt-get installs the .deb with its dependencies"
      check "postinst made the AppCDS archive" test -s /opt/roomcall/lib/app/roomcall.jsa
      check "the installed launcher answers --help" sh -c "/opt/roomcall/bin/Roomcall --help >/dev/null 2>&1"
      if [ -d /usr/share/desktop-directories ]; then
        check "the menu entry is installed" sh -c "ls /usr/share/applications/*oomcall*.desktop >/dev/null 2>&1"
      else
        echo "skip   - menu entry: this system has no desktop menu (xdg-desktop-menu needs /usr/share/desktop-directories)"
      fi
      dpkg --purge roomcall >"$tmp/remove.log" 2>&1
      check "dpkg --purge removes it completely" sh -c "! dpkg-query -W roomcall >/dev/null 2>&1 && test ! -e /opt/roomcall"
    else
      tail -20 "$tmp/install.log"
      not_ok "apt-get installs the .deb with its dependencies"
    fi
  fi
fi

finish
