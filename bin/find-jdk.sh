# Sourced by ./quiver, ./mvnw and .ci/run: makes JAVA_HOME point at a JDK 25 or newer.
# Keeps the current JAVA_HOME (or the java on PATH) when it is new enough; otherwise looks in the usual places.
# Reads each JDK's `release` file instead of starting a JVM, so it costs nothing.

quiver_jdk_major() { # $1 = a JDK home; prints its feature version (17, 25, ...) or nothing
  local release="$1/release" v
  [ -x "$1/bin/java" ] && [ -f "$release" ] || return 0
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release" 2>/dev/null | head -n 1)
  [ "$v" = "1" ] && v=8
  printf '%s' "$v"
}

quiver_find_jdk() { # sets JAVA_HOME; returns 1 with a message when no JDK 25+ exists
  local want=25 candidate major from_path
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(quiver_jdk_major "$JAVA_HOME")
    [ -n "$major" ] && [ "$major" -ge "$want" ] && return 0
  fi
  if command -v java >/dev/null 2>&1; then
    from_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(quiver_jdk_major "$from_path")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then
      export JAVA_HOME="$from_path"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                   "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] || continue
    major=$(quiver_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "Quiver needs JDK $want or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset}, java on PATH:" \
       "$(command -v java || echo none)). Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
