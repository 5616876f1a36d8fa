#!/usr/bin/env bash
# Import and export at scale (API.md §8): generates a WordPress export of N comments
# (bench/import-wxr.py; never committed), imports it into a fresh service started as the README
# says (-Xmx256m), and measures comments per second and peak RSS; then exports everything as JSON
# Lines and measures the export's rate and the service's RSS while it ran.
#   bench/import.sh [--no-build] [--postgresql] [--comments N] [--articles N]
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk25.sh

build=1 database=h2 comments=1000000 articles=''
while (($#)); do
    case $1 in
        --no-build) build=0 ;;
        --postgresql) database=postgresql ;;
        --comments) comments=${2:?}; shift ;;
        --articles) articles=${2:?}; shift ;;
        -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done
articles=${articles:-$((comments / 100 > 0 ? comments / 100 : 1))}

root=$PWD
jar=$root/target/quarkus-app/quarkus-run.jar
port=18081 password=bench-admin-password
api=http://127.0.0.1:$port/api/v1
if ((build)); then mvn -B -q package -DskipTests >&2; fi
work=$(mktemp -d)
pg_database=comments_import_$$
pid='' sampler=''
cleanup() {
    local status=$?
    if ((status != 0)) && [[ -f $work/service.log ]]; then
        echo "failed ($status); the service's log ends:" >&2
        tail -20 "$work/service.log" >&2
    fi
    [[ -f $work/service.log ]] && cp "$work/service.log" "${TMPDIR:-/tmp}/import-bench-service.log"
    [[ -n $sampler ]] && kill "$sampler" 2>/dev/null || true
    [[ -n $pid ]] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
    [[ $database == postgresql ]] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $pg_database" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

file=$work/export.xml
echo "generating $comments comments on $articles articles…" >&2
python3 bench/import-wxr.py "$comments" "$articles" > "$file"
size=$(stat -c %s "$file")

service_env=(QUARKUS_HTTP_PORT=$port COMMENTS_ADMIN_PASSWORD=$password COMMENTS_IMPORT_SPOOL_DIRECTORY=$work/spool)
if [[ $database == postgresql ]]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $pg_database" >/dev/null
    service_env+=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$pg_database QUARKUS_DATASOURCE_USERNAME=postgres)
fi
aot=()
[[ -f ${jar%/*}/app.aot ]] && aot=(-XX:AOTCache="${jar%/*}/app.aot")
(cd "$work" && exec env "${service_env[@]}" java -Xmx256m "${aot[@]}" -jar "$jar" >"$work/service.log" 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log" >&2; echo "the service died" >&2; exit 1; }
    sleep 0.2
done
java_pid=$(pgrep -P "$pid" java || echo "$pid")
kib() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$java_pid/status"; }
rss_before=$(kib VmRSS)
# CPU seconds the service used (user + system): the machine may be shared, the wall clock is not the cost.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$java_pid/stat"; }
cpu_start=$(cpu)

start=$(date +%s.%N)
id=$(curl -sf -u "admin:$password" -H 'Content-Type: application/xml' --data-binary "@$file" \
    "$api/admin/imports?format=wxr" | sed -E 's/.*"id":"([^"]+)".*/\1/')
uploaded=$(date +%s.%N)
db_file=$work/data/comments.mv.db   # H2 only
file_peak=0
file_size() { stat -c %s "$db_file" 2>/dev/null || echo 0; }
while :; do
    size_now=$(file_size)
    ((size_now <= file_peak)) || file_peak=$size_now
    progress=$(curl -sf -u "admin:$password" "$api/admin/imports/$id")
    [[ $progress == *'"status":"running"'* ]] || break
    sleep 1
done
end=$(date +%s.%N)
imported=$(sed -E 's/.*"imported":([0-9]+).*/\1/' <<<"$progress")
status=$(sed -E 's/.*"status":"([a-z]+)".*/\1/' <<<"$progress")
peak_import=$(kib VmHWM)
cpu_import=$(awk -v a="$cpu_start" -v b="$(cpu)" 'BEGIN {print b - a}')

# The export, with the RSS sampled while it streams.
peak_export=0
( while kill -0 "$java_pid" 2>/dev/null; do awk '$1 == "VmRSS:" {print $2}' "/proc/$java_pid/status"; sleep 0.2; done ) \
    > "$work/rss-export" &
sampler=$!
export_start=$(date +%s.%N)
curl -sf -u "admin:$password" "$api/admin/exports?format=jsonl" -o "$work/export.jsonl"
export_end=$(date +%s.%N)
cpu_export=$(awk -v a="$cpu_start" -v b="$(cpu)" -v i="$cpu_import" 'BEGIN {print b - a - i}')
kill "$sampler" 2>/dev/null || true; sampler=''
peak_export=$(sort -n "$work/rss-export" | tail -1)
exported=$(wc -l < "$work/export.jsonl")

awk -v db="$database" -v n="$comments" -v size="$size" -v imported="$imported" -v status="$status" \
    -v t0="$start" -v t1="$uploaded" -v t2="$end" -v before="$rss_before" -v peak="$peak_import" \
    -v e0="$export_start" -v e1="$export_end" -v exported="$exported" -v epeak="$peak_export" \
    -v esize="$(stat -c %s "$work/export.jsonl")" -v ci="$cpu_import" -v ce="$cpu_export" \
    -v loadavg="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
    printf "database %s, %d comments generated (%.0f MiB of WXR), JVM -Xmx256m\n", db, n, size / 1048576
    printf "import   %s: %d imported in %.1f s (upload %.1f s): %.0f comments/s; %.0f s of CPU (%.0f comments per CPU second); RSS %d MiB at start, peak %d MiB\n",
        status, imported, t2 - t0, t1 - t0, imported / (t2 - t0), ci, imported / ci, before / 1024, peak / 1024
    printf "export   %d comments (%.0f MiB) in %.1f s: %.0f comments/s; %.0f s of CPU; RSS while exporting at most %d MiB\n",
        exported, esize / 1048576, e1 - e0, exported / (e1 - e0), ce, epeak / 1024
    printf "load average at the end: %s (2 cores shared)\n", loadavg
    if (exported != imported) printf "the export has %d lines for %d comments imported: see the service log\n", exported, imported
}'
if [[ $database == h2 ]]; then
    # The file grows far beyond its data while an import writes; the service compacts it once idle.
    sleep 120
    awk -v peak="$file_peak" -v idle="$(file_size)" -v n="$imported" 'BEGIN {
        printf "H2 file  %.2f GB at most during the import (sampled every second), %.2f GB after 2 idle minutes (%.0f B a comment)\n",
            peak / 1e9, idle / 1e9, idle / n }'
fi
