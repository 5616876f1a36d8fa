# Sourced by .ci/run, bench/ and reliability/ scripts: points JAVA_HOME and PATH at a JDK 25 or newer.
# The build, the tests and the AOT cache need it, and the cache only opens on the JVM that wrote it,
# so the scripts run the service with this same JDK. Takes JAVA_HOME if it already is 25 or newer,
# else the machine's Temurin 25 under /usr/lib/jvm; fails naming what to install.
jdk_feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -nE 's/^ *java\.specification\.version = ([0-9]+).*/\1/p'; }
if [[ -z ${JAVA_HOME:-} || ! -x ${JAVA_HOME:-}/bin/java || $(jdk_feature "$JAVA_HOME") -lt 25 ]]; then
    JAVA_HOME=''
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25*; do
        if [[ -x $candidate/bin/java && $(jdk_feature "$candidate") -ge 25 ]]; then JAVA_HOME=$candidate; break; fi
    done
fi
if [[ -z $JAVA_HOME ]]; then
    echo "no JDK 25 found (JAVA_HOME unset or older, none under /usr/lib/jvm)." >&2
    echo "Install Temurin 25 (Adoptium's apt package temurin-25-jdk, or https://adoptium.net) and set JAVA_HOME to it." >&2
    exit 1
fi
export JAVA_HOME PATH=$JAVA_HOME/bin:$PATH
