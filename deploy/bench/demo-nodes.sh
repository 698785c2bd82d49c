# Shared by load.sh and soak.sh (sourced, not run): build the demo jar if needed, start and stop demo processes.
# Each node gets a fresh data directory under $BENCH_DIR, binds loopback on a free port, and logs to node.log.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/deploy/target/warden-demo.jar"
BENCH_DIR="${BENCH_DIR:-$(mktemp -d /tmp/warden-bench.XXXXXX)}"
# The same heap for both nodes; full JIT (these are measurements, unlike the tests' quick-start JVMs).
NODE_JAVA_OPTS="${NODE_JAVA_OPTS:--Xmx512m -XX:+UseG1GC}"
NODE_PIDS=()

build_if_needed() {
  if [[ ! -f "$JAR" || -n "$(find "$ROOT"/{classifier,plugin,admin-ui,deploy}/src/main -newer "$JAR" -type f -print -quit)" ]]; then
    echo "building $JAR ..."
    (cd "$ROOT" && mvn -B -o -q -pl deploy -am package -DskipTests) || { echo "build failed" >&2; exit 1; }
  fi
}

# start_node NAME [launcher options...]: starts a node; sets NODE_URL and NODE_PID.
start_node() {
  local name="$1"; shift
  local dir="$BENCH_DIR/$name"
  mkdir -p "$dir"
  # shellcheck disable=SC2086
  WARDEN_DEMO_PASSWORD="bench-password-$RANDOM$RANDOM" java $NODE_JAVA_OPTS -jar "$JAR" \
    --host 127.0.0.1 --port 0 --data-dir "$dir" "$@" >"$dir/node.log" 2>&1 &
  NODE_PID=$!
  NODE_PIDS+=("$NODE_PID")
  for _ in $(seq 1 120); do
    NODE_URL="$(grep -oE 'News site: +http://[^ ]+' "$dir/node.log" | grep -oE 'http://[^ ]+' | sed 's:/$::' | head -1 || true)"
    [[ -n "$NODE_URL" ]] && { echo "$name: $NODE_URL (pid $NODE_PID, data $dir)"; return 0; }
    kill -0 "$NODE_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "node $name did not start; its log:" >&2
  tail -40 "$dir/node.log" >&2
  exit 1
}

stop_nodes() {
  for pid in "${NODE_PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${NODE_PIDS[@]}"; do
    # A node stopped by our SIGTERM exits 143; under set -e that status would become the script's own.
    wait "$pid" 2>/dev/null || true
  done
  NODE_PIDS=()
}
