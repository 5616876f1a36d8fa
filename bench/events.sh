#!/usr/bin/env bash
# Event delivery (API.md §6): event → SSE and event → webhook latency on an idle service, posts/s
# with and without 100 open streams and a webhook, and memory with 1,000 open streams. With
# --postgresql, two instances share a fresh database and the stream is read on the other one.
#   bench/events.sh [--no-build] [--postgresql] [--seconds N]
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk25.sh

build=1 seconds=20 postgresql=0
while (($#)); do
    case $1 in
        --no-build) build=0 ;;
        --postgresql) postgresql=1 ;;
        --seconds) seconds=${2:?--seconds needs a value}; shift ;;
        -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done
source bench/require-wrk.sh

root=$PWD jar=$root/target/quarkus-app/quarkus-run.jar aot=$root/target/quarkus-app/app.aot
password=bench-admin-password
auth="Basic $(printf 'admin:%s' "$password" | base64)"
pids=() database='' work=$(mktemp -d)
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    [[ -n $database ]] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $database" >/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

((build)) && { echo "building the service (mvn -B -q package -DskipTests)" >&2; mvn -B -q package -DskipTests >&2; }
env=(COMMENTS_ADMIN_PASSWORD=$password COMMENTS_RATE_LIMIT_ENABLED=false COMMENTS_ANTISPAM_FLOOD_INTERVAL=0S
     COMMENTS_WEBHOOKS_ALLOW_HTTP=true COMMENTS_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true)
if ((postgresql)); then
    database=bench_events_$$
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $database" >/dev/null
    env+=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$database QUARKUS_DATASOURCE_USERNAME=postgres)
fi

# start NAME PORT: a fresh instance (its own ./data for H2); sets pid_NAME.
start() {
    local dir=$work/$1
    mkdir -p "$dir"
    (cd "$dir" && exec env "${env[@]}" QUARKUS_HTTP_PORT="$2" java -Xmx256m -XX:AOTCache="$aot" -jar "$jar" >"$dir/service.log" 2>&1) &
    pids+=($!)
    printf -v "pid_$1" %s "$!"
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/q/health/ready" || true) == 200 ]]; do sleep 0.1; done
}
stop_all() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}
cpu_ticks() { # PID: user + system CPU of the process so far, in clock ticks
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}
# post_rate URL PID: wrk's posts per second and p99 of the posts' run, and the service's CPU per
# accepted post. The clients (wrk, and the Python stream readers of the rounds with streams) share the
# machine's cores with the service: CPU per post is the figure that does not depend on them.
post_rate() {
    local before after output accepted
    before=$(cpu_ticks "$2")
    output=$(wrk -t2 -c32 -d"${seconds}s" --latency -s bench/post-comments.lua "$1")
    after=$(cpu_ticks "$2")
    grep -E "Requests/sec|99%|posts:" <<<"$output"
    accepted=$(sed -n 's/^posts: [0-9]* sent, \([0-9]*\) accepted.*/\1/p' <<<"$output")
    awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="${accepted:-0}" \
        'BEGIN { if (n > 0) printf "service CPU: %.2f ms per accepted post (captcha included)\n", ticks * 1000 / hz / n }'
}

echo "machine: $(nproc) cores, $(uname -m); $(java -version 2>&1 | sed -n 1p); $(date -R)"
echo "database: $( ((postgresql)) && echo 'PostgreSQL, two instances' || echo 'H2 (embedded file), one instance'); java -Xmx256m -XX:AOTCache"

# bearer URL: a personal API token of the admin, as a tool holding many streams would use (Basic costs a
# bcrypt check per connection, and past a few at once the service answers 429).
bearer() {
    echo "Bearer $(curl -s -H "Authorization: $auth" -H 'Content-Type: application/json' -d '{"name": "bench"}' \
        "$1/api/v1/moderation/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
}

start first 18280
stream_port=18280
if ((postgresql)); then start second 18281; stream_port=18281; fi
python3 bench/events.py latency --post "http://127.0.0.1:18280/api/v1" --stream "http://127.0.0.1:$stream_port/api/v1" \
    --auth "$(bearer http://127.0.0.1:18280)" --count 200 --webhook
stop_all

# Posts/s on one fresh instance, warmed up, in alternating rounds: without streams or webhooks, then
# with 100 open streams and a webhook. Separate processes for each case differed more from one start to
# the next (JIT, H2 cache) than the cases from each other; rounds on one process compare like with like.
rm -rf "$work/first"
if [[ -n $database ]]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE $database" >/dev/null
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $database" >/dev/null
fi
start first 18280
token=$(bearer http://127.0.0.1:18280)
echo "== warm-up (not counted)"
post_rate "http://127.0.0.1:18280" "$pid_first" >/dev/null
for round in 1 2 3; do
    echo "== round $round: posts without streams or webhooks"
    post_rate "http://127.0.0.1:18280" "$pid_first"
    python3 bench/events.py streams --stream "http://127.0.0.1:18280/api/v1" --auth "$token" --count 100 --webhook \
        --hold $((seconds + 8)) &
    holder=$!
    sleep 5
    echo "== round $round: posts with 100 open streams and a webhook"
    post_rate "http://127.0.0.1:18280" "$pid_first"
    wait "$holder" || true
done

echo "== 1,000 open streams"
python3 bench/events.py streams --stream "http://127.0.0.1:18280/api/v1" --auth "$token" --count 1000 --hold 10 \
    --pid "$pid_first"
