#!/usr/bin/env bash
# The long versions of the reliability tests, run on purpose (the suite, and so .ci/run, runs the
# short ones). Each builds the jar, runs one integration test against it on H2 and then on a fresh
# PostgreSQL database (127.0.0.1:5432, as .ci/run provides), and prints its figures.
#   reliability/run.sh crash     25 cycles: 32 concurrent posters, kill -9 at a random moment, restart
#   reliability/run.sh stop      SIGTERM under load
#   reliability/run.sh outage    PostgreSQL stopped for 20 s under load (PostgreSQL only)
#   reliability/run.sh hostile [N]  N generated hostile requests per endpoint group (default 25000)
#   reliability/run.sh all
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk25.sh

run_it() { # IT-CLASS PROPERTIES...
    local it=$1; shift
    echo "== $it $*" >&2
    mvn -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$it" "$@" \
        | tee "target/reliability-$it.log" \
        | grep -E "^$it:|Tests run:|FAIL|BUILD" || true
    grep -q "BUILD SUCCESS" "target/reliability-$it.log"
}

# The property-based hostile input test runs in-process (surefire), on H2 and then on PostgreSQL.
run_hostile() { # CASES
    echo "== HostileInputTest, $1 cases per test" >&2
    mvn -B test -Dtest=HostileInputTest -Dhostile.cases="$1" | tee target/reliability-hostile.log \
        | grep -E "hostile .* cases from seed|cases, .* failures|Tests run:|FAIL|BUILD" || true
    grep -q "BUILD SUCCESS" target/reliability-hostile.log
}

mkdir -p target
case ${1:-} in
    crash) run_it DurabilityIT -Dreliability.cycles=25 -Dreliability.posters=32 ;;
    stop) run_it GracefulStopIT ;;
    outage) run_it DatabaseOutageIT -Dreliability.outage-seconds=20 ;;
    hostile) run_hostile "${2:-25000}" ;;
    all) "$0" crash && "$0" stop && "$0" outage && "$0" hostile ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
