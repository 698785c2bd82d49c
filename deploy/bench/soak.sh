#!/usr/bin/env bash
# Soak run: moderate load against the demo with Warden for 10 minutes (SOAK_SECONDS), sampling the node every 30 s
# (SAMPLE_SECONDS): heap used after a full GC (jcmd GC.run + GC.heap_info), live threads (jcmd Thread.print),
# open file descriptors, H2 database files open, established TCP connections to the node. Prints the samples
# as a Markdown table and the least-squares slope of each column per 10 minutes.
#
#   deploy/bench/soak.sh                      # 10 min, 4 clients with 20 ms think time, 30% posts
#   SOAK_SECONDS=120 deploy/bench/soak.sh --clients 2
#   SOAK_CACHE_BOUND=0 deploy/bench/soak.sh   # Warden's default cache bounds (200,000 posters and texts)
#   SOAK_STORE_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=soak' deploy/bench/soak.sh
#                                             # Warden's store in PostgreSQL (an existing, empty schema)
#
# Every post comes from a new reader with a new text, so Warden's throttle caches (posters, addresses, text
# fingerprints; kept up to 24 h) grow with every post until they reach their bounds, which at the default of
# 200,000 takes over an hour at this rate. To see within minutes whether anything else grows, the soak lowers
# the bounds to SOAK_CACHE_BOUND (default 20,000, reached in about 8 minutes) with --warden-overrides.
# Heap after full GC is read from the node's GC log (-Xlog:gc), the exact size the full GC left.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/demo-nodes.sh"
SOAK_SECONDS="${SOAK_SECONDS:-600}"
SAMPLE_SECONDS="${SAMPLE_SECONDS:-30}"
LOAD_PID=""
cleanup() {
  [[ -n "$LOAD_PID" ]] && kill "$LOAD_PID" 2>/dev/null
  stop_nodes
}
trap cleanup EXIT

NODE_JAVA_OPTS="${NODE_JAVA_OPTS:--Xmx512m -XX:+UseG1GC} -Xlog:gc:file=$BENCH_DIR/gc.log"
SOAK_CACHE_BOUND="${SOAK_CACHE_BOUND:-20000}"
EXTRA=()
if [[ "$SOAK_CACHE_BOUND" != 0 ]]; then
  mkdir -p "$BENCH_DIR"
  cat >"$BENCH_DIR/overrides.yaml" <<YAML
throttle:
  cache: {max-posters: $SOAK_CACHE_BOUND, max-texts: $SOAK_CACHE_BOUND, max-articles: 20000}
YAML
  EXTRA=(--warden-overrides "$BENCH_DIR/overrides.yaml")
fi

if [[ -n "${SOAK_STORE_URL:-}" ]]; then
  EXTRA+=(--store-url "$SOAK_STORE_URL")
fi

build_if_needed
start_node warden "${EXTRA[@]}"
PID="$NODE_PID"
PORT="${NODE_URL##*:}"
CSV="$BENCH_DIR/soak.csv"

sample() {
  local t="$1" heap threads fds dbfiles conns dbsize
  jcmd "$PID" GC.run >/dev/null
  # The last "[...][gc] GC(9) Pause Full (Diagnostic Command) 92M->86M(294M) 324ms": what the full GC left.
  heap="$(grep -E 'Pause Full \((System.gc\(\)|Diagnostic Command)\)' "$BENCH_DIR/gc.log" | tail -1 \
    | grep -oE '[0-9]+M->[0-9]+M' | sed -E 's/.*->([0-9]+)M/\1/')"
  threads="$(jcmd "$PID" Thread.print | grep -c '^"')"
  fds="$(ls "/proc/$PID/fd" | wc -l)"
  dbfiles="$(ls -l "/proc/$PID/fd" 2>/dev/null | grep -c '\.db$' || true)"
  conns="$(ss -Htn state established "( sport = :$PORT )" | wc -l)"
  dbsize="$(( $(stat -c %s "$BENCH_DIR/warden/warden.mv.db" 2>/dev/null || echo 0) / 1048576 ))"
  echo "$t,$heap,$threads,$fds,$dbfiles,$conns,$dbsize" | tee -a "$CSV"
}

cd "$ROOT"
echo "seconds,heap_after_full_gc_mib,threads,open_fds,h2_files_open,tcp_established,h2_file_mib" | tee "$CSV"
sample 0
java -Xmx256m deploy/bench/LoadBench.java --target "warden=$NODE_URL" --rounds 1 --warmup 0 \
  --duration "${SOAK_SECONDS}s" --clients 4 --think-ms 20 \
  --seed classifier/src/main/resources/dev/warden/classifier/seed "$@" >"$BENCH_DIR/soak-load.txt" 2>&1 &
LOAD_PID=$!
start=$SECONDS
while kill -0 "$LOAD_PID" 2>/dev/null; do
  sleep "$SAMPLE_SECONDS"
  kill -0 "$LOAD_PID" 2>/dev/null && sample $((SECONDS - start))
done
wait "$LOAD_PID" || true
LOAD_PID=""
sample $((SECONDS - start))  # after the load: connections should drain, threads return to idle
cat "$BENCH_DIR/soak-load.txt"

echo
echo "| seconds | heap after full GC (MiB) | threads | open fds | H2 files open | TCP established | H2 file (MiB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
tail -n +2 "$CSV" | tr ',' ' ' | while read -r a b c d e f g; do echo "| $a | $b | $c | $d | $e | $f | $g |"; done
# Slope by least squares over the samples taken under load (all but the first and the last), per 10 minutes; and
# over the second half of them only, after caches, JIT and the database's page cache have settled.
slope() {
  awk -F, -v label="$1" '
    { n++; x=$1; sx+=x; sxx+=x*x; for (i=2;i<=7;i++) { sy[i]+=$i; sxy[i]+=x*$i } }
    END { if (n < 2) exit; split("heap_MiB threads fds h2_files tcp h2_file_MiB", names, " ");
          printf "slope per 10 min, %s (%d samples):", label, n;
          for (i=2;i<=7;i++) { b=(n*sxy[i]-sx*sy[i])/(n*sxx-sx*sx); printf " %s %+.2f", names[i-1], b*600 }
          print "" }'
}
UNDER_LOAD="$(tail -n +3 "$CSV" | head -n -1)"
echo "$UNDER_LOAD" | slope "under load"
HALF=$(( $(echo "$UNDER_LOAD" | wc -l) / 2 ))
echo "$UNDER_LOAD" | tail -n "$HALF" | slope "second half under load"
echo "samples: $CSV, node log: $BENCH_DIR/warden/node.log"
