#!/usr/bin/env sh
# Reminder timeliness benchmark: 10 000 due reminder timers on PostgreSQL (127.0.0.1:5432 or the embedded server, see ScratchDatabase),
# the real reminder delegate and outbox, an in-process GreenMail as the SMTP sink.
# Prints due -> outbox and due -> sent latency (p50, p99, max) and throughput.
#   bench/reminder-latency.sh                                   # 10 000 timers due over 100 s
#   bench/reminder-latency.sh -Dbench.timers=2000 -Dbench.spread=PT20S -Dbench.lead=PT30S
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench test -Dtest=ReminderLatencyBenchmark -Dspring-javaformat.skip=true "$@"
grep -h '^\[bench\]' target/surefire-reports/*ReminderLatencyBenchmark-output.txt
