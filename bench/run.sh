#!/usr/bin/env bash
# Benchmarks the packaged service against a constant reference app (bench/reference) and a durable
# Hibernate insert (bench/reference-insert) with wrk, and prints a table per run plus the medians.
# See bench/README.md.
#   bench/run.sh [--no-build] [--seconds N] [--warmup N] [--runs N] [--startups N] [--captchas N] [--java-options 'OPTS']
set -euo pipefail
cd "$(dirname "$0")/.."   # the repository root, wherever we are called from
source .ci/jdk25.sh       # the JDK that trains the AOT cache must be the one that runs the service

build=1 seconds=10 warmup=5 runs=3 startups=5 captchas=0
java_options='-Xmx256m'   # README's run command; every JVM gets the same
usage() { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
    case $1 in
        --no-build) build=0 ;;
        --seconds) seconds=${2:?--seconds needs a value}; shift ;;
        --warmup) warmup=${2:?--warmup needs a value}; shift ;;   # 0: none
        --runs) runs=${2:?--runs needs a value}; shift ;;
        --startups) startups=${2:?--startups needs a value}; shift ;;   # 0: none
        --captchas) captchas=${2:?--captchas needs a value}; shift ;;   # 0: estimated per run
        --java-options) java_options=${2?--java-options needs a value}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
source bench/require-wrk.sh
for tool in curl python3 java mvn; do
    command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

root=$PWD
service_jar=$root/target/quarkus-app/quarkus-run.jar
aot_cache=$root/target/quarkus-app/app.aot   # trained by mvn package (src/main/aot/TrainingRun.java)
reference_jar=$root/bench/reference/target/quarkus-app/quarkus-run.jar
insert_jar=$root/bench/reference-insert/target/quarkus-app/quarkus-run.jar
service_port=18080 reference_port=18090 insert_port=18091
password=bench-admin-password
api=http://127.0.0.1:$service_port/api/v1
wrk_options=(-t2 -c32 "-d${seconds}s" --latency)

# --- Cleanup: every process and temporary directory we start is registered here; a process leaves
# the list once it is reaped, so its pid (which the system may reuse) is never signalled later. ---
pids=() tmpdirs=()
forget() { local p keep=(); for p in "${pids[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done; pids=("${keep[@]}"); }
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    ((${#tmpdirs[@]})) && rm -rf "${tmpdirs[@]}"
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # runs the EXIT trap too

# --- Build ---
if ((build)); then
    echo "building the service (mvn -B -q package -DskipTests)" >&2
    mvn -B -q package -DskipTests >&2   # stdout is for the tables
fi
[[ -f $service_jar ]] || { echo "no $service_jar: run without --no-build" >&2; exit 1; }
[[ -f $aot_cache ]] || { echo "no $aot_cache: build without -DskipAotTraining (or run without --no-build)" >&2; exit 1; }
# The reference apps are built once: with --no-build only when a jar is missing.
if ((build)) || [[ ! -f $reference_jar ]]; then
    echo "building the reference app (bench/reference)" >&2
    (cd bench/reference && mvn -B -q package -DskipTests >&2)
fi
if ((build)) || [[ ! -f $insert_jar ]]; then
    echo "building the insert reference app (bench/reference-insert)" >&2
    (cd bench/reference-insert && mvn -B -q package -DskipTests >&2)
fi

results=$root/bench/results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$results"
scratch=$(mktemp -d) && tmpdirs+=("$scratch")   # captcha and id files: not results
header="machine: $(nproc) cores, $(uname -m); $(java -version 2>&1 | sed -n 1p); $(date -R)"
echo "$header" | tee "$results/header.txt"
echo "settings: ${startups} startups, ${runs} runs, java $java_options (service: -XX:AOTCache=${aot_cache#"$root"/}), wrk ${wrk_options[*]}; results in ${results#"$root"/}" | tee -a "$results/header.txt"

# --- JVMs ---
jvm_pid='' jvm_dir=''
# start_jvm LOG JAR EXTRA-JVM-OPTIONS ENV...: the README's run command, in a fresh working directory
# (./data there). The service's extra option is its AOT cache ('' to start it without).
start_jvm() {
    local log=$1 jar=$2 extra=$3; shift 3
    jvm_dir=$(mktemp -d) && tmpdirs+=("$jvm_dir")
    launched_ns=$(date +%s%N)
    # shellcheck disable=SC2086 # the options are words
    (cd "$jvm_dir" && exec env "$@" java $java_options ${extra:+"$extra"} -jar "$jar" >"$log" 2>&1) &
    jvm_pid=$! && pids+=("$jvm_pid")   # exec: the subshell's pid is the JVM's
}
# wait_ready URL: milliseconds from launch until URL answers 200, polled every 20 ms.
wait_ready() {
    local url=$1 deadline=$((SECONDS + 120))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true) == 200 ]]; do
        kill -0 "$jvm_pid" 2>/dev/null || { echo "the JVM exited before $url answered; log: $2" >&2; exit 1; }
        ((SECONDS < deadline)) || { echo "$url not ready after 120 s; log: $2" >&2; exit 1; }
        sleep 0.02
    done
    echo $((($(date +%s%N) - launched_ns) / 1000000))
}
stop_jvm() { # SIGTERM (graceful, shutdown timeout 10 s), SIGKILL after 20 s
    local i
    kill "$jvm_pid" 2>/dev/null || true
    for ((i = 0; i < 200; i++)); do kill -0 "$jvm_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$jvm_pid" 2>/dev/null || true
    wait "$jvm_pid" 2>/dev/null || true
    forget "$jvm_pid"
    rm -rf "$jvm_dir"
}
port_free() { ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; }

# --- Measuring ---
# CPU time of the JVM (all its threads: requests, JIT, GC), in clock ticks: utime + stime of /proc/PID/stat.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$jvm_pid/stat"; }
# RSS of the JVM under load, sampled every 0.5 s in the background while wrk runs.
rss_start() {
    rss_file=$(mktemp -p "$scratch")
    (while ps -o rss= -p "$jvm_pid" >>"$rss_file"; do sleep 0.5; done) &
    rss_pid=$! && pids+=("$rss_pid")
}
rss_stop() { # sets peak (KiB)
    ps -o rss= -p "$jvm_pid" >>"$rss_file" || true
    kill "$rss_pid" 2>/dev/null || true
    wait "$rss_pid" 2>/dev/null || true
    forget "$rss_pid"
    peak=$(sort -n "$rss_file" | tail -1 | tr -d ' ')
}
# warm KEY -- WRK-ARGS...: the same requests for --warmup seconds, not measured, so the JIT has
# compiled the paths under test (as it has in a service that has been running for a while).
warm() {
    local key=$1; shift 2
    ((warmup > 0)) || return 0
    echo "  ($key) warm-up ${warmup}s" >&2
    wrk -t2 -c32 "-d${warmup}s" "$@" >"$results/run$run-$key-warmup.txt"
}
# scenario KEY LABEL STARTUP-MS NOTE -- WRK-ARGS...: one wrk run; raw output saved, one line in measurements.tsv.
scenario() {
    local key=$1 label=$2 startup=$3 note=$4; shift 5
    local out="run$run-$key.txt"
    echo "  ($key) $label" >&2
    rss_start
    local cpu_before; cpu_before=$(cpu_ticks)
    wrk "${wrk_options[@]}" "$@" >"$results/$out"
    local cpu=$(($(cpu_ticks) - cpu_before))
    rss_stop
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$key" "($key) $label" "$out" "$peak" "$startup" "$note" "$cpu" \
        >>"$results/measurements.tsv"
}
# Solved captchas for (c): enough for the whole wrk run. Estimated from the best posts/s seen so far
# (3x margin, at least 1000/s); --captchas overrides. Running out is reported as TOKENS EXHAUSTED.
post_rate_guess=1000
captcha_count() {
    if ((captchas > 0)); then echo "$captchas"; else echo $((seconds * post_rate_guess)); fi
}

port_free $service_port || { echo "port $service_port is taken" >&2; exit 1; }
port_free $reference_port || { echo "port $reference_port is taken" >&2; exit 1; }
port_free $insert_port || { echo "port $insert_port is taken" >&2; exit 1; }

# --- Startup: the service with its AOT cache (as the README runs it), without, and the reference,
# in turns, each on a fresh data directory; startups.tsv has one line per start: round, what, ms. ---
service_env=(QUARKUS_HTTP_PORT=$service_port COMMENTS_ADMIN_PASSWORD=$password COMMENTS_RATE_LIMIT_ENABLED=false
    COMMENTS_ANTISPAM_FLOOD_INTERVAL=0S)
for ((round = 1; round <= startups; round++)); do
    for what in service-aot service-no-cache reference; do
        case $what in   # no shutdown delay: these JVMs only start
            service-aot) start_jvm "$results/startup$round-$what.log" "$service_jar" "-XX:AOTCache=$aot_cache" "${service_env[@]}" \
                    QUARKUS_SHUTDOWN_DELAY_ENABLED=false
                ms=$(wait_ready "http://127.0.0.1:$service_port/q/health/ready" "$results/startup$round-$what.log") ;;
            service-no-cache) start_jvm "$results/startup$round-$what.log" "$service_jar" '' "${service_env[@]}" \
                    QUARKUS_SHUTDOWN_DELAY_ENABLED=false
                ms=$(wait_ready "http://127.0.0.1:$service_port/q/health/ready" "$results/startup$round-$what.log") ;;
            reference) start_jvm "$results/startup$round-$what.log" "$reference_jar" '' QUARKUS_HTTP_PORT=$reference_port
                ms=$(wait_ready "http://127.0.0.1:$reference_port/constant" "$results/startup$round-$what.log") ;;
        esac
        stop_jvm
        printf '%s\t%s\t%s\n' "$round" "$what" "$ms" >>"$results/startups.tsv"
        echo "  startup $round/$startups: $what $ms ms" >&2
    done
done
((startups == 0)) || python3 bench/report.py "$results" startup | tee -a "$results/tables.txt"

counts_query=$(for i in $(seq 0 99); do printf '%sarticleId=bench-count-%d' "$([[ $i == 0 ]] || echo '&')" "$i"; done)

for ((run = 1; run <= runs; run++)); do
    echo "run $run/$runs" >&2
    port_free $service_port || { echo "port $service_port is taken" >&2; exit 1; }
    port_free $reference_port || { echo "port $reference_port is taken" >&2; exit 1; }
    port_free $insert_port || { echo "port $insert_port is taken" >&2; exit 1; }

    # Service: one client address posts everything, so the per-address limits are off.
    start_jvm "$results/run$run-service.log" "$service_jar" "-XX:AOTCache=$aot_cache" "${service_env[@]}"
    service_startup=$(wait_ready "http://127.0.0.1:$service_port/q/health/ready" "$results/run$run-service.log")
    echo "  service ready in $service_startup ms; seeding" >&2
    token=$(python3 bench/seed.py token --base "$api" --password "$password")
    python3 bench/seed.py seed --base "$api" --token "$token"
    read_url="$api/articles/bench-read/comments"
    body_size=$(curl -sf -o /dev/null -w '%{size_download}' "$read_url")

    warm a -- "$read_url"
    scenario a "reader list, 50 comments" "$service_startup" "body $body_size B" -- "$read_url"
    warm b -- "$api/comment-counts?$counts_query"
    scenario b "comment counts, 100 articles" "$service_startup" "" -- "$api/comment-counts?$counts_query"

    if ((warmup > 0)); then   # its own captchas: each is single-use
        python3 bench/seed.py captchas --base "$api" --count $((warmup * post_rate_guess)) --out "$scratch/warm.txt"
        warm c -- -s bench/post-solved.lua "http://127.0.0.1:$service_port" -- "$scratch/warm.txt" 2 "w$run"
    fi
    count=$(captcha_count)
    python3 bench/seed.py captchas --base "$api" --count "$count" --out "$scratch/captchas.txt"
    scenario c "post comment (solved captcha)" "$service_startup" "$count captchas" -- \
        -s bench/post-solved.lua "http://127.0.0.1:$service_port" -- "$scratch/captchas.txt" 2 "r$run"
    # Next run's estimate: 3x the accepted posts/s just measured, if that is above the current guess.
    rate=$(sed -nE 's/^posts: .* ([0-9.]+) accepted posts\/s$/\1/p' "$results/run$run-c.txt")
    rate=${rate%.*}
    ((${rate:-0} * 3 <= post_rate_guess)) || post_rate_guess=$((rate * 3))

    python3 bench/seed.py pending --base "$api" --token "$token" --out "$scratch/pending.txt"
    scenario d "approve (Bearer token)" "$service_startup" "" -- \
        -s bench/approve.lua "http://127.0.0.1:$service_port" -- "$scratch/pending.txt" "$token" 2
    stop_jvm

    # Reference, after the service so its body is exactly as long as the reader list of (a).
    start_jvm "$results/run$run-reference.log" "$reference_jar" '' QUARKUS_HTTP_PORT=$reference_port \
        REFERENCE_BODY_SIZE="$body_size"
    reference_startup=$(wait_ready "http://127.0.0.1:$reference_port/constant" "$results/run$run-reference.log")
    echo "  reference ready in $reference_startup ms" >&2
    warm e -- "http://127.0.0.1:$reference_port/constant"
    scenario e "reference: constant JSON" "$reference_startup" "body $body_size B" -- \
        "http://127.0.0.1:$reference_port/constant"
    stop_jvm

    # Insert reference: (c)'s comment as one row through Hibernate into a fresh H2 file, answered once
    # stored, as the service answers a post. report.py gives (c) as a fraction of it ("vs insert").
    start_jvm "$results/run$run-insert.log" "$insert_jar" '' QUARKUS_HTTP_PORT=$insert_port
    insert_startup=$(wait_ready "http://127.0.0.1:$insert_port/insert" "$results/run$run-insert.log")
    echo "  insert reference ready in $insert_startup ms" >&2
    warm f -- -s bench/insert.lua "http://127.0.0.1:$insert_port" -- "w$run"
    scenario f "reference: one durable Hibernate insert" "$insert_startup" "" -- \
        -s bench/insert.lua "http://127.0.0.1:$insert_port" -- "r$run"
    stop_jvm

    echo
    echo "run $run" | tee -a "$results/tables.txt"
    python3 bench/report.py "$results" run "$run" | tee -a "$results/tables.txt"
done

if ((runs > 0)); then   # --runs 0: the startup table only
    echo
    { echo "$header"; python3 bench/report.py "$results" median; } | tee -a "$results/tables.txt"
fi
echo "raw wrk outputs, service logs and tables: ${results#"$root"/}" >&2
