# Sourced by .ci/run, bench/ and reliability/ scripts: points JAVA_HOME and PATH at a JDK 25 or newer.
# The build, the tests and the AOT cache need it, and the cache only opens on the JVM that wrote it,
# so the scripts run the service with this same JDK. The machine's Temurin 25 comes first, then
# JAVA_HOME if it is a JDK 25 or newer, then any other JDK 25 under /usr/lib/jvm; a JRE (no javac)
# does not do. Fails naming what to install.
jdk_feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -nE 's/^ *java\.specification\.version = ([0-9]+).*/\1/p'; }
is_jdk25() { [[ -x $1/bin/java && -x $1/bin/javac ]] && (($(jdk_feature "$1") >= 25)); }
found=''
for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25*; do
    if [[ -n $candidate ]] && is_jdk25 "$candidate"; then found=$candidate; break; fi
done
if [[ -z $found ]]; then
    echo "no JDK 25 found (JAVA_HOME unset, older or a JRE; none under /usr/lib/jvm)." >&2
    echo "Install Temurin 25 (Adoptium's apt package temurin-25-jdk, or https://adoptium.net) and set JAVA_HOME to it." >&2
    exit 1
fi
export JAVA_HOME=$found PATH=$found/bin:$PATH
unset found candidate
