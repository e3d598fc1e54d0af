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
# instead of the whole 58 MB shaded jar: about 1 MB of our own classes, schemas, sample and native library.
# The shaded jar stays the artifact for `java -jar` outside the image; the two hold the same classes.
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
# target/lib leaves out what only the local endpoint needs (DynamoDB Local, Jetty, sqlite4java; see pom.xml),
# so --local is refused in the image with one line; java -jar target/ddb-gitops.jar keeps it.
COPY --from=build /src/target/lib/ /opt/ddb-gitops/lib/
COPY --from=build /src/target/original-ddb-gitops.jar /opt/ddb-gitops/ddb-gitops.jar
# Numeric, so Kubernetes' runAsNonRoot can verify it is not root without reading /etc/passwd.
USER 10001:10001
WORKDIR /home/ddbgitops
ENV DDB_LOCAL_TELEMETRY=0
# No HEALTHCHECK: the batch commands (the image's main use) are not services. `serve` answers /healthz on
# --health-port (8080); Kubernetes ignores HEALTHCHECK anyway, deploy/kubernetes/serve-deployment.yaml probes it.
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/opt/ddb-gitops/ddb-gitops.jar:/opt/ddb-gitops/lib/*", "io.ddbgitops.cli.Main"]
CMD ["--help"]
