#!/usr/bin/env sh
# Reminder timeliness benchmark: 10 000 due reminder timers on PostgreSQL (127.0.0.1:5432 or the embedded server, see ScratchDatabase),
# the real reminder delegate, outbox and outbox sender; the SMTP server is GreenMail in a process of its own
# (bench/SmtpSink.java). The application runs with -Xmx256m (Maven profile bench).
# Prints due -> outbox and due -> sent latency (p50, p99, max), throughput and heap after a full GC;
# the last line is the summary ("[bench] reminders: ...").
#   bench/reminder-latency.sh                                   # 10 000 timers due over 100 s
#   bench/reminder-latency.sh -Dbench.timers=2000 -Dbench.spread=PT20S -Dbench.lead=PT30S
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench test -Dtest=ReminderLatencyBenchmark -Dspring-javaformat.skip=true "$@" \
  | grep '^\[bench\]'
