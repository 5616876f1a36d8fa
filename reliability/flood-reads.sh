#!/usr/bin/env bash
# Reads while posts are flooded: the reader list's latency alone, then with a post flood running
# at the same time (every post valid and written: rate limits off, the worst case). Prints both
# p99s and their ratio (issue 8: at most 5x). Needs wrk, python3 and the packaged jar.
#   reliability/flood-reads.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/require-wrk.sh
source .ci/jdk25.sh   # the JDK that wrote the AOT cache
seconds=${1:-10}
port=18081 password=flood-admin-password
api=http://127.0.0.1:$port/api/v1
jar=$PWD/target/quarkus-app/quarkus-run.jar
[[ -f $jar ]] || mvn -B -q package -DskipTests
work=$(mktemp -d)
pid=''
trap '[[ -n $pid ]] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

(cd "$work" && exec env QUARKUS_HTTP_PORT=$port COMMENTS_ADMIN_PASSWORD=$password COMMENTS_RATE_LIMIT_ENABLED=false \
    COMMENTS_ANTISPAM_FLOOD_INTERVAL=0S java -Xmx256m -XX:AOTCache="${jar%/*}/app.aot" -jar "$jar" >service.log 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do sleep 0.2; done
token=$(python3 bench/seed.py token --base "$api" --password "$password")
python3 bench/seed.py seed --base "$api" --token "$token" >&2
python3 bench/seed.py captchas --base "$api" --count $((seconds * 1500)) --out "$work/captchas.txt" >&2

read_url=$api/articles/bench-read/comments
p99() { awk '/^ +99%/{print $2}'; }
wrk -t1 -c16 -d5s "$read_url" >/dev/null   # warm-up
idle=$(wrk -t1 -c16 "-d${seconds}s" --latency "$read_url" | tee "$work/idle.txt" | p99)
wrk -t1 -c16 "-d$((seconds + 2))s" -s bench/post-solved.lua "http://127.0.0.1:$port" -- "$work/captchas.txt" 1 flood \
    >"$work/flood.txt" &
flood=$!
sleep 1
loaded=$(wrk -t1 -c16 "-d${seconds}s" --latency "$read_url" | tee "$work/loaded.txt" | p99)
wait $flood
echo "reads alone:        p99 $idle ($(awk '/Requests\/sec/{print $2}' "$work/idle.txt") req/s)"
echo "reads during flood: p99 $loaded ($(awk '/Requests\/sec/{print $2}' "$work/loaded.txt") req/s)"
echo "flood:              $(grep '^posts:' "$work/flood.txt")"
python3 - "$idle" "$loaded" <<'PY'
import sys
def ms(v):
    for unit, f in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if v.endswith(unit) and (unit != "s" or not v.endswith(("ms", "us"))):
            return float(v[: -len(unit)]) * f
    return float(v)
idle, loaded = ms(sys.argv[1]), ms(sys.argv[2])
print("ratio:              %.1fx (limit 5x)" % (loaded / idle))
PY
