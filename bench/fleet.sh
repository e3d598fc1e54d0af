#!/usr/bin/env bash
# Fleet benchmark (issue 10, "Fast at fleet size"): the six comparisons, each as ratios over interleaved runs of the
# job and its baseline in the same run, printed as one table. See bench/README.md for what each row means.
#
# Usage: bench/fleet.sh [--quick]
# Environment (defaults in brackets; --quick changes the ones marked *):
#   BENCH_TABLES*        tables in the fleet                          [1000; quick 100]
#   BENCH_RUNS*          interleaved runs per comparison             [5; quick 3]
#   BENCH_RTT_MS         round trip the proxy adds                    [10]
#   BENCH_PARALLELISM    the floor's threads, and the job's --parallelism if it has the option [16]
#   BENCH_CLI_SAMPLE*    tables the AWS CLI loop reads per run (then scaled to BENCH_TABLES) [10; quick 3]
#   BENCH_VALIDATE*      manifests for the validate rows              [10000; quick 1000]
#   BENCH_BIG_FILES*     files in the big repository                  [20000; quick 2000]
#   BENCH_BIG_COMMITS*   commits in the big repository                [2000; quick 200]
#   BENCH_ONLY           comma list of plan,apply,validate,startup,bigrepo [all]
#   BENCH_SKIP_BUILD=1   use target/ddb-gitops.jar as it is
#   BENCH_JFR=FILE       also record one plan (at BENCH_RTT_MS) with Java Flight Recorder into FILE
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

quick=0
table_only=""
case "${1:-}" in
    --quick) quick=1 ;;
    --table) table_only=${2:?--table DIR}; BENCH_ONLY=none; BENCH_SKIP_BUILD=1 ;;
esac
N=${BENCH_TABLES:-$([ $quick = 1 ] && echo 100 || echo 1000)}
RUNS=${BENCH_RUNS:-$([ $quick = 1 ] && echo 3 || echo 5)}
RTT=${BENCH_RTT_MS:-10}
PAR=${BENCH_PARALLELISM:-16}
CLI_SAMPLE=${BENCH_CLI_SAMPLE:-$([ $quick = 1 ] && echo 3 || echo 10)}
VALIDATE_N=${BENCH_VALIDATE:-$([ $quick = 1 ] && echo 1000 || echo 10000)}
BIG_FILES=${BENCH_BIG_FILES:-$([ $quick = 1 ] && echo 2000 || echo 20000)}
BIG_COMMITS=${BENCH_BIG_COMMITS:-$([ $quick = 1 ] && echo 200 || echo 2000)}
ONLY=${BENCH_ONLY:-plan,apply,validate,startup,bigrepo}
PREFIX=bench
JAR=$root/target/ddb-gitops.jar

work=$(mktemp -d "${TMPDIR:-/tmp}/ddb-bench.XXXXXX")
pids=()
cleanup() {
    for p in "${pids[@]:-}"; do
        if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; fi
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# the measurements, one file per series; BENCH_RESULTS keeps them (then `bench/fleet.sh --table DIR` prints the
# table again, also from a run that was stopped half-way)
results=${table_only:-${BENCH_RESULTS:-$work/results}}
mkdir -p "$results"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
wants() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }

# ---- build -------------------------------------------------------------------------------------------------------
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building target/ddb-gitops.jar"
    mvn -B -q -o -DskipTests package >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
fi
# a copy, so that a build during the run does not change what is measured
cp target/ddb-gitops.jar "$work/ddb-gitops.jar"
JAR=$work/ddb-gitops.jar
classes=$work/classes
mkdir -p "$classes"
javac -d "$classes" -cp "$JAR" bench/java/*.java 2>"$work/javac.log" || { cat "$work/javac.log" >&2; exit 1; }
(cd "$work" && mkdir -p hello && cp "$classes/Hello.class" hello/ \
    && printf 'Main-Class: Hello\n' >hello/manifest.txt && jar cfm hello.jar hello/manifest.txt -C hello Hello.class)

export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 \
    AWS_EC2_METADATA_DISABLED=true AWS_PAGER=""
par_opt=()
if java -jar "$JAR" plan --help 2>&1 | grep -q -- '--parallelism'; then
    par_opt=(--parallelism "$PAR")
    job_conc="--parallelism $PAR"
else
    job_conc="sequential (no --parallelism on this build)"
fi

# ---- processes ---------------------------------------------------------------------------------------------------
# start_endpoint VAR: an in-memory local endpoint on a free port; sets VAR_port and VAR_pid
start_endpoint() {
    local out=$work/endpoint.$1.out
    java -jar "$JAR" local-endpoint --port 0 --quiet >"$out" 2>"$work/endpoint.$1.err" &
    local pid=$!
    pids+=("$pid")
    local port=""
    for _ in $(seq 1 600); do
        port=$(sed -n 's|^local endpoint: http://127.0.0.1:\([0-9]*\).*|\1|p' "$out")
        [ -n "$port" ] && break
        kill -0 "$pid" 2>/dev/null || { cat "$work/endpoint.$1.err" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$port" ] || { log "endpoint did not start"; exit 1; }
    printf -v "${1}_port" '%s' "$port"
    printf -v "${1}_pid" '%s' "$pid"
}
# start_proxy VAR TARGET_PORT RTT_MS [EVENTS MARK]
start_proxy() {
    local pf=$work/proxy.$1.port
    rm -f "$pf"
    local extra=()
    if [ $# -ge 5 ]; then extra=(--events "$4" --mark "$5"); fi
    java -cp "$classes" DelayProxy --target "$2" --rtt-ms "$3" --port-file "$pf" "${extra[@]}" \
        2>"$work/proxy.$1.err" &
    local pid=$!
    pids+=("$pid")
    for _ in $(seq 1 300); do [ -s "$pf" ] && break; sleep 0.05; done
    [ -s "$pf" ] || { log "proxy did not start"; cat "$work/proxy.$1.err" >&2; exit 1; }
    printf -v "${1}_port" '%s' "$(cat "$pf")"
    printf -v "${1}_pid" '%s' "$pid"
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# ---- repositories ------------------------------------------------------------------------------------------------
make_repo() { # make_repo NAME FleetGen-args...: a bare repository on disk built with git fast-import
    local name=$1; shift
    git init -q --bare -b main "$work/$name.git"
    java -cp "$classes" FleetGen "$@" | git -C "$work/$name.git" fast-import --quiet
}

# job NAME EXPECTED_EXIT cmd...: runs the job, appends its wall time (ms) to $results/r.NAME
job() {
    local name=$1 expect=$2; shift 2
    local t0 rc=0
    t0=$(now_ns)
    "$@" >"$work/last.out" 2>"$work/last.err" || rc=$?
    local ms; ms=$(ms_since "$t0")
    if [ "$rc" != "$expect" ]; then
        log "$name: exit $rc, expected $expect"; tail -20 "$work/last.err" >&2; tail -5 "$work/last.out" >&2; exit 1
    fi
    echo "$ms" >>"$results/r.$name"
}
floor() { # floor NAME plan|apply PORT: appends the floor's own time (ms, calls only) to $results/r.NAME, and the
           # same run timed as a whole process (JVM start, client creation, calls, exit) to $results/r.NAME_process
    local out t0
    t0=$(now_ns)
    out=$(java -cp "$classes:$JAR" Floor "$2" "http://127.0.0.1:$3" "$PREFIX" "$N" "$PAR")
    ms_since "$t0" >>"$results/r.$1_process"
    echo "$out" | sed -n 's/^floor_ms=\([0-9.]*\).*/\1/p' >>"$results/r.$1"
    echo "$out" | sed -n 's/.*calls=\([0-9]*\).*/\1/p' >"$results/calls.$1"
}
plan_job() { # plan_job NAME PORT
    job "$1" 0 java -jar "$JAR" plan --repo "file://$work/fleet.git" --endpoint-url "http://127.0.0.1:$2" \
        "${par_opt[@]}" --quiet
}
cli_loop() { # cli_loop NAME PORT: the AWS CLI reads CLI_SAMPLE tables, scaled to N tables
    local t0; t0=$(now_ns)
    for i in $(seq 0 $((CLI_SAMPLE - 1))); do
        local t; t=$(printf '%s-t%05d' "$PREFIX" "$i")
        aws dynamodb describe-table --endpoint-url "http://127.0.0.1:$2" --table-name "$t" >/dev/null
        aws dynamodb describe-continuous-backups --endpoint-url "http://127.0.0.1:$2" --table-name "$t" >/dev/null
    done
    echo $(( $(ms_since "$t0") * N / CLI_SAMPLE )) >>"$results/r.$1"
}

# ---- 1, 2: no-change plan ----------------------------------------------------------------------------------------
if wants plan || wants bigrepo; then
    log "generating $N manifests; creating the tables with one apply (-Xmx256m, loopback)"
    make_repo fleet manifests "$N" "$PREFIX"
    start_endpoint fleet
    job apply_256m 0 java -Xmx256m -jar "$JAR" apply --repo "file://$work/fleet.git" \
        --endpoint-url "http://127.0.0.1:$fleet_port" "${par_opt[@]}" --quiet
    start_proxy fleetproxy "$fleet_port" "$RTT"
fi
if wants plan; then
    for run in $(seq 1 "$RUNS"); do
        log "plan run $run/$RUNS"
        if [ $((run % 2)) = 1 ]; then
            plan_job plan_rtt "$fleetproxy_port"; floor floor_plan_rtt plan "$fleetproxy_port"
            plan_job plan_0 "$fleet_port"; floor floor_plan_0 plan "$fleet_port"
        else
            floor floor_plan_rtt plan "$fleetproxy_port"; plan_job plan_rtt "$fleetproxy_port"
            floor floor_plan_0 plan "$fleet_port"; plan_job plan_0 "$fleet_port"
        fi
        cli_loop cli_rtt "$fleetproxy_port"
    done
    if [ -n "${BENCH_JFR:-}" ]; then
        log "recording one plan with JFR into $BENCH_JFR"
        job jfr 0 java -XX:StartFlightRecording=filename="$BENCH_JFR",settings=profile -jar "$JAR" plan \
            --repo "file://$work/fleet.git" --endpoint-url "http://127.0.0.1:$fleetproxy_port" "${par_opt[@]}" --quiet
    fi
fi

# ---- 4: validate -------------------------------------------------------------------------------------------------
if wants validate; then
    log "validate: $VALIDATE_N manifests with -Xmx64m, then JMH"
    java -cp "$classes" FleetGen dir "$VALIDATE_N" "$PREFIX" "$work/validate"
    job validate_64m 0 java -Xmx64m -jar "$JAR" validate --repo "$work/validate" --quiet
    jmhcp_file=$work/jmh.cp
    mvn -B -q -o -f bench/jmh/pom.xml dependency:build-classpath -Dmdep.outputFile="$jmhcp_file" >/dev/null 2>&1 \
        || mvn -B -q -f bench/jmh/pom.xml dependency:build-classpath -Dmdep.outputFile="$jmhcp_file" >/dev/null
    jmhcp=$(cat "$jmhcp_file")
    mkdir -p "$work/jmh"
    javac -d "$work/jmh" -cp "$JAR:$jmhcp" -processorpath "$jmhcp" $(find bench/jmh/src -name '*.java')
    java -cp "$work/jmh:$JAR:$jmhcp" org.openjdk.jmh.Main ValidateBench -p dir="$work/validate" \
        -f 1 -wi "${BENCH_JMH_WARMUP:-3}" -i "${BENCH_JMH_ITERATIONS:-5}" -w 10s -r 10s -rf json \
        -rff "$work/jmh.json" >"$work/jmh.out" 2>&1 || { tail -30 "$work/jmh.out" >&2; exit 1; }
    # ms per op (all VALIDATE_N manifests) -> manifests per second, per iteration
    python3 - "$work/jmh.json" "$VALIDATE_N" >"$results/r.validate_per_s" <<'EOF'
import json, sys
data = json.load(open(sys.argv[1]))[0]["primaryMetric"]["rawData"]
for fork in data:
    for ms in fork:
        print(round(int(sys.argv[2]) / (ms / 1000.0)))
EOF
fi

# ---- 5: start-up to the first AWS request ------------------------------------------------------------------------
if wants startup; then
    if [ -x bench/startup.sh ]; then
        log "start-up: bench/startup.sh (from main)"
        bench/startup.sh >"$work/startup.out" 2>&1 || log "bench/startup.sh failed"
    fi
    make_repo small manifests 1 "$PREFIX"
    start_endpoint st
    for run in $(seq 1 "$RUNS"); do
        log "start-up run $run/$RUNS"
        rm -f "$work/events"
        start_proxy stproxy "$st_port" 0 "$work/events" DescribeTable
        t0=$(now_ns)
        java -jar "$JAR" plan --repo "file://$work/small.git" --endpoint-url "http://127.0.0.1:$stproxy_port" \
            --quiet >/dev/null 2>"$work/last.err" || true   # exit 2: the table is not there; only the time counts
        conn=$(sed -n 's/^conn //p' "$work/events" | head -1)
        [ -n "$conn" ] || { log "no AWS request seen"; tail "$work/last.err" >&2; exit 1; }
        echo $(( (conn - t0) / 1000000 )) >>"$results/r.startup"
        stop "$stproxy_pid"
        job version 0 java -jar "$JAR" --version
        job hello 0 java -jar "$work/hello.jar"
    done
    stop "$st_pid"
fi

# ---- 6: plan of a big repository: time before the first table is read --------------------------------------------
if wants bigrepo; then
    big_manifests=$(( N < 100 ? N : 100 ))
    log "generating $BIG_FILES files over $BIG_COMMITS commits ($big_manifests manifests)"
    make_repo big history "$BIG_FILES" "$BIG_COMMITS" "$big_manifests" "$PREFIX"
    for run in $(seq 1 "$RUNS"); do
        log "big repository run $run/$RUNS"
        rm -f "$work/events"
        start_proxy bigproxy "$fleet_port" 0 "$work/events" DescribeTable
        t0=$(now_ns)
        # exit 2 is expected: the fleet endpoint also holds N - 100 tables of ours that this repository does not declare
        rc=0
        java -jar "$JAR" plan --repo "file://$work/big.git" --endpoint-url "http://127.0.0.1:$bigproxy_port" \
            "${par_opt[@]}" --quiet >/dev/null 2>"$work/last.err" || rc=$?
        if [ "$rc" != 0 ] && [ "$rc" != 2 ]; then log "big plan: exit $rc"; tail "$work/last.err" >&2; exit 1; fi
        mark=$(sed -n 's/^mark //p' "$work/events" | head -1)
        [ -n "$mark" ] || { log "no DescribeTable seen"; exit 1; }
        echo $(( (mark - t0) / 1000000 )) >>"$results/r.bigrepo"
        stop "$bigproxy_pid"
        rm -rf "$work/clone"
        job clone 0 git clone -q --depth 1 "file://$work/big.git" "$work/clone"
    done
fi

# ---- 3: apply creating N tables (last: the longest) -------------------------------------------------------
if wants apply; then
    make_repo applyfleet manifests "$N" "$PREFIX"
    for run in $(seq 1 "$RUNS"); do
        log "apply run $run/$RUNS"
        for who in $([ $((run % 2)) = 1 ] && echo "job floor" || echo "floor job"); do
            start_endpoint ap
            start_proxy approxy "$ap_port" "$RTT"
            if [ "$who" = job ]; then
                job apply_rtt 0 java -jar "$JAR" apply --repo "file://$work/applyfleet.git" \
                    --endpoint-url "http://127.0.0.1:$approxy_port" "${par_opt[@]}" --quiet
            else
                floor floor_apply_rtt apply "$approxy_port"
            fi
            stop "$approxy_pid"; stop "$ap_pid"
        done
    done
fi

# ---- the table ---------------------------------------------------------------------------------------------------
python3 - "$results" "$N" "$RTT" "$RUNS" "$CLI_SAMPLE" "$VALIDATE_N" "$BIG_FILES" "$BIG_COMMITS" "$job_conc" "$PAR" <<'EOF'
import os, statistics, sys
results, n, rtt, runs, sample, vn, bf, bc, conc, par = sys.argv[1:]
def vals(name):
    p = os.path.join(results, "r." + name)
    return [float(x) for x in open(p).read().split()] if os.path.exists(p) else []
def calls(name):
    p = os.path.join(results, "calls." + name)
    return open(p).read().strip() if os.path.exists(p) else "?"
rows = []
def ratio(label, target, num, den, cmp, limit, invert=False):
    a, b = vals(num), vals(den)
    if not a or not b:
        return
    k = min(len(a), len(b))
    r = [(b[i] / a[i]) if invert else (a[i] / b[i]) for i in range(k)]
    med = statistics.median(r)
    ok = (med <= limit) if cmp == "<=" else (med >= limit)
    rows.append((label, target, "%.0f" % statistics.median(a), "%.0f" % statistics.median(b),
                 "%.2f" % min(r), "%.2f" % med, "%.2f" % max(r), ("yes" if ok else "NO") if target else ""))
ratio(f"1 plan {n} tables, {rtt} ms RTT / floor", "<= 1.5", "plan_rtt", "floor_plan_rtt", "<=", 1.5)
ratio(f"1 plan {n} tables, {rtt} ms RTT / floor as a whole process", "", "plan_rtt", "floor_plan_rtt_process",
      "<=", 1.5)
ratio(f"1 plan {n} tables, 0 ms / floor", "<= 1.5", "plan_0", "floor_plan_0", "<=", 1.5)
ratio(f"2 AWS CLI loop (x{n}/{sample}) / plan, {rtt} ms", ">= 50", "cli_rtt", "plan_rtt", ">=", 50)
ratio(f"3 apply creating {n}, {rtt} ms RTT / floor", "<= 1.5", "apply_rtt", "floor_apply_rtt", "<=", 1.5)
ratio(f"3 apply creating {n}, {rtt} ms RTT / floor as a whole process", "", "apply_rtt", "floor_apply_rtt_process",
      "<=", 1.5)
v = vals("validate_per_s")
if v:
    rows.append((f"4 validate {vn} (JMH), manifests/s", ">= 10000", "", "", "%.0f" % min(v),
                 "%.0f" % statistics.median(v), "%.0f" % max(v), "yes" if statistics.median(v) >= 10000 else "NO"))
for name, label in (("validate_64m", f"4 validate {vn} with -Xmx64m"), ("apply_256m", f"4 apply {n} with -Xmx256m")):
    if vals(name):
        rows.append((label, "succeeds", "%.0f" % vals(name)[0], "", "", "ok", "", "yes"))
ratio("5 start-up to 1st AWS request / hello jar", "<= 1.5", "startup", "hello", "<=", 1.5)
ratio("5 --version / hello jar", "", "version", "hello", "<=", 1.5)
ratio(f"6 big repo ({bf} files, {bc} commits): to 1st DescribeTable / clone --depth 1", "<= 1.2", "bigrepo", "clone", "<=", 1.2)
head = ("comparison", "target", "job ms", "base ms", "min", "median", "max", "met")
w = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
fmt = lambda r: "| " + " | ".join(str(c).ljust(w[i]) for i, c in enumerate(r)) + " |"
print(fmt(head))
print("|" + "|".join("-" * (x + 2) for x in w) + "|")
for r in rows:
    print(fmt(r))
print()
made = ", ".join(f"{k} {calls(f)}" for k, f in (("plan", "floor_plan_rtt"), ("apply", "floor_apply_rtt"))
                 if calls(f) != "?")
print(f"runs: {runs} interleaved; job concurrency: {conc}; floor threads: {par}"
      + (f"; floor calls per run: {made}" if made else "")
      + "; job ms and base ms are medians (for the JMH row: manifests/s per iteration)")
EOF
if [ -s "$work/startup.out" ]; then echo; echo "bench/startup.sh:"; cat "$work/startup.out"; fi
