# Sourced by the benchmark and reliability scripts: Debian's wrk package, installed on the spot
# when it is missing and we may.
if ! command -v wrk >/dev/null; then
    echo "wrk is missing: installing Debian's wrk package" >&2
    sudo=''; ((EUID == 0)) || sudo=sudo
    $sudo apt-get install -y wrk >&2 || { $sudo apt-get update >&2 && $sudo apt-get install -y wrk >&2; } \
        || { echo "could not install wrk: apt-get install -y wrk" >&2; exit 1; }
fi
