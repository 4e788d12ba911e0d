#!/usr/bin/env sh
# Long mail-server outage (not in CI: the full run takes over 10 minutes). On PostgreSQL (127.0.0.1:5432) the
# application (-Xmx256m) queues 2 000 mails while its mail server is down for 10 minutes, then the server
# (GreenMail in a process of its own) comes back: prints the backlog and oldest-pending gauges from
# /actuator/prometheus during the outage and the drain, and one summary line ("[bench] outage: ...": drain time,
# mails received, duplicates, MET when each mail arrived once within 2 minutes of the server's return).
#   bench/mail-outage.sh
#   bench/mail-outage.sh -Dbench.mails=200 -Dbench.outage=PT1M -Dbench.sample=PT10S    # shortened
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench test -Dtest=MailOutageBenchmark -Dspring-javaformat.skip=true "$@" \
  | grep '^\[bench\]'
