#!/usr/bin/env sh
# Startup time of the jar as production runs it (profile prod, -Xmx256m, a process of its own; PostgreSQL on
# 127.0.0.1:5432, a scratch database per start, created and dropped): builds the jar, extracts it and trains its
# class data sharing archive (bin/cds.sh), then starts it that way ("cds", as shipped) and as plain `java -jar`
# ("jar", as before), back to back. Prints "[bench] startup run …" per start and a summary line.
#   bench/startup.sh                                  # an empty database, one round
#   bench/startup.sh -Dbench.runs=3                   # three rounds, alternating which way goes first
#   bench/startup.sh -Dbench.database=startup1m       # each start on a copy of a seeded database
#                                                     # (bench/dashboard.sh -Dbench.keep=startup1m …)
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true
./mvnw -B -q -Pbench test -Dtest=StartupBenchmark -Dspring-javaformat.skip=true "$@" | grep '^\[bench\]'
