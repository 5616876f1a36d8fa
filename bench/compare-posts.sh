#!/usr/bin/env bash
# CPU per accepted post of two or more builds, in turns on one machine: for each checkout given (a
# directory holding target/quarkus-app with its AOT cache), start its jar as the README does, warm it
# with 10 s of scenario (c) (solved captchas, only the POSTs), then measure 15 s and print accepted
# posts, posts/s and the JVM's CPU per accepted post (from /proc). Rounds alternate the builds, so a
# machine that slows down meanwhile slows all of them.
#   bench/compare-posts.sh [--rounds N] DIR LABEL [DIR LABEL]...     (default 2 rounds)
# e.g. git worktree add /tmp/before HEAD~1 && (cd /tmp/before && mvn -B -q package -DskipTests)
#      bench/compare-posts.sh /tmp/before before . after
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk25.sh
source bench/require-wrk.sh

rounds=2
if [[ ${1:-} == --rounds ]]; then rounds=${2:?--rounds needs a value}; shift 2; fi
(($# >= 2 && $# % 2 == 0)) || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
source bench/service.sh
root=$PWD port=18087 password=bench-compare-password
api=http://127.0.0.1:$port/api/v1
work=$(mktemp -d)
trap 'stop_service; rm -rf "$work"' EXIT

# measure DIR LABEL: one start, warm-up and measured run of the build in DIR
measure() {
    start_service "$(cd "$1" && pwd)/target/quarkus-app" $port $password "$work/service.log"
    python3 bench/seed.py captchas --base "$api" --count 12000 --out "$work/warm.txt" >/dev/null
    wrk -t2 -c32 -d10s -s bench/post-solved.lua "http://127.0.0.1:$port" -- "$work/warm.txt" 2 w >/dev/null
    python3 bench/seed.py captchas --base "$api" --count 15000 --out "$work/measured.txt" >/dev/null
    local before after out
    before=$(cpu_ticks $service_pid)
    out=$(wrk -t2 -c32 -d15s -s bench/post-solved.lua "http://127.0.0.1:$port" -- "$work/measured.txt" 2 r)
    after=$(cpu_ticks $service_pid)
    stop_service
    echo "$out" | awk -v label="$2" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
        /accepted posts\/s/ { for (i = 1; i <= NF; i++) { if ($(i+1) == "accepted" && $(i+2) == "(201/202),") accepted = $i; if ($(i+1) == "accepted" && $(i+2) == "posts/s") rate = $i } }
        END { printf "%-12s %7d accepted  %7.1f posts/s  %6.3f ms CPU a post\n", label, accepted, rate, ticks * 1000 / hz / accepted }'
}

echo "machine: $(nproc) cores; $(java -version 2>&1 | sed -n 1p); $(date -R)"
for ((round = 1; round <= rounds; round++)); do
    echo "round $round/$rounds"
    args=("$@")
    for ((i = 0; i < ${#args[@]}; i += 2)); do measure "${args[i]}" "${args[i+1]}"; done
done
