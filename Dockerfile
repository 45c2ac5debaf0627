# Builds the single `monitor` jar and runs it; ingest, processor and sink are its subcommands:
#   docker build -t influence-monitor .
#   docker run --rm influence-monitor --help

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src

# Poms first, then a build of the empty modules: that downloads every dependency and plugin into a
# layer that is only rebuilt when a pom changes, not on every source edit.
COPY pom.xml ./
COPY model/pom.xml model/
COPY language/pom.xml language/
COPY http/pom.xml http/
COPY telemetry/pom.xml telemetry/
COPY ingest/pom.xml ingest/
COPY processor/pom.xml processor/
COPY sink/pom.xml sink/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
RUN mvn -B -q -DskipTests -pl app -am package

# Only the sources: a developer's local target/ directories must not leak into the image.
COPY model/src model/src
COPY language/src language/src
COPY http/src http/src
COPY telemetry/src telemetry/src
COPY ingest/src ingest/src
COPY processor/src processor/src
COPY sink/src sink/src
COPY app/src app/src
# The demo's bundled articles go inside the jar.
COPY samples/articles.jsonl samples/
RUN mvn -B -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
# Not root: the container only needs to read its inputs and write /data.
RUN useradd --system --uid 10001 --home-dir /opt/monitor monitor \
    && mkdir -p /opt/monitor /data \
    && chown monitor /data
COPY --from=build /src/app/target/monitor.jar /opt/monitor/monitor.jar
USER monitor
# /data is where the sink's volume is mounted; a fresh named volume copies this directory's owner,
# so the non-root user can write there. Kafka Streams state stays in /tmp.
WORKDIR /data
ENTRYPOINT ["java", "-jar", "/opt/monitor/monitor.jar"]
CMD ["--help"]
