#!/usr/bin/env bash
# Document transfer benchmark: the built jar at -Xmx256m on a throw-away PostgreSQL database
# (127.0.0.1:5432, user postgres, trust), one 50 MB PDF uploaded and downloaded over loopback with
# curl. Prints MB/s each way and the heap in use (after a full GC) before and after the transfers.
#   ./mvnw -DskipTests package && bench/document-transfer.sh          # 50 MB, 3 rounds
#   SIZE_MB=20 ROUNDS=5 bench/document-transfer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-50}
ROUNDS=${ROUNDS:-3}
JAR=$(ls target/clearance-extensions-*.jar | grep -v original | head -1)
DB=bench_documents_$$
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
psql -h 127.0.0.1 -U postgres -qc "create database $DB" >/dev/null
cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" >/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

java -Xmx256m -jar "$JAR" --spring.profiles.active=postgres --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
  --clearance.demo.requests=false --camunda.bpm.job-execution.enabled=false >"$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
BASE="http://127.0.0.1:$PORT"
AUTH="isu-officer:demo"
KEY=$(curl -fs -u "$AUTH" -H 'Content-Type: application/json' "$BASE/api/extension-requests" \
  -d '{"convention":"CCM","stateCode":"AFG","requestedDeadline":"2031-03-01","submittedOn":"2026-11-20","summary":"Benchmark"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["businessKey"])')

# a PDF of SIZE_MB: a header, then random bytes
{ printf '%%PDF-1.7\n'; head -c $((SIZE_MB * 1024 * 1024 - 9)) /dev/urandom; } >"$WORK/big.pdf"
head -c 4096 "$WORK/big.pdf" >"$WORK/small.pdf"
SHA=$(sha256sum "$WORK/big.pdf" | cut -d' ' -f1)

heap_mb() {
  jcmd "$APP" GC.run >/dev/null
  sleep 1
  jcmd "$APP" GC.heap_info | awk '/garbage-first heap|def new generation|PSYoungGen|total/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K,?", "", v); print v / 1024; exit}}'
}
upload() {
  curl -fs -u "$AUTH" -o "$WORK/created.json" -w '%{time_total}' "$BASE/api/extension-requests/$KEY/documents" \
    -F kind=request -F language=en -F "file=@$1;type=application/octet-stream"
}
# warm up: the first upload and download load their classes
upload "$WORK/small.pdf" >/dev/null
ID=$(python3 -c 'import json; print(json.load(open("'"$WORK"'/created.json"))["id"])')
curl -fs -u "$AUTH" -o /dev/null "$BASE/api/documents/$ID/content"
BEFORE=$(heap_mb)

for round in $(seq 1 "$ROUNDS"); do
  UP=$(upload "$WORK/big.pdf")
  ID=$(python3 -c 'import json; print(json.load(open("'"$WORK"'/created.json"))["id"])')
  DOWN=$(curl -fs -u "$AUTH" -o "$WORK/back.pdf" -w '%{time_total}' "$BASE/api/documents/$ID/content")
  BACK=$(sha256sum "$WORK/back.pdf" | cut -d' ' -f1)
  [ "$BACK" = "$SHA" ] || { echo "round $round: downloaded content differs" >&2; exit 1; }
  python3 -c "print('[bench] round $round: upload %.0f MB/s (%.2f s), download %.0f MB/s (%.2f s), ${SIZE_MB} MB, sha256 identical' % ($SIZE_MB / $UP, $UP, $SIZE_MB / $DOWN, $DOWN))"
done
AFTER=$(heap_mb)
python3 -c "print('[bench] heap in use after a full GC: before %.1f MB, after %.1f MB (difference %+.1f MB), -Xmx256m' % ($BEFORE, $AFTER, $AFTER - $BEFORE))"
