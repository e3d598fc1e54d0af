# syntax=docker/dockerfile:1
# Build: docker build --build-arg VERSION=1.0.0 --build-arg REVISION=$(git rev-parse HEAD) \
#          --build-arg SOURCE=https://github.com/your-org/ddb-gitops -t ddb-gitops:1.0.0 .
#
# Build stage: compile and package. `package` also leaves the runtime libraries as separate jars in target/lib.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY schemas schemas
COPY sample-repo sample-repo
RUN mvn -B -q -DskipTests package

# Run stage: a JRE, the libraries in one layer and our own classes in another, as an unprivileged numeric user.
# The libraries' layer changes only when a dependency does, so a new release pulls one small layer
# instead of the whole shaded jar: ddb-gitops-app.jar holds our own classes, schemas and the sample only.
FROM eclipse-temurin:17-jre
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="ddb-gitops" \
      org.opencontainers.image.description="GitOps reconciler for Amazon DynamoDB tables" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}"
RUN groupadd --gid 10001 ddbgitops \
 && useradd --uid 10001 --gid 10001 --home-dir /home/ddbgitops --create-home --shell /usr/sbin/nologin ddbgitops
# Nothing that only the local endpoint needs: target/lib leaves out DynamoDB Local, Jetty and sqlite4java (see
# pom.xml), and ddb-gitops-app.jar our io.ddbgitops.local package and sqlite4java's native library. So --local is
# refused in the image with one line; java -jar target/ddb-gitops.jar keeps it.
COPY --from=build /src/target/lib/ /opt/ddb-gitops/lib/
COPY --from=build /src/target/ddb-gitops-app.jar /opt/ddb-gitops/ddb-gitops.jar
COPY deploy/docker/healthcheck.sh /opt/ddb-gitops/healthcheck.sh
# AppCDS: a training run made with this image's own JVM and class path (an archive fits only those) stores the
# classes every run loads before its first AWS request, already parsed and verified; the entrypoint maps them. The
# run stops at a closed loopback port (exit 1) before it clones anything; no network is used. A JVM that cannot use
# the archive starts without it.
RUN java -XX:ArchiveClassesAtExit=/opt/ddb-gitops/ddb-gitops.jsa -cp "/opt/ddb-gitops/ddb-gitops.jar:/opt/ddb-gitops/lib/*" \
      io.ddbgitops.cli.Main plan --repo /tmp --endpoint-url http://127.0.0.1:9 >/dev/null 2>&1; \
    test -s /opt/ddb-gitops/ddb-gitops.jsa
# Numeric, so Kubernetes' runAsNonRoot can verify it is not root without reading /etc/passwd.
USER 10001:10001
WORKDIR /home/ddbgitops
ENV DDB_LOCAL_TELEMETRY=0
# For `serve`: GET /healthz on its --health-port must answer 200 (bash's /dev/tcp: the JRE image promises no curl,
# and a JVM per check would cost a second of CPU). Any other command counts as healthy while it runs, so that an
# orchestrator acting on health never stops a batch apply half-way. Kubernetes ignores HEALTHCHECK; see its probes.
HEALTHCHECK --interval=30s --timeout=10s --start-period=2m --retries=3 \
  CMD ["/bin/bash", "/opt/ddb-gitops/healthcheck.sh"]
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/ddb-gitops/ddb-gitops.jsa", "-cp", "/opt/ddb-gitops/ddb-gitops.jar:/opt/ddb-gitops/lib/*", "io.ddbgitops.cli.Main"]
CMD ["--help"]
