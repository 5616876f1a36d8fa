#!/usr/bin/env bash
# Latency of an authenticated moderation call with an API token (Bearer) versus a password
# (Basic, bcrypt on every request), measured in the same run against the packaged jar.
#   bench/auth-latency.sh [requests]        (build first: mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk25.sh   # the JDK that wrote the AOT cache
requests=${1:-200}
port=18765
password=bench-admin-password
workdir=$(mktemp -d)
# wait reports the killed JVM's status (143): without || true, set -e would end the trap before rm.
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT

(cd "$workdir" && QUARKUS_HTTP_PORT=$port COMMENTS_ADMIN_PASSWORD=$password \
    exec java -Xmx256m -XX:AOTCache="$OLDPWD/target/quarkus-app/app.aot" -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" >service.log 2>&1) &
pid=$!
until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do sleep 0.2; done

base="http://127.0.0.1:$port/api/v1"
token=$(curl -sf -u "admin:$password" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
    "$base/moderation/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')

measure() { # label, curl auth arguments...
    local label=$1; shift
    for _ in $(seq 20); do curl -s -o /dev/null "$@" "$base/moderation/stats"; done # warm-up
    for _ in $(seq "$requests"); do
        curl -s -o /dev/null -w '%{time_total}\n' "$@" "$base/moderation/stats"
    done | sort -n | awk -v label="$label" '{ t[NR] = $1 } END {
        printf "%-7s requests=%d p50=%.2f ms p99=%.2f ms\n", label, NR, t[int(NR * 0.50)] * 1000, t[int(NR * 0.99)] * 1000 }'
}

echo "machine: $(nproc) cores, $(uname -m); $(java -version 2>&1 | head -1)"
measure Bearer -H "Authorization: Bearer $token"
measure Basic -u "admin:$password"
