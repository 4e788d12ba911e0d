#!/usr/bin/env sh
# Dashboard response times on PostgreSQL (127.0.0.1:5432, scratch database): 2 000 open requests through the
# engine and 100 000 finished ones seeded by SQL (history and read model), app with -Xmx256m; prints p50/p95/p99
# per page and "[bench] dashboard: … heap_after_full_gc_mb=…".
#   bench/dashboard.sh                                                   # 2 000 open / 100 000 finished
#   bench/dashboard.sh -Dbench.active=20000 -Dbench.finished=1000000     # ten times the data
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench test -Dtest=DashboardBenchmark -Dspring-javaformat.skip=true "$@" \
  | grep -E '^\[bench\]|^GET |^page |^export |^Seeded|^Reusing|^Target|^  [A-Za-z_]+: [0-9]+ rows|^  [0-9]+ open'
