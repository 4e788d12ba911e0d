#!/usr/bin/env sh
# History cleanup beside the dashboard on PostgreSQL (127.0.0.1:5432, scratch database), app with -Xmx256m:
# 100 000 requests that ended more than ten years ago (their history copied by SQL from requests run through the
# engine, removal time in the past), 200 open and 100 000 finished ones alive; runs the engine's history cleanup
# (cleanUpHistoryAsync(true), as in its batch window) while sampling the dashboard's pages; prints
# "[bench] history-cleanup: … rows_per_s=… p95_during_ms=…".
#   bench/history-cleanup.sh
#   bench/history-cleanup.sh -Dbench.expired=1000 -Dbench.finished=1000 -Dbench.active=20      # smoke size
#   bench/history-cleanup.sh -Dbench.history-cleanup-degree-of-parallelism=2                    # engine knobs
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench test -Dtest=HistoryCleanupBenchmark -Dspring-javaformat.skip=true "$@" \
  | grep -E '^\[bench\]|^Cleanup|^Seeded|^Removed|^Stopped|^Dashboard|^Target|^  [A-Za-z_]+: [0-9]+ rows|^  [0-9]+ s:'
