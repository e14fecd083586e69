#!/usr/bin/env bash
# Regenerates the fixtures in this folder from a real Chromium: loads capture.html through chromedriver
# (plain WebDriver over HTTP with curl + jq, so no test framework or downloaded browser is involved) and
# writes each captured message to <name>.json, byte for byte as JSON.stringify produced it (no trailing newline).
# Needs: chromium, chromium-driver, curl, jq.  Usage: ./capture.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${CHROMEDRIVER_PORT:-9515}"
profile="$(mktemp -d)"
chromedriver --port="$port" >/dev/null 2>&1 &
driver=$!
trap 'kill "$driver" 2>/dev/null || true; rm -rf "$profile"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/status" >/dev/null && break; sleep 0.1; done

api() { curl -sf -X "$1" -H 'Content-Type: application/json' "http://127.0.0.1:$port$2" ${3:+-d "$3"}; }

caps=$(jq -n --arg profile "$profile" '{capabilities:{alwaysMatch:{browserName:"chrome","goog:chromeOptions":{
  binary:"/usr/bin/chromium",
  args:["--headless=new","--no-sandbox","--disable-gpu","--disable-quic","--no-first-run",
        "--disable-background-networking","--disable-component-update","--disable-sync",
        "--use-fake-ui-for-media-stream","--use-fake-device-for-media-stream","--user-data-dir=" + $profile]}}}}')
session=$(api POST /session "$caps" | jq -r .value.sessionId)
api POST "/session/$session/url" "$(jq -n --arg url "file://$here/capture.html" '{url:$url}')" >/dev/null
# Wait (bounded) until the page says it is done, then read the captured lines.
out=$(api POST "/session/$session/execute/async" '{"script":"const done=arguments[0];const t0=Date.now();(function poll(){if(document.title===\"done\"||Date.now()-t0>20000){done(document.getElementById(\"out\").textContent)}else{setTimeout(poll,100)}})()","args":[]}' | jq -r .value)
browser=$(api POST "/session/$session/execute/sync" '{"script":"return navigator.userAgent","args":[]}' | jq -r .value)
api DELETE "/session/$session" >/dev/null

if grep -q '^error' <<<"$out" || [ -z "$out" ]; then echo "capture failed: $out" >&2; exit 1; fi
rm -f "$here"/*.json
while IFS=$'\t' read -r name json; do
  printf '%s' "$json" > "$here/$name.json"
done <<<"$out"
echo "captured $(wc -l <<<"$out") messages from: $browser"
