#!/bin/sh
# Makes an AppCDS archive (Java 17 dynamic archive) for JAR on the JVM that runs this script: one training run of
# `plan` up to its first AWS request (an endpoint on a closed loopback port, so it stops there with exit code 1),
# which loads what every run loads first: picocli, logging, the AWS SDK and its HTTP client. An archive only
# fits the JVM build and the class path it was made with; the JVM ignores a mismatched one (see README).
# Usage: bench/cds-archive.sh JAR ARCHIVE.jsa
set -eu
jar=$1
archive=$2
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
# any existing folder passes the up-front check of --repo; the run stops at the endpoint before cloning it
java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" plan --repo "$repo" --endpoint-url http://127.0.0.1:9 \
  >/dev/null 2>&1 || true
[ -s "$archive" ] || { echo "no archive was written to $archive" >&2; exit 1; }
echo "AppCDS archive: $archive ($(wc -c < "$archive") bytes)"
