#!/usr/bin/env bash
# An emulated poor link between two network namespaces of this machine, for page-load figures:
# a veth pair with a token-bucket rate limit (tc tbf) and random loss (nftables numgen) on both
# sides, and a user-space delay on top (bench/delay-proxy.mjs), since this kernel has no netem.
#   sudo bash bench/link.sh up RATE LOSS_PCT ONE_WAY_DELAY_MS SERVER_PORT   e.g. up 256kbit 2 300 3000
#   sudo bash bench/link.sh server CMD…   runs CMD in the server namespace (listen on 0.0.0.0)
#   sudo bash bench/link.sh client CMD…   runs CMD in the client namespace; $POOR_LINK_URL is the server
#   sudo bash bench/link.sh down
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SRV=ccpm-srv CLI=ccpm-cli SRV_IP=10.77.0.1 CLI_IP=10.77.0.2 PROXY_PORT=18081
state=/tmp/ccpm-link.state

up() {
  local rate=$1 loss=$2 delay=$3 port=$4
  down >/dev/null 2>&1 || true
  ip netns add $SRV && ip netns add $CLI
  ip link add veth-srv netns $SRV type veth peer name veth-cli netns $CLI
  ip -n $SRV addr add $SRV_IP/24 dev veth-srv && ip -n $SRV link set veth-srv up && ip -n $SRV link set lo up
  ip -n $CLI addr add $CLI_IP/24 dev veth-cli && ip -n $CLI link set veth-cli up && ip -n $CLI link set lo up
  for ns in $SRV $CLI; do
    dev=$([ $ns = $SRV ] && echo veth-srv || echo veth-cli)
    ip netns exec $ns tc qdisc add dev "$dev" root tbf rate "$rate" burst 16kb latency 2s
    if [ "$loss" != 0 ]; then
      ip netns exec $ns nft -f - <<NFT
table inet lossy {
  chain input { type filter hook input priority 0; policy accept; iifname "$dev" numgen random mod 100 < $loss drop; }
}
NFT
    fi
  done
  ip netns exec $CLI node "$here/delay-proxy.mjs" $PROXY_PORT $SRV_IP "$port" "$delay" >/tmp/ccpm-link.proxy.log 2>&1 &
  echo "proxy=$!" >"$state"
  for _ in $(seq 50); do grep -q delay-proxy /tmp/ccpm-link.proxy.log && break; sleep 0.1; done
  echo "link up: $rate, $loss % loss, $delay ms each way; client reaches the server at http://127.0.0.1:$PROXY_PORT"
}

down() {
  if [ -f "$state" ]; then . "$state"; kill "${proxy:-0}" 2>/dev/null || true; rm -f "$state"; fi
  ip netns pids $SRV 2>/dev/null | xargs -r kill 2>/dev/null || true
  ip netns del $SRV 2>/dev/null || true
  ip netns del $CLI 2>/dev/null || true
}

cmd=${1:-}; shift || true
case "$cmd" in
  up) up "${1:-256kbit}" "${2:-2}" "${3:-300}" "${4:-3000}" ;;
  down) down ;;
  server) exec ip netns exec $SRV "$@" ;;
  client) POOR_LINK_URL=http://127.0.0.1:$PROXY_PORT exec ip netns exec $CLI env POOR_LINK_URL=http://127.0.0.1:$PROXY_PORT "$@" ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac
