#!/usr/bin/env bash
# Readers while strangers flood the service with wrong passwords from many addresses (issue 19):
# the reader list's p99 alone, then during a flood of 64 connections, each request another
# username and another forwarded address, so no lockout applies and only the bound on bcrypt
# checks (comments.admin.password-checks-at-once) protects the readers. Prints both p99s, their
# ratio (target: at most 2x) and how the flood was answered. Needs wrk, python3, the packaged jar.
#   reliability/password-flood.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/require-wrk.sh
source .ci/jdk25.sh
seconds=${1:-10}
port=18082 password=flood-admin-password
api=http://127.0.0.1:$port/api/v1
jar=$PWD/target/quarkus-app/quarkus-run.jar
[[ -f $jar ]] || mvn -B -q package -DskipTests
work=$(mktemp -d)
pid=''
trap '[[ -n $pid ]] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

(cd "$work" && exec env QUARKUS_HTTP_PORT=$port COMMENTS_ADMIN_PASSWORD=$password \
    COMMENTS_RATE_LIMIT_ENABLED=false COMMENTS_ANTISPAM_FLOOD_INTERVAL=0S \
    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
    QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1 \
    java -Xmx256m -XX:AOTCache="${jar%/*}/app.aot" -jar "$jar" >service.log 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do sleep 0.2; done
token=$(python3 bench/seed.py token --base "$api" --password "$password")
python3 bench/seed.py seed --base "$api" --token "$token" >&2

read_url=$api/articles/bench-read/comments
p99() { awk '/^ +99%/{print $2}'; }
wrk -t1 -c16 -d5s "$read_url" >/dev/null   # warm-up
idle=$(wrk -t1 -c16 "-d${seconds}s" --latency "$read_url" | tee "$work/idle.txt" | p99)
wrk -t1 -c64 "-d$((seconds + 2))s" -s reliability/password-flood.lua "http://127.0.0.1:$port" >"$work/flood.txt" &
flood=$!
sleep 1
loaded=$(wrk -t1 -c16 "-d${seconds}s" --latency "$read_url" | tee "$work/loaded.txt" | p99)
wait $flood
# The control: the same 64 connections asking without credentials (401 at once, no password check).
# What readers lose to it is what any flood of requests costs on this machine, bcrypt or not.
wrk -t1 -c64 "-d$((seconds + 2))s" "http://127.0.0.1:$port/api/v1/moderation/stats" >"$work/control.txt" &
flood=$!
sleep 1
control=$(wrk -t1 -c16 "-d${seconds}s" --latency "$read_url" | tee "$work/during-control.txt" | p99)
wait $flood
echo "reads alone:                  p99 $idle ($(awk '/Requests\/sec/{print $2}' "$work/idle.txt") req/s)"
echo "reads during password flood:  p99 $loaded ($(awk '/Requests\/sec/{print $2}' "$work/loaded.txt") req/s)"
echo "password flood:               $(awk '/Requests\/sec/{print $2}' "$work/flood.txt") logins/s; $(grep '^logins:' "$work/flood.txt")"
echo "reads during anonymous flood: p99 $control ($(awk '/Requests\/sec/{print $2}' "$work/during-control.txt") req/s; the flood $(awk '/Requests\/sec/{print $2}' "$work/control.txt") req/s)"
python3 - "$idle" "$loaded" "$control" <<'PY'
import sys
def ms(v):
    for unit, f in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if v.endswith(unit) and (unit != "s" or not v.endswith(("ms", "us"))):
            return float(v[: -len(unit)]) * f
    return float(v)
idle, loaded, control = ms(sys.argv[1]), ms(sys.argv[2]), ms(sys.argv[3])
print("ratio:                        %.1fx of alone (target 2x); %.1fx of the anonymous flood" % (loaded / idle, loaded / control))
PY
