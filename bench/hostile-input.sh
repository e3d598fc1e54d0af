#!/bin/sh
# How long the manifest loader takes to refuse hostile files (a 50 MB scalar, the worst files within the limits),
# as ratios against loading one plain manifest in the same run. Usage: bench/hostile-input.sh [rounds]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "target/test-classes:target/classes:$(cat "$cp_file")" io.ddbgitops.bench.HostileInputBench "$@"
