#!/usr/bin/env sh
# Startup time on an empty PostgreSQL database (127.0.0.1:5432; a scratch database created and dropped), profile
# prod, -Xmx256m: prints "[bench] startup: empty_db_ready_s=… jvm_uptime_at_ready_s=… heap_after_full_gc_mb=…".
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench test -Dtest=StartupBenchmark -Dspring-javaformat.skip=true "$@" | grep '^\[bench\]'
