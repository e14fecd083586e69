#!/usr/bin/env bash
# Runs Roomcall's benchmarks (see BENCHMARKS.md). Builds what it needs first if it is missing or older than the sources.
#
#   bench/run.sh call   [--reps 3] [--steady 30] [--settle 10] [--app-jar PATH] ...   Chromium ↔ Chromium vs Roomcall ↔ Chromium
#   bench/run.sh render [JMH options]                                              I420 → BGRA render path (JMH, -prof gc)
#   bench/run.sh relay  [--load 1x1,10x8,50x8] [--seconds 10] [--reps 2] ...        relay vs Node ws; memory of idle connections
#   bench/run.sh relay --capacity [--capacity-idle 10000 --capacity-pairs 500 --capacity-minutes 10] one node's capacity
#   bench/run.sh group  [--people 4] [--steady 30] [--settle 10]                   a room of apps as a mesh and on Janus
#   bench/run.sh group-seat [--steady 30] [--settle 10]                        the 4th seat of a 4-person call: app vs Chromium
#   bench/run.sh share  [--reps 2] [--steady 30] [--settle 10]                     sharing a 1920x1080 screen: Roomcall vs Chromium
#   bench/run.sh jmh    [REGEX] [JMH options]                                      any JMH benchmark, e.g. RelayMessageBench -prof gc
#   bench/run.sh startup [RUNS] [name=LAUNCHER ...]                               launch -> painted window and -> ready to call
#                                                                                  (packaging/measure-startup.sh; after mvn -Pinstaller package)
#   bench/run.sh <kind> --help                                                     all options of one benchmark
#
# Reports go to bench/target/bench/ (Markdown and JSON). Environment: JAVA (default: java on PATH),
# BENCH_BUILD=always|never (default: when needed).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
java=${JAVA:-java}
kind=${1:-}
[ $# -gt 0 ] && shift

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ -n "$kind" ] || usage

# Selenium Manager must never look for or fetch a browser or driver; the harness names Debian's explicitly.
export SE_OFFLINE=true SE_AVOID_STATS=true

stale() { # $1: a built file; true if it is missing or any file under the other arguments is newer
  local built=$1; shift
  [ -f "$built" ] || return 0
  [ -n "$(find "$@" -newer "$built" -type f -print -quit 2>/dev/null)" ]
}

build_bench() {
  if [ "${BENCH_BUILD:-}" = never ]; then return; fi
  if [ "${BENCH_BUILD:-}" = always ] || stale "$bench/target/bench.classpath" "$bench/src" "$bench/pom.xml"; then
    echo "building bench/ (and the modules it uses) ..." >&2
    mvn -B -q -f "$root/pom.xml" -pl bench -am -Pbench -DskipTests package >&2
  fi
}

build_app() {
  local jar=$root/app/target/roomcall.jar
  if [ "${BENCH_BUILD:-}" = never ]; then return; fi
  if [ "${BENCH_BUILD:-}" = always ] || stale "$jar" "$root/app/src/main" "$root/media/src/main" \
      "$root/signaling-client/src/main" "$root/signaling-server/src/main" "$root/assets/web"; then
    echo "packaging the app (app/target/roomcall.jar) ..." >&2
    mvn -B -q -f "$root/pom.xml" -pl app -am -DskipTests package >&2
  fi
}

classpath() { echo "$bench/target/classes:$(cat "$bench/target/bench.classpath")"; }

cd "$bench"
case "$kind" in
  call)
    build_app
    build_bench
    exec "$java" -cp "$(classpath)" dev.roomcall.bench.call.CallBench "$@"
    ;;
  group)
    build_app
    build_bench
    exec "$java" -cp "$(classpath)" dev.roomcall.bench.call.GroupBench "$@"
    ;;
  group-seat)
    build_app
    build_bench
    exec "$java" -cp "$(classpath)" dev.roomcall.bench.call.GroupSeatBench "$@"
    ;;
  render)
    build_bench
    mkdir -p target/bench
    if [ $# -eq 0 ]; then
      set -- -prof gc -rf json -rff target/bench/render.json
    fi
    exec "$java" -cp "$(classpath)" org.openjdk.jmh.Main 'dev\.roomcall\.(bench\.render|media)\..*Bench.*' "$@"
    ;;
  share)
    build_app
    build_bench
    exec "$java" -cp "$(classpath)" dev.roomcall.bench.share.ShareBench "$@"
    ;;
  jmh)
    build_bench
    exec "$java" -cp "$(classpath)" org.openjdk.jmh.Main "$@"
    ;;
  relay)
    build_bench
    # RelayBench installs the testkit's relay.js and its pinned ws (npm ci) into target/node-relay on first use.
    # The load generator holds thousands of connections in the idle and capacity tests: give it room, and as many
    # file descriptors as the hard limit allows (the relay it starts inherits them; one descriptor per connection).
    hard=$(ulimit -Hn)
    if [ "$hard" = unlimited ] || [ "$(ulimit -n)" -lt "$hard" ]; then
      ulimit -n "$hard" && echo "raised the open-files limit to $hard for the benchmark" >&2
    fi
    exec "$java" -Xmx2g -cp "$(classpath)" dev.roomcall.bench.relay.RelayBench "$@"
    ;;
  startup)
    # Needs the installed layout (.deb) or named launchers; the script says which when it has neither.
    exec "$root/packaging/measure-startup.sh" "$@"
    ;;
  -h|--help|help) usage ;;
  *) echo "unknown benchmark '$kind'" >&2; usage ;;
esac
