#!/usr/bin/env bash
# Growth: the same measurements with a small and a large store, and the query plans of the hot
# queries on the large one. See bench/README.md.
#   bench/growth.sh [--no-build] [--database h2|postgresql] [--comments N] [--articles N] [--seconds N]
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk25.sh   # the JDK that wrote the AOT cache

build=1 database=h2 large=1000000 articles=10000 seconds=10 small=1000
while (($#)); do
    case $1 in
        --no-build) build=0 ;;
        --database) database=${2:?}; shift ;;
        --comments) large=${2:?}; shift ;;
        --articles) articles=${2:?}; shift ;;
        --seconds) seconds=${2:?}; shift ;;
        -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done
[[ $database == h2 || $database == postgresql ]] || { echo "--database h2 or postgresql" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

root=$PWD
jar=$root/target/quarkus-app/quarkus-run.jar
port=18080 password=bench-admin-password
api=http://127.0.0.1:$port/api/v1
if ((build)); then mvn -B -q package -DskipTests >&2; fi
h2_jar=$(ls "$root"/target/quarkus-app/lib/main/com.h2database.h2-*.jar)
results=$root/bench/results/growth-$database-$(date +%Y%m%d-%H%M%S)
mkdir -p "$results"
work=$(mktemp -d)
pg_database=comments_growth_$$
pid=''
cleanup() {
    [[ -n $pid ]] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
    [[ $database == postgresql ]] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $pg_database" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

service_env=(QUARKUS_HTTP_PORT=$port COMMENTS_ADMIN_PASSWORD=$password COMMENTS_RATE_LIMIT_ENABLED=false
    COMMENTS_ANTISPAM_FLOOD_INTERVAL=0S)
if [[ $database == postgresql ]]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $pg_database" >/dev/null
    service_env+=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$pg_database QUARKUS_DATASOURCE_USERNAME=postgres)
fi

# start [ENV...]: the README's run command in $work (its ./data is the H2 database).
start() {
    (cd "$work" && exec env "${service_env[@]}" "$@" java -Xmx256m -XX:AOTCache="${jar%/*}/app.aot" -jar "$jar" >>"$results/service.log" 2>&1) &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
        kill -0 "$pid" 2>/dev/null || { echo "the service died; see $results/service.log" >&2; exit 1; }
        sleep 0.1
    done
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=''; }

# sql FILE: runs a script on the stopped service's database.
sql() {
    if [[ $database == h2 ]]; then
        java -Xmx1g -cp "$h2_jar" org.h2.tools.RunScript -url "jdbc:h2:file:$work/data/comments" -user '' -script "$1" -showResults
    else
        psql -q -h 127.0.0.1 -U postgres -d "$pg_database" -v ON_ERROR_STOP=1 -f "$1"
    fi
}

# seed FROM TO: comments FROM..TO (the row number makes ids, articles and times), 90% approved,
# 5% pending, 3% spam, 2% rejected, over $articles articles, one second apart from 2026-01-01.
seed() {
    local from=$1 to=$2 step=100000 file=$work/seed.sql a b
    : >"$file"
    for ((a = from; a <= to; a += step)); do
        b=$((a + step - 1 < to ? a + step - 1 : to))
        if [[ $database == h2 ]]; then
            local range="SYSTEM_RANGE($a, $b)" text="CAST(X AS VARCHAR)" at="DATEADD('SECOND', X, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')"
        else
            local range="generate_series($a, $b) AS g(x)" text="x::text" at="TIMESTAMPTZ '2026-01-01 00:00:00+00' + x * INTERVAL '1 second'"
        fi
        cat >>"$file" <<SQL
INSERT INTO comment (id, article_id, author_name, body, status, reasons, created_at, updated_at, version,
                     email_index, body_fingerprint)
SELECT '00000000-0000-4000-8000-' || LPAD($text, 12, '0'), 'growth-' || MOD(x, $articles), 'Reader ' || MOD(x, 5000),
       'Seeded comment ' || $text || ': a sentence or two of ordinary length, about what the article said.',
       CASE WHEN MOD(x, 100) < 90 THEN 'approved' WHEN MOD(x, 100) < 95 THEN 'pending'
            WHEN MOD(x, 100) < 98 THEN 'spam' ELSE 'rejected' END,
       '', $at, $at, 0, 'seed-author-' || MOD(x, 50000), 'seed-text-' || $text
FROM $range;
SQL
    done
    # Rows inserted behind the service's back: the status counts (comment.StatusTally) are recounted.
    cat >>"$file" <<SQL
UPDATE status_tally SET comments = 0;
UPDATE status_tally SET comments = (SELECT COUNT(*) FROM comment WHERE comment.status = status_tally.status) WHERE slot = 0;
SQL
    [[ $database == postgresql ]] && echo "ANALYZE comment;" >>"$file"
    sql "$file" >/dev/null
}

# measure WRK-ARGS...: p50, p99 and req/s of one wrk run, as "p50 p99 rps"
measure() {
    local out
    out=$(wrk "-d${seconds}s" --latency "$@")
    echo "$out" >>"$results/wrk.txt"
    awk '/^ +50%/{p50=$2} /^ +99%/{p99=$2} /^Requests\/sec/{rps=$2} END{print p50, p99, rps}' <<<"$out"
}

counts_query=$(for i in $(seq 0 99); do printf '&articleId=growth-%d' "$((i * 97 % articles))"; done)
counts_query=${counts_query#&}
rows=()
# scenarios LABEL: one line of the table per measured endpoint, the service started twice: as
# deployed (pages in memory) and with the memory off (every read queries the database).
scenarios() {
    local label=$1 total token
    start
    token=$(python3 bench/seed.py token --base "$api" --password "$password")
    total=$(curl -sf -H "Authorization: Bearer $token" "$api/moderation/stats" | python3 -c 'import json,sys; print(sum(json.load(sys.stdin).values()))')
    wrk -t2 -c32 -d5s "$api/articles/bench-read/comments" >/dev/null   # warm-up
    rows+=("$label|$total|(a) reader list, from memory, 32 conn.|$(measure -t2 -c32 "$api/articles/bench-read/comments")")
    # A moderator's view: one request at a time, as a person or a dashboard sends them.
    local bearer=(-H "Authorization: Bearer $token")
    measure -t1 -c1 "${bearer[@]}" "$api/moderation/comments?status=pending" >/dev/null   # warm-up
    rows+=("$label|$total|moderation queue, first page, 1 conn.|$(measure -t1 -c1 "${bearer[@]}" "$api/moderation/comments?status=pending")")
    rows+=("$label|$total|moderation stats, 1 conn.|$(measure -t1 -c1 "${bearer[@]}" "$api/moderation/stats")")
    stop
    # Memory off: every read queries the database, which is what indexes and keysets are for.
    start COMMENTS_PUBLICATION_CACHE_TTL=PT0S
    wrk -t2 -c32 -d5s "$api/articles/bench-read/comments" >/dev/null
    rows+=("$label|$total|(a) reader list, memory off, 32 conn.|$(measure -t2 -c32 "$api/articles/bench-read/comments")")
    rows+=("$label|$total|(a) reader list, memory off, 1 conn.|$(measure -t1 -c1 "$api/articles/bench-read/comments")")
    rows+=("$label|$total|(b) 100 articles' counts, memory off, 1 conn.|$(measure -t1 -c1 "$api/comment-counts?$counts_query")")
    stop
}

echo "machine: $(nproc) cores, $(uname -m); $(java -version 2>&1 | sed -n 1p); $database; $(date -R)" | tee "$results/header.txt"
start
token=$(python3 bench/seed.py token --base "$api" --password "$password")
python3 bench/seed.py seed --base "$api" --token "$token" >&2   # bench-read: 50 approved, as in run.sh
stop
echo "seeding $small comments" >&2
seed 1 "$small"
scenarios small
echo "seeding up to $large comments" >&2
started=$SECONDS
seed $((small + 1)) "$large"
echo "seeded in $((SECONDS - started)) s" >&2
scenarios large

# Query plans of the hot queries on the large store, as the service runs them (bench/explain-*.sql).
sql "bench/explain-$database.sql" >"$results/explain.txt" 2>&1 || true

{
    printf '\n%-6s %9s  %-46s %9s %9s %9s\n' store comments endpoint "p50" "p99" "req/s"
    for row in "${rows[@]}"; do
        IFS='|' read -r label total what numbers <<<"$row"
        read -r p50 p99 rps <<<"$numbers"
        printf '%-6s %9s  %-46s %9s %9s %9s\n' "$label" "$total" "$what" "$p50" "$p99" "$rps"
    done
    echo
    echo "query plans: ${results#"$root"/}/explain.txt"
} | tee "$results/table.txt"
