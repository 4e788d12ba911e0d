# syntax=docker/dockerfile:1
# The application image: JRE 17, the Spring Boot jar extracted into layers (dependencies change
# rarely, the application often) with a class data sharing archive trained on this image's java
# (bin/cds.sh: faster start), run as an unprivileged user. Configured only through environment
# variables (see docker-compose.yml and the README's "Production" section).
#
#   docker build -t clearance-extensions .

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY bpmn/ bpmn/
COPY forms/ forms/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \
    && cp target/clearance-extensions-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted \
       --application-filename application.jar

FROM eclipse-temurin:17-jre
# curl for the container health check on Actuator
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system clearance \
    && useradd --system --gid clearance --home-dir /application --shell /usr/sbin/nologin clearance
WORKDIR /application
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# the JVM's own base archive when the JRE lacks it (the application's archive extends it; without it
# bin/cds.sh fails), then the application's: a training run on an in-memory H2 database that exits
# once the context is refreshed
COPY bin/cds.sh /usr/local/bin/cds.sh
RUN if [ ! -f "$JAVA_HOME/lib/server/classes.jsa" ]; then java -Xshare:dump >/dev/null; fi \
    && sh /usr/local/bin/cds.sh /application \
    && rm -f cds-training.log cds-check.log
USER clearance
EXPOSE 8080
# a fixed 256 MB heap: what every benchmark runs with (README "Performance")
ENV JAVA_TOOL_OPTIONS="-Xmx256m -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
# started as bin/cds.sh trained it: in /application, with these relative paths
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-jar", "application.jar"]
