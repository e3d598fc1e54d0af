#!/bin/sh
# kill -9 of the local endpoint at random moments under acknowledged writes, restart on the same --data-dir, and
# an item-by-item check that nothing acknowledged was lost and every table kept its tags.
# Usage: bench/endpoint-crash.sh [trials (default 20)] [seed (default: the clock)]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "target/test-classes:target/classes:$(cat "$cp_file")" io.ddbgitops.bench.EndpointCrashBench "$@"
