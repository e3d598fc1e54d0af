#!/bin/sh
# What `plan` spends before it reads the first table, on a generated repository of 20,000 files and 2,000 commits
# served by `git daemon` on loopback, as a ratio to `git clone --depth 1` of the same repository (min/median/max
# over interleaved rounds). Measures target/ddb-gitops.jar unless variants are given; needs git.
# Usage: bench/checkout.sh [rounds] [LABEL=JAR...]   (e.g. before=/tmp/old.jar after=target/ddb-gitops.jar)
# The repository's size: JAVA_OPTS="-Dfiles=20000 -Dcommits=2000 -Dtables=100"; -Dkeep=true keeps its work folder.
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-5}
[ $# -gt 0 ] && shift
[ -f target/ddb-gitops.jar ] || mvn -B -q -DskipTests package
mvn -B -q -DskipTests test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
[ $# -eq 0 ] && set -- "ddb-gitops=target/ddb-gitops.jar"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$cp_file")" io.ddbgitops.bench.CheckoutBench "$rounds" "$@"
