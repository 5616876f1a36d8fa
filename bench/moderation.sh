#!/usr/bin/env bash
# Moderation at newsroom scale (API.md §5): the reported queue and an author of 50,000 comments under
# load, and a 10,000-comment bulk by query while readers read the article it changes. See bench/README.md.
#   bench/moderation.sh [--no-build] [--postgresql] [--seconds N]
# --postgresql: a fresh database on the local server (127.0.0.1:5432, user postgres, trust), dropped after.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk25.sh

build=1 seconds=10 postgresql=0 explain=0
while (($#)); do
    case $1 in
        --no-build) build=0 ;;
        --postgresql) postgresql=1 ;;
        --seconds) seconds=${2:?--seconds needs a value}; shift ;;
        --explain) explain=1 ;;   # H2: print the plans of bench/moderation/explain-h2.sql on the seeded store
        -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done
source bench/require-wrk.sh

root=$PWD jar=$root/target/quarkus-app/quarkus-run.jar aot=$root/target/quarkus-app/app.aot
port=18180 password=bench-admin-password
api=http://127.0.0.1:$port/api/v1
auth=(-H "Authorization: Basic $(printf 'admin:%s' "$password" | base64)")
pid='' database='' work=$(mktemp -d)
cleanup() {
    [[ -n $pid ]] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }
    [[ -n $database ]] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $database" >/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ((build)); then
    echo "building the service (mvn -B -q package -DskipTests)" >&2
    mvn -B -q package -DskipTests >&2
fi
if ((postgresql)); then
    database=bench_moderation_$$
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $database" >/dev/null
    env=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$database QUARKUS_DATASOURCE_USERNAME=postgres)
else
    env=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$work/data/comments;DB_CLOSE_ON_EXIT=FALSE")
fi
env+=(QUARKUS_HTTP_PORT=$port COMMENTS_ADMIN_PASSWORD=$password COMMENTS_RATE_LIMIT_ENABLED=false)

start() {
    (cd "$work" && exec env "${env[@]}" java -Xmx256m -XX:AOTCache="$aot" -jar "$jar" >>"$work/service.log" 2>&1) &
    pid=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready" || true) == 200 ]]; do
        kill -0 "$pid" 2>/dev/null || { echo "the service exited; its log:" >&2; tail -20 "$work/service.log" >&2; exit 1; }
        sleep 0.1
    done
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=''; }

echo "machine: $(nproc) cores, $(uname -m); $(java -version 2>&1 | sed -n 1p); $(date -R)"
echo "database: $( ((postgresql)) && echo "PostgreSQL $(psql -h 127.0.0.1 -U postgres -d test -Atc 'show server_version')" || echo 'H2 (embedded file)'); java -Xmx256m -XX:AOTCache; wrk -t2 -c8 -d${seconds}s"

# Migrate, then seed while the service is stopped (the H2 file belongs to one process at a time).
start && stop
if ((postgresql)); then
    sed -E 's/RANGE\(([0-9]+)\) ([a-z]+)/generate_series(1, \1) AS \2(x)/g' bench/moderation/seed.sql \
        | psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$database" >/dev/null
    # Statistics, as autovacuum would have gathered on a database that grew to this size.
    psql -q -h 127.0.0.1 -U postgres -d "$database" -c 'ANALYZE' >/dev/null
else
    h2=$(ls "$root"/target/quarkus-app/lib/main/com.h2database.h2-*.jar)
    sed -E 's/RANGE\(([0-9]+)\) ([a-z]+)/SYSTEM_RANGE(1, \1) \2/g' bench/moderation/seed.sql >"$work/seed.sql"
    java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$work/data/comments" -user '' -script "$work/seed.sql"
    if ((explain)); then
        java -cp "$h2" org.h2.tools.RunScript -url "jdbc:h2:file:$work/data/comments" -user '' \
            -script bench/moderation/explain-h2.sql -showResults
        exit 0
    fi
fi
start

# latency NAME URL: wrk's p50 and p99 of GET URL as a moderator.
latency() {
    local out=$work/latency-$((++scenario)).wrk
    wrk -t2 -c8 -d"${seconds}s" --latency "${auth[@]}" "$2" >"$out"
    grep -q 'Non-2xx' "$out" && { echo "$1: errors; wrk said:" >&2; cat "$out" >&2; exit 1; }
    printf '%-44s %8s %8s %10s\n' "$1" "$(awk '$1=="50%"{print $2}' "$out")" \
        "$(awk '$1=="99%"{print $2}' "$out")" "$(awk '/Requests\/sec/{print $2}' "$out")"
}
scenario=0
# A personal API token, as a moderation tool would use: Basic would measure bcrypt on every request.
token=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' -d '{"name": "bench"}' "$api/moderation/tokens" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
auth=(-H "Authorization: Bearer $token")
author=$(curl -s "${auth[@]}" "$api/moderation/comments/00000000-0000-7000-8000-000000000001" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["authorId"])')
printf '%-44s %8s %8s %10s\n' scenario p50 p99 req/s
latency "GET reported=true (2,000 reported)" "$api/moderation/comments?reported=true"
latency "GET reported=true&status=approved" "$api/moderation/comments?reported=true&status=approved"
latency "GET authors/{id} (50,000 comments)" "$api/moderation/authors/$author"
latency "GET authors/{id}/comments (newest 50)" "$api/moderation/authors/$author/comments"
latency "GET moderation queue (pending, 50)" "$api/moderation/comments"
latency "GET approved queue of the reported article" "$api/moderation/comments?status=approved&articleId=hot"

# The bulk run, with readers on the article it changes: their latency before and during it.
reader_url="$api/articles/flood/comments"
wrk -t2 -c8 -d"${seconds}s" --latency "$reader_url" >"$work/readers-before.wrk"
wrk -t2 -c8 -d60s --latency "$reader_url" >"$work/readers-during.wrk" &
wrk_pid=$!
sleep 1
heap_peak=0
( while kill -0 "$pid" 2>/dev/null; do jstat -gc "$pid" | awk 'NR==2{printf "%d\n", ($3+$4+$6+$8)/1024}'; sleep 0.2; done ) >"$work/heap.txt" &
sampler=$!
started=$(date +%s%N)
result=$(curl -s "${auth[@]}" -H 'Content-Type: application/json' --max-time 600 \
    -d '{"filter": {"status": "pending", "articleId": "flood", "reason": "too-many-links"}, "action": "approve"}' \
    "$api/moderation/comments/bulk-by-filter")
took_ms=$((($(date +%s%N) - started) / 1000000))
kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
heap_peak=$(sort -n "$work/heap.txt" | tail -1)
kill -INT "$wrk_pid" 2>/dev/null; wait "$wrk_pid" 2>/dev/null || true
echo "bulk by query: $result in ${took_ms} ms; heap used at most ${heap_peak} MiB (jstat every 200 ms, -Xmx256m)"
printf 'readers of that article: p50/p99 %s/%s before, %s/%s during\n' \
    "$(awk '$1=="50%"{print $2}' "$work/readers-before.wrk")" "$(awk '$1=="99%"{print $2}' "$work/readers-before.wrk")" \
    "$(awk '$1=="50%"{print $2}' "$work/readers-during.wrk")" "$(awk '$1=="99%"{print $2}' "$work/readers-during.wrk")"
