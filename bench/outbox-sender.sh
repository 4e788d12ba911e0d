#!/usr/bin/env sh
# The outbox sender alone (no application, no engine): on PostgreSQL (127.0.0.1:5432) 3 000 rendered reminders
# are written to the outbox, then OutboxSender delivers them to GreenMail in a process of its own. First prints
# what the SMTP sink takes alone (one and several connections) and what one commit costs.
#   bench/outbox-sender.sh
#   bench/outbox-sender.sh -Dbench.mails=5000 -Dbench.senders=2 -Dbench.batch=50
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench test -Dtest=OutboxSenderBenchmark -Dspring-javaformat.skip=true "$@" \
  | grep '^\[bench\]'
