#!/bin/sh
# kill -9 trials of apply (separate JVMs) against a local-endpoint with --data-dir in its own JVM: how many trials
# needed more than one extra run to converge; duplicate backups, deleted tables, unparsable pushed reports and lost
# items (all must be 0). Usage: bench/kill-trials.sh [trials] [tables] [seed]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "target/test-classes:target/classes:$(cat "$cp_file")" io.ddbgitops.bench.KillTrialsBench "$@"
