#!/usr/bin/env bash
# Where a post's CPU goes: the packaged service (as the README runs it, fresh H2 database) under
# bench/run.sh's scenario (c) (solved captchas, only the POSTs), recorded with JDK Flight Recorder,
# then summarised: CPU per accepted post from /proc, the hottest methods (top frames of the
# execution samples) and the hottest of our own methods anywhere on the stack.
#   bench/profile-posts.sh [--no-build] [--seconds N]     (default 30; 15 s of warm-up before)
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk25.sh
source bench/require-wrk.sh

build=1 seconds=30 warmup=15
while (($#)); do
    case $1 in
        --no-build) build=0 ;;
        --seconds) seconds=${2:?--seconds needs a value}; shift ;;
        -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done
((build)) && mvn -B -q package -DskipTests >&2

source bench/service.sh
root=$PWD port=18083 password=bench-profile-password
api=http://127.0.0.1:$port/api/v1
work=$(mktemp -d)
out=$root/bench/results/profile-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
trap 'stop_service; rm -rf "$work"' EXIT

start_service "$root/target/quarkus-app" $port $password "$out/service.log" -XX:FlightRecorderOptions=stackdepth=512
pid=$service_pid

python3 bench/seed.py captchas --base "$api" --count $((warmup * 1500)) --out "$work/warm.txt"
wrk -t2 -c32 -d${warmup}s -s bench/post-solved.lua "http://127.0.0.1:$port" -- "$work/warm.txt" 2 warm >/dev/null
python3 bench/seed.py captchas --base "$api" --count $((seconds * 1500)) --out "$work/captchas.txt"

cpu_before=$(cpu_ticks $pid)
jcmd "$pid" JFR.start name=posts settings=profile filename="$out/posts.jfr" >/dev/null
wrk -t2 -c32 -d${seconds}s --latency -s bench/post-solved.lua "http://127.0.0.1:$port" -- "$work/captchas.txt" 2 prof \
    | tee "$out/wrk.txt" | grep -E "Requests/sec|99%|posts:"
jcmd "$pid" JFR.stop name=posts >/dev/null
cpu_after=$(cpu_ticks $pid)
accepted=$(sed -n 's/^posts: [0-9]* sent, \([0-9]*\) accepted.*/\1/p' "$out/wrk.txt")
# The samples as text, once (full stacks: jfr print shows five frames unless told otherwise).
jfr print --stack-depth 512 --events jdk.ExecutionSample "$out/posts.jfr" >"$out/samples.txt"
{
    awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$accepted" \
        'BEGIN { printf "CPU per accepted post: %.2f ms (%d posts, JFR recording on)\n", t * 1000 / hz / n, n }'
    echo
    echo "Hottest methods (top frame of the CPU samples):"
    python3 bench/jfr-summary.py top 25 <"$out/samples.txt"
    echo
    echo "Where the samples are (share with a frame under each prefix; a sample can be under several):"
    python3 bench/jfr-summary.py areas <"$out/samples.txt" \
        dev.newsroom.comments.submission.SubmissionService.submit org.hibernate org.h2.command.Parser org.h2.command \
        org.h2.mvstore com.fasterxml.jackson io.vertx org.jboss.resteasy io.quarkus.arc org.hibernate.validator \
        io.micrometer io.netty java.util.regex javax.crypto dev.newsroom.comments.event dev.newsroom.comments.storage.GroupCommit
    echo
    echo "Our own code on the stack (share of CPU samples with the method anywhere on the stack):"
    python3 bench/jfr-summary.py inclusive 40 dev.newsroom <"$out/samples.txt"
} | tee "$out/summary.txt"
echo "recording and summary: ${out#"$root"/}" >&2
