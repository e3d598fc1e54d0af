#!/bin/sh
# Backup and restore of 10,000 items through the local endpoint, as ratios against a Scan and a BatchWriteItem
# load measured in the same run. Usage: bench/backup-restore.sh [items] [rounds]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "target/test-classes:target/classes:$(cat "$cp_file")" io.ddbgitops.bench.BackupRestoreBench "$@"
