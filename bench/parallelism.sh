#!/bin/sh
# How a no-change plan of many tables scales with --parallelism (1, 4, 8, 16, 32), at 0 ms and at 10 ms latency from
# the local endpoint: min/median/max seconds over interleaved rounds and the speed-up over 1. Chooses the default.
# Usage: bench/parallelism.sh [tables (200)] [rounds (5)]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "target/test-classes:target/classes:$(cat "$cp_file")" io.ddbgitops.bench.ParallelismBench "$@"
