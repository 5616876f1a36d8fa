#!/usr/bin/env bash
# Throughput of valid comment submissions (captcha fetched and solved by the client, every field
# validated, the intake rules run, one durable write), with wrk on 127.0.0.1, 2 threads, 32
# connections. Runs the packaged jar twice on fresh data, held and blocked word lists configured:
# first with every rule on, as deployed (all of wrk's clients share one address, so the rate
# limit and flood interval refuse nearly everything: that is the point of them), then with the
# rate limit and the flood interval off, which measures what the service can take.
#   bench/post-throughput.sh [seconds]      (build first: mvn -B package -DskipTests; needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk25.sh   # the JDK that wrote the AOT cache
seconds=${1:-20}
port=18766
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

run() { # label, extra environment...
    local label=$1; shift
    local workdir; workdir=$(mktemp -d)
    (cd "$workdir" && exec env QUARKUS_HTTP_PORT=$port COMMENTS_ADMIN_PASSWORD=bench-admin-password \
        COMMENTS_ANTISPAM_HELD_WORDS=moderate-me,free-money COMMENTS_ANTISPAM_BLOCKED_WORDS=viagra,casino "$@" \
        java -Xmx256m -XX:AOTCache="$OLDPWD/target/quarkus-app/app.aot" -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" >service.log 2>&1) &
    local pid=$!
    until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do sleep 0.2; done
    echo "== $label"
    wrk -t2 -c32 -d"${seconds}s" --latency -s bench/post-comments.lua "http://127.0.0.1:$port" \
        | grep -E "Requests/sec|50%|99%|posts:"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$workdir"
}

echo "machine: $(nproc) cores, $(uname -m); $(java -version 2>&1 | head -1)"
run "all rules on, as deployed"
run "rate limit and flood interval off" COMMENTS_RATE_LIMIT_ENABLED=false COMMENTS_ANTISPAM_FLOOD_INTERVAL=0S
