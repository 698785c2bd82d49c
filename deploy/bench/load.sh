#!/usr/bin/env bash
# Load benchmark: the demo with Warden and the demo with --no-warden, started side by side on loopback with fresh
# data directories, measured in alternating phases of one run by LoadBench.java. Two parts, both in this one run:
#   1. throughput: closed loop, CLIENTS clients sending as fast as the sites answer (saturation);
#   2. latency: open loop at RATE requests/s (a load both sites carry), latency counted from when each request
#      was due; Warden's own share of each post is read from its warden_moderation_seconds histogram.
# Prints Markdown tables.
#
#   deploy/bench/load.sh                     # 60 s warm-up each, then 3 rounds x 30 s per node per part
#   ROUNDS=5 DURATION=60s CLIENTS=16 RATE=300 deploy/bench/load.sh
#   deploy/bench/load.sh --post-share 0.5    # extra options go to both LoadBench parts
#
# Warden runs with the demo's settings except the surge detector, which is switched off (--warden-overrides):
# with a fresh reader per post at hundreds of posts/s on two articles it would, as designed, put both articles
# into pre-moderation within seconds and hold every post, which skips the site's own (fsync'd) write and makes
# the comparison meaningless. WARDEN_OVERRIDES=path/to.yaml replaces the overrides (keep a metrics scrape-token).
#
# Page views read an article that receives no comments during the run, so both sites render the same page: an
# article page shows all its comments, and the bare site publishes every post while Warden holds some.
# Texts come from ../shared/data (beside the checkout) when present (override with --data DIR), else from the
# classifier's seed corpus.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/demo-nodes.sh"
trap stop_nodes EXIT

ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-60s}"
CLIENTS="${CLIENTS:-8}"
RATE="${RATE:-150}"
TOKEN="bench-scrape-token-$RANDOM$RANDOM$RANDOM"
OVERRIDES="$BENCH_DIR/overrides.yaml"
if [[ -n "${WARDEN_OVERRIDES:-}" ]]; then
  cp "$WARDEN_OVERRIDES" "$OVERRIDES"
  TOKEN="$(grep -oE 'scrape-token: *"?[^" ]+' "$OVERRIDES" | sed -E 's/scrape-token: *"?//' || true)"
else
  cat >"$OVERRIDES" <<YAML
throttle:
  surge: {enabled: false}
metrics:
  scrape-token: "$TOKEN"
YAML
fi

build_if_needed
start_node warden --warden-overrides "$OVERRIDES"
WARDEN_URL="$NODE_URL"
start_node bare --no-warden
BARE_URL="$NODE_URL"

cd "$ROOT"
COMMON=(--target "warden=$WARDEN_URL" --target "bare=$BARE_URL"
  --seed classifier/src/main/resources/dev/warden/classifier/seed
  --rounds "$ROUNDS" --duration "$DURATION"
  --view-articles city-marathon --post-articles belarus-troops-border,kerch-bridge-strike)
[[ -n "$TOKEN" ]] && COMMON+=(--metrics "warden=$TOKEN")

echo "== part 1: throughput, closed loop, $CLIENTS clients"
java -Xmx512m deploy/bench/LoadBench.java "${COMMON[@]}" --warmup "$WARMUP" --clients "$CLIENTS" "$@"
echo
echo "== part 2: latency, open loop at $RATE requests/s"
java -Xmx512m deploy/bench/LoadBench.java "${COMMON[@]}" --warmup 10s --rate "$RATE" "$@"
echo "node logs: $BENCH_DIR/{warden,bare}/node.log"
