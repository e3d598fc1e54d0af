#!/bin/sh
# Start-up of ddb-gitops against a hello-world jar on the same JVM, as ratios (min/median/max over interleaved
# rounds): `--version` (start to exit) and `plan` up to its first AWS request (start to the request arriving at a
# stand-in endpoint on loopback). Measures target/ddb-gitops.jar without and with an AppCDS archive made for this
# JVM by bench/cds-archive.sh, unless variants are given.
# Usage: bench/startup.sh [rounds] [LABEL=JAR[@ARCHIVE.jsa]...]   (e.g. before=/tmp/old.jar after=target/ddb-gitops.jar)
# JAVA_OPTS=-Dkeep=true keeps the work folder (the runs' logs).
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-5}
[ $# -gt 0 ] && shift
[ -f target/ddb-gitops.jar ] || mvn -B -q -DskipTests package
mvn -B -q -DskipTests test-compile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp"
mkdir "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
printf 'Main-Class: Hello\n' > "$work/hello/manifest.txt"
jar cfm "$work/hello.jar" "$work/hello/manifest.txt" -C "$work/hello" Hello.class
if [ $# -eq 0 ]; then
  bench/cds-archive.sh target/ddb-gitops.jar "$work/ddb-gitops.jsa"
  set -- "ddb-gitops=target/ddb-gitops.jar" "ddb-gitops+AppCDS=target/ddb-gitops.jar@$work/ddb-gitops.jsa"
fi
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$work/cp")" io.ddbgitops.bench.StartupBench "$rounds" "$work/hello.jar" "$@"
