#!/usr/bin/env bash
# Lifecycle throughput against PostgreSQL's own ceiling (127.0.0.1:5432, user postgres; scratch databases it
# creates and drops):
#  1. pgbench (TPC-B-like) on its own scratch database: scale 10, 4 clients, 30 s -> pgbench_tps;
#  2. then N whole extension requests (default 1 000, CCM and APMBC mixed) driven from start to decision through
#     the Java API with K threads (default 4), as the demo users would, job executor on, app with -Xmx256m.
# Prints one line:
#   lifecycle: requests=… requests_per_s=… task_completions_per_s=… jobs_per_s=… pgbench_tps=… ratio=…
#   bench/lifecycle-throughput.sh [N] [K] [pgbench seconds]       e.g. bench/lifecycle-throughput.sh 20 4 5 (smoke)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"; K="${2:-4}"; T="${3:-30}"
DB="pgbench_scratch_$$"
PG="-h 127.0.0.1 -p 5432 -U postgres"
createdb $PG "$DB"
trap 'dropdb $PG --if-exists "$DB" 2>/dev/null' EXIT
pgbench $PG -i -q -s 10 "$DB" >/dev/null 2>&1
TPS=$(pgbench $PG -n -c 4 -j 4 -T "$T" "$DB" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | tail -1)
echo "[bench] pgbench scale 10, 4 clients, ${T} s: tps=${TPS}"
./mvnw -B -q -Pbench test -Dtest=LifecycleThroughputBenchmark -Dspring-javaformat.skip=true \
  -Dbench.requests="$N" -Dbench.threads="$K" -Dbench.pgbenchTps="$TPS" | grep '^\[bench\]'
