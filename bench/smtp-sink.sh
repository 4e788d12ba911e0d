#!/usr/bin/env sh
# A local SMTP sink (GreenMail, from the test dependencies) that prints every mail it receives.
#   bench/smtp-sink.sh [port]            # default 3025
# then run the app with:  ./mvnw spring-boot:run -Dspring-boot.run.arguments="--spring.mail.host=127.0.0.1 --spring.mail.port=3025"
set -e
cd "$(dirname "$0")/.."
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -cp "$CP" bench/SmtpSink.java "${1:-3025}"
