#!/usr/bin/env bash
# Load benchmark: the demo with Warden and the demo with --no-warden, started side by side on loopback with fresh
# data directories, measured in alternating phases of one run by LoadBench.java. Prints a Markdown table.
#
#   deploy/bench/load.sh                     # 60 s warm-up each, then 3 rounds x 30 s per node, 8 clients
#   deploy/bench/load.sh --rounds 5 --duration 60s --clients 16 --post-share 0.5
#
# Page views read an article that receives no comments during the run, so both sites render the same page: an
# article page shows all its comments, and the bare site publishes every post while Warden holds many, which
# would make the bare site's pages grow faster and its page views slower. Pass --view-articles/--post-articles
# to change that (e.g. all three articles for both).
# Extra arguments go to LoadBench (see its javadoc). Texts come from ../shared/data (beside the checkout) when present (override
# with --data DIR), else from the classifier's seed corpus.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/demo-nodes.sh"
trap stop_nodes EXIT

build_if_needed
start_node warden
WARDEN_URL="$NODE_URL"
start_node bare --no-warden
BARE_URL="$NODE_URL"

cd "$ROOT"
java -Xmx512m deploy/bench/LoadBench.java --target "warden=$WARDEN_URL" --target "bare=$BARE_URL" \
  --seed classifier/src/main/resources/dev/warden/classifier/seed \
  --warmup 60s --view-articles city-marathon --post-articles belarus-troops-border,kerch-bridge-strike "$@"
echo "node logs: $BENCH_DIR/{warden,bare}/node.log"
