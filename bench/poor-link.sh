#!/usr/bin/env bash
# Page loads over a satellite-like link (bench/link.sh: rate-limited, lossy,
# delayed, between two network namespaces of this machine). Prints, per page: HTTP status,
# bytes on the wire (gzip) and seconds to the last byte, for a cold and a warm (304) fetch.
#   sudo bash bench/poor-link.sh [RATE=256kbit] [LOSS_PCT=2] [ONE_WAY_DELAY_MS=300]
set -euo pipefail
cd "$(dirname "$0")/.."
tool=bench/link.sh
rate=${1:-256kbit} loss=${2:-2} delay=${3:-300}
db=$(mktemp -d)/bench.db
cleanup() { kill "${server:-0}" 2>/dev/null || true; bash "$tool" down || true; }
trap cleanup EXIT

bash "$tool" up "$rate" "$loss" "$delay" 3000 >/dev/null
bash "$tool" server env PORT=3000 DATABASE_URL="file:$db" BASE_URL=http://127.0.0.1:18081 \
  node --import tsx server/node.ts >/tmp/poor-link.server.log 2>&1 &
server=$!
for _ in $(seq 60); do grep -q listening /tmp/poor-link.server.log && break; sleep 0.5; done

bash "$tool" client bash -s <<'CLIENT'
set -euo pipefail
u=$POOR_LINK_URL jar=$(mktemp)
fetch() { curl -s -o /dev/null --compressed -b "$jar" -c "$jar" -H 'Origin: http://127.0.0.1:18081' -w '%{http_code} %{size_download} %{time_total}' "$@"; }
printf '%-34s %6s %7s %8s\n' page status bytes seconds
for page in /login /healthz; do printf '%-34s %s\n' "GET $page" "$(fetch "$u$page" | awk '{printf "%6s %7s %8s", $1, $2, $3}')"; done
printf '%-34s %s\n' 'POST /login (sign in)' "$(fetch -d email=coordinator@demo.ccpm -d password=demo "$u/login" | awk '{printf "%6s %7s %8s", $1, $2, $3}')"
for page in / /requests /reference; do
  printf '%-34s %s\n' "GET $page" "$(fetch "$u$page" | awk '{printf "%6s %7s %8s", $1, $2, $3}')"
done
css=$(curl -s --compressed "$u/reference" -b "$jar" | grep -o '/assets/app-[a-z0-9]*\.css')
htmx=$(curl -s --compressed "$u/reference" -b "$jar" | grep -o '/assets/htmx-[^"]*\.js')
for a in "$css" "$htmx"; do printf '%-34s %s\n' "GET ${a:0:30}" "$(fetch "$u$a" | awk '{printf "%6s %7s %8s", $1, $2, $3}')"; done
etag=$(curl -s -D - -o /dev/null --compressed -b "$jar" "$u/reference" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')
printf '%-34s %s\n' 'GET /reference again (304)' "$(fetch -H "If-None-Match: $etag" "$u/reference" | awk '{printf "%6s %7s %8s", $1, $2, $3}')"
CLIENT
