# syntax=docker/dockerfile:1
# Build stage: compile and package the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY schemas schemas
COPY sample-repo sample-repo
RUN mvn -B -q -DskipTests package

# Run stage: a JRE and the jar, as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN groupadd --system ddbgitops && useradd --system --gid ddbgitops --home-dir /home/ddbgitops --create-home ddbgitops
# the slim jar: no DynamoDB Local, Jetty or sqlite4java (--local needs the full jar, which stays in the build stage)
COPY --from=build /src/target/ddb-gitops-slim.jar /opt/ddb-gitops/ddb-gitops.jar
USER ddbgitops
WORKDIR /home/ddbgitops
ENV DDB_LOCAL_TELEMETRY=0
ENTRYPOINT ["java", "-jar", "/opt/ddb-gitops/ddb-gitops.jar"]
CMD ["--help"]
