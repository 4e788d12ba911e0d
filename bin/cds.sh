#!/usr/bin/env sh
# Class data sharing (CDS): the application's classes, parsed and verified once, mapped from an archive at
# each start instead of being read from the jars again (README "Production", the Dockerfile).
#
#   bin/cds.sh JAR DIR   extracts JAR into DIR (DIR/application.jar and DIR/lib/) and trains DIR/application.jsa
#   bin/cds.sh DIR       trains DIR/application.jsa of a JAR extracted before (the Dockerfile's runtime stage)
#
# then, in DIR:  java -Xmx256m -XX:SharedArchiveFile=application.jsa -jar application.jar
#
# The training run starts the application as production does (profile prod) but on an in-memory H2 database,
# with the job executor off, no mail server and none of the caller's environment, and exits once the context
# is refreshed (spring.context.exit=onRefresh: before the web server, the job executor, the mail senders and the
# start-up steps would start). It reaches no database, mail server or port outside its own JVM.
# Train again for every new jar and with the java that will run it. Start the application from DIR with the
# paths above: the archive names the jars as the training run was given them (application.jar, lib/...), and the
# JVM silently ignores it when the class path differs (this script checks that the archive is valid for it).
set -e
# JAVA: the java that will run the application (default: java on the PATH)
java=${JAVA:-java}
if [ $# -eq 2 ]; then
  if [ -e "$2" ] && [ ! -f "$2/application.jar" ]; then
    echo "error: $2 exists and holds no extracted jar (application.jar): choose a new directory" >&2
    exit 2
  fi
  rm -rf "$2"
  "$java" -Djarmode=tools -jar "$1" extract --destination "$2" --application-filename application.jar
  dir=$2
elif [ $# -eq 1 ]; then
  dir=$1
else
  echo "usage: bin/cds.sh JAR DIR | bin/cds.sh DIR" >&2
  exit 2
fi
cd "$dir"
rm -f application.jsa
if ! env -i PATH="$PATH" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} \
  "$java" -Xmx256m -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar application.jar \
    --spring.profiles.active=prod \
    --spring.datasource.url=jdbc:h2:mem:cds-training --spring.datasource.username=sa --spring.datasource.password= \
    --camunda.bpm.admin-user.id=cds-training --camunda.bpm.admin-user.password=cds-training-only \
    --camunda.bpm.job-execution.enabled=false --spring.mail.host= \
    --server.port=0 >cds-training.log 2>&1 || [ ! -s application.jsa ]; then
  tail -n 40 cds-training.log >&2
  echo "error: the CDS training run failed (see $dir/cds-training.log)" >&2
  exit 1
fi
if ! "$java" -XX:SharedArchiveFile=application.jsa -XX:+PrintSharedArchiveAndExit -jar application.jar \
    >cds-check.log 2>&1; then
  tail -n 5 cds-check.log >&2
  echo "error: the JVM does not accept the CDS archive (see $dir/cds-check.log)" >&2
  exit 1
fi
echo "CDS archive: $dir/application.jsa ($(du -m application.jsa | cut -f1) MB); start the application in $dir with:"
echo "  java -Xmx256m -XX:SharedArchiveFile=application.jsa -jar application.jar"
