# Sourced by the scripts that measure the packaged service alone (compare-posts.sh, profile-posts.sh):
# starts it as the README runs it (-Xmx256m, its AOT cache) on a fresh data directory, with the
# per-address limits and the flood rule off, since one client address sends everything.
#   start_service APP PORT PASSWORD LOG [JAVA OPTION]...   APP holds quarkus-run.jar and app.aot;
#                                                          sets service_pid and service_dir
#   stop_service                                           stops it and deletes its data directory
#   cpu_ticks PID                                          the process's user + system CPU so far, in clock ticks
service_pid='' service_dir=''

start_service() {
    local app=$1 port=$2 password=$3 log=$4; shift 4
    [[ -f $app/quarkus-run.jar && -f $app/app.aot ]] || { echo "no jar with its AOT cache in $app: mvn package there" >&2; exit 1; }
    service_dir=$(mktemp -d)
    (cd "$service_dir" && exec env QUARKUS_HTTP_PORT="$port" COMMENTS_ADMIN_PASSWORD="$password" \
        COMMENTS_RATE_LIMIT_ENABLED=false COMMENTS_ANTISPAM_FLOOD_INTERVAL=0S \
        java -Xmx256m "$@" -XX:AOTCache="$app/app.aot" -jar "$app/quarkus-run.jar" >"$log" 2>&1) &
    service_pid=$!   # exec: the subshell's pid is the JVM's
    until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
        kill -0 "$service_pid" 2>/dev/null || { echo "the service did not start; its log:" >&2; cat "$log" >&2; exit 1; }
        sleep 0.2
    done
}

stop_service() {
    [[ -n $service_pid ]] && { kill "$service_pid" 2>/dev/null; wait "$service_pid" 2>/dev/null || true; }
    [[ -n $service_dir ]] && rm -rf "$service_dir"
    service_pid='' service_dir=''
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
