# Sourced by jmh.sh and ratio.sh with ROOT set: finds a JDK 25 (JDK) and builds the benchmarks
# jar (JAR) when any main source or build file is newer than it. BENCH_JAR=FILE runs another
# build's jar instead (say, a copy made at an older commit, for before/after in one session).
JAR="${BENCH_JAR:-$ROOT/benchmarks/target/benchmarks.jar}"
die() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 2; }
REQUIRED=25

# The Java feature version of a JDK folder, read from its release file (no JVM start).
jdk_version() {
  local release="$1/release" v
  [ -x "$1/bin/java" ] && [ -f "$release" ] || return 1
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  [ -n "$v" ] && printf '%s\n' "$v"
}

find_jdk() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    if v=$(jdk_version "$candidate") && [ "$v" -ge "$REQUIRED" ]; then printf '%s\n' "$candidate"; return 0; fi
  done
  return 1
}

JDK=$(find_jdk) || die "no JDK $REQUIRED or newer found (looked at JAVA_HOME and the usual JDK folders)"

# the jar is rebuilt when any main source or build file is newer (as the newstopic launcher does)
if [ -n "${BENCH_JAR:-}" ]; then
  [ -f "$JAR" ] || die "BENCH_JAR=$JAR not found"
elif [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/core" "$ROOT/train" "$ROOT/serve" "$ROOT/benchmarks/pom.xml" \
        "$ROOT/benchmarks/src" \( -path '*/target' -o -path '*/src/test' \) -prune -o \( -type f -newer "$JAR" -print \) \
        2>/dev/null | head -n 1)" ]; then
  echo "$(basename "$0"): building benchmarks/target/benchmarks.jar..." >&2
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests -pl benchmarks -am package >&2) || die "the build failed"
  touch "$JAR"
fi

