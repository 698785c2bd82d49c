#!/usr/bin/env bash
# Soak run: moderate load against the demo with Warden for 10 minutes (SOAK_SECONDS), sampling the node every 30 s
# (SAMPLE_SECONDS): heap used after a full GC (jcmd GC.run + GC.heap_info), live threads (jcmd Thread.print),
# open file descriptors, H2 database files open, established TCP connections to the node. Prints the samples
# as a Markdown table and the least-squares slope of each column per 10 minutes.
#
#   deploy/bench/soak.sh                      # 10 min, 4 clients with 20 ms think time, 30% posts
#   SOAK_SECONDS=120 deploy/bench/soak.sh --clients 2
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

build_if_needed
start_node warden
PID="$NODE_PID"
PORT="${NODE_URL##*:}"
CSV="$BENCH_DIR/soak.csv"

sample() {
  local t="$1" heap threads fds dbfiles conns
  jcmd "$PID" GC.run >/dev/null
  # "garbage-first heap   total 262144K, used 51234K [...]"
  heap="$(jcmd "$PID" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')"
  threads="$(jcmd "$PID" Thread.print | grep -c '^"')"
  fds="$(ls "/proc/$PID/fd" | wc -l)"
  dbfiles="$(ls -l "/proc/$PID/fd" 2>/dev/null | grep -c '\.db$' || true)"
  conns="$(ss -Htn state established "( sport = :$PORT )" | wc -l)"
  echo "$t,$((heap / 1024)),$threads,$fds,$dbfiles,$conns" | tee -a "$CSV"
}

cd "$ROOT"
echo "seconds,heap_after_full_gc_mib,threads,open_fds,h2_files_open,tcp_established" | tee "$CSV"
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
echo "| seconds | heap after full GC (MiB) | threads | open fds | H2 files open | TCP established |"
echo "|---:|---:|---:|---:|---:|---:|"
tail -n +2 "$CSV" | tr ',' ' ' | while read -r a b c d e f; do echo "| $a | $b | $c | $d | $e | $f |"; done
# Slope by least squares over the samples taken under load (all but the first and the last), per 10 minutes; and
# over the second half of them only, after caches, JIT and the database's page cache have settled.
slope() {
  awk -F, -v label="$1" '
    { n++; x=$1; sx+=x; sxx+=x*x; for (i=2;i<=6;i++) { sy[i]+=$i; sxy[i]+=x*$i } }
    END { if (n < 2) exit; split("heap_MiB threads fds h2_files tcp", names, " ");
          printf "slope per 10 min, %s (%d samples):", label, n;
          for (i=2;i<=6;i++) { b=(n*sxy[i]-sx*sy[i])/(n*sxx-sx*sx); printf " %s %+.2f", names[i-1], b*600 }
          print "" }'
}
UNDER_LOAD="$(tail -n +3 "$CSV" | head -n -1)"
echo "$UNDER_LOAD" | slope "under load"
HALF=$(( $(echo "$UNDER_LOAD" | wc -l) / 2 ))
echo "$UNDER_LOAD" | tail -n "$HALF" | slope "second half under load"
echo "samples: $CSV, node log: $BENCH_DIR/warden/node.log"
