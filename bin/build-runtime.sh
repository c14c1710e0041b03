#!/usr/bin/env bash
# Builds a self-contained `quiver` for users without JDK 25: a jlink'ed Java runtime holding only the JDK modules
# Quiver uses, the application's jars, and a launcher, as a folder and a .tar.gz archive.
#
#   bin/build-runtime.sh [--output DIR] [--jpackage]      default DIR: target/quiver-runtime
#
# Then: DIR/bin/quiver demo   (or unpack DIR.tar.gz anywhere and run bin/quiver there). --jpackage also makes a
# jpackage application image (DIR-jpackage/quiver/bin/quiver) over the same runtime. See docs/build.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$ROOT"
OUT="$ROOT/target/quiver-runtime"
JPACKAGE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --jpackage) JPACKAGE=1; shift ;;
    --output) [ $# -ge 2 ] || { echo "build-runtime: --output needs a folder" >&2; exit 2; }; OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-runtime: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac

. bin/find-jdk.sh
quiver_find_jdk
APP="$ROOT/sdk-cli/target"
echo "build-runtime: building the application..." >&2
./mvnw -q -B -DskipTests -pl sdk-cli -am package >&2
touch "$APP/.quiver-built"

# the JDK modules the application's classes use (jdeps), plus those it reaches by reflection or flags:
# the Vector API, jdk.unsupported (Arrow, Caffeine), the JDBC API (DuckDB), zip file systems, and TLS/crypto
# providers that libraries look up at run time
# quiver.jar is a modular jar, which jdeps would analyse as a module and then want every module it requires on a
# module path (parquet-java cannot be on one: docs/build.md, "The module path"), so its classes are analysed without
# their module descriptor, on the class path the image runs them on
CLASSES=$(mktemp -d)
(cd "$CLASSES" && "$JAVA_HOME/bin/jar" --extract --file "$APP/quiver.jar" && rm -f module-info.class)
MODULES=$("$JAVA_HOME/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps -q \
    --class-path "$APP/lib/*" "$CLASSES" 2>/dev/null || true)
rm -rf "$CLASSES"
case "$MODULES" in *java.desktop*) ;; *) echo "build-runtime: jdeps found no JDK modules ($MODULES)" >&2; exit 1 ;; esac
EXTRA="jdk.incubator.vector,jdk.unsupported,java.sql,jdk.zipfs,jdk.crypto.ec,jdk.management,java.naming"
MODULES=$(printf '%s,%s' "$MODULES" "$EXTRA" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)
echo "build-runtime: JDK modules: $MODULES" >&2

STAGE="$OUT.tmp.$$"
rm -rf "$STAGE"
mkdir -p "$STAGE/bin" "$STAGE/lib"
trap 'rm -rf "$STAGE"' EXIT
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress zip-6 --output "$STAGE/runtime"
cp "$APP/quiver.jar" "$STAGE/lib/"
cp "$APP"/lib/*.jar "$STAGE/lib/"
cp "$APP/quiver.jvmopts" "$STAGE/lib/quiver.jvmopts"
if [ -d "$ROOT/data" ]; then
  cp -r "$ROOT/data" "$STAGE/data" # the demo's bundled data
fi
cat > "$STAGE/bin/quiver" <<'LAUNCHER'
#!/usr/bin/env bash
# quiver, from a runtime image: its own Java runtime, no JDK needed
set -euo pipefail
HOME_DIR=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
read -r -a FLAGS < "$HOME_DIR/lib/quiver.jvmopts"
drop_incubator_warning() {
  local first
  if IFS= read -r first; then
    [[ "$first" == "WARNING: Using incubator modules"* ]] || printf '%s\n' "$first"
  fi
  exec cat
}
set +e
{ "$HOME_DIR/runtime/bin/java" "${FLAGS[@]}" -Dquiver.home="$HOME_DIR" ${QUIVER_JAVA_OPTS:-} \
    -cp "$HOME_DIR/lib/quiver.jar:$HOME_DIR/lib/*" dev.quiver.cli.QuiverCommand "$@" 2>&1 1>&3 3>&- \
    | drop_incubator_warning >&2; } 3>&1
exit "${PIPESTATUS[0]}"
LAUNCHER
chmod +x "$STAGE/bin/quiver"

"$STAGE/bin/quiver" --version >/dev/null || { echo "build-runtime: the image does not start" >&2; exit 1; }
rm -rf "$OUT"
mv "$STAGE" "$OUT"
trap - EXIT
tar -C "$(dirname "$OUT")" -czf "$OUT.tar.gz.tmp" "$(basename "$OUT")"
mv "$OUT.tar.gz.tmp" "$OUT.tar.gz"
if [ "$JPACKAGE" = 1 ]; then
  # jpackage's application image: its own native launcher over the same runtime and jars
  rm -rf "$OUT-jpackage"
  read -r -a FLAGS < "$OUT/lib/quiver.jvmopts"
  JOPTS=()
  for f in "${FLAGS[@]}"; do JOPTS+=(--java-options "$f"); done
  "$JAVA_HOME/bin/jpackage" --type app-image --name quiver --dest "$OUT-jpackage" --input "$OUT/lib" \
      --main-jar quiver.jar --main-class dev.quiver.cli.QuiverCommand --runtime-image "$OUT/runtime" \
      "${JOPTS[@]}" --java-options '-Dquiver.home=$APPDIR/../..'
  if [ -d "$OUT/data" ]; then
    cp -r "$OUT/data" "$OUT-jpackage/quiver/data"
  fi
  echo "build-runtime: $OUT-jpackage/quiver ($(du -sh "$OUT-jpackage/quiver" | cut -f1))" >&2
fi
echo "build-runtime: $OUT ($(du -sh "$OUT" | cut -f1); runtime $(du -sh "$OUT/runtime" | cut -f1)) and" \
    "$OUT.tar.gz ($(du -sh "$OUT.tar.gz" | cut -f1))" >&2
