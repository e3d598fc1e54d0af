#!/bin/sh
# Runs of apply needed to converge when a share of DynamoDB requests fail (throttling, 500s, LimitExceeded, dropped
# connections), over N tables, and every seeded item read back. Usage: bench/fault-convergence.sh [tables] [shares]
# [max-runs], e.g. bench/fault-convergence.sh 200 0.10,0.30 15
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  io.ddbgitops.bench.FaultConvergenceBench "$@"
