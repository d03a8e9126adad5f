#!/usr/bin/env bash
# The benchmarks of penneo-archive (docs/performance.md). Usage, from anywhere:
#
#   bench/run.sh [--quick] [--only=start,intake,processing,archival,memory,no-pg] [--reps=N]
#                [--no-build] [--jfr] [--connections=N] [--extra-cli=FILE] [--product-jvm="OPTS"]
#                [--warmup-rounds=N]
#
# Builds the product, the sandbox and the harness into target-bench folders (offline Maven; set
# BENCH_TARGET to change the folder name), then runs the harness: it prepares its own WildFly base
# directories under bench/$BENCH_TARGET/work from ear/target/wildfly-38.0.1.Final and
# ear/src/main/wildfly/configure.cli, starts the product (port offset 1000: 9080/10990) and the
# Penneo sandbox in a server of its own (offset 1100: 9180/11090), measures on loopback only,
# writes bench/results/latest.json and prints a table. Every server is stopped by its pid, also
# when the harness is interrupted. --quick: 1 repetition, shorter runs (a smoke test). The harness stops itself after 45 min (quick) or 120 min.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
target=${BENCH_TARGET:-target-bench}
build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done
wildfly="$repo/ear/target/wildfly-38.0.1.Final"
if [[ ! -x "$wildfly/bin/standalone.sh" ]]; then
  echo "bench: no unpacked WildFly at $wildfly: run 'mvn -DskipTests install' once" >&2
  exit 2
fi
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install -y wrk)" >&2; exit 2; }
if [[ $build == 1 ]]; then
  echo "[bench] building (mvn -o -Dtarget.dir=$target -DskipTests install)"
  (cd "$repo" && mvn -q -o -Dtarget.dir="$target" -Dspotless.check.skip=true -DskipTests install)
fi
work="$repo/bench/$target/work"
mkdir -p "$work/pids"

stop_servers() {
  # Only the servers this harness started, by the pids it wrote (never by name).
  for f in "$work"/pids/*.pid; do
    [[ -e $f ]] || continue
    pid=$(cat "$f")
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null \
        && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$work"; then
      echo "[bench] stopping leftover server pid $pid" >&2
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
}
trap stop_servers EXIT INT TERM
stop_servers

echo "[bench] load before: $(uptime)"
java -Xmx1g -cp "$repo/bench/$target/penneo-archive-bench.jar:$repo/bench/$target/lib/*" \
  org.penneoarchive.bench.Bench --repo="$repo" --target-dir="$target" --wildfly="$wildfly" \
  ${args[@]+"${args[@]}"}
echo "[bench] load after: $(uptime)"
