#!/usr/bin/env bash
# Writes the API baseline the build's compatibility gate (japicmp, docs/build.md "API compatibility") compares with:
# for each module of the public API, its jar at REV (default: HEAD) cut down to the packages its module-info exports,
# as api-baseline/ARTIFACT.jar, and api-baseline/BASELINE naming the revision. Run it when a release is made (REV is
# the release's tag), commit api-baseline/, and start the CHANGELOG's next "Unreleased" section.
#   bin/api-baseline.sh [REV]
# Maven arguments come from MAVEN_ARGS (for example MAVEN_ARGS="-o -Dmaven.repo.local=..." offline).
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
quiver_find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
REV=${1:-HEAD}
# the modules whose public API the gate keeps: the SPI, the providers and the conformance kits plugin authors use
MODULES=(sdk-api sdk-io sdk-cache sdk-features sdk-features-testkit sdk-store-testkit sdk-backtest sdk-portfolio
  sdk-report sdk-duckdb sdk-heavydb sdk-gpu-cuda)

COMMIT=$(git -C "$ROOT" rev-parse --verify "$REV^{commit}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
git -C "$ROOT" archive "$COMMIT" | tar -x -C "$WORK/"
mkdir -p "$WORK/.mvn"
(cd "$WORK" && ./mvnw -B -q ${MAVEN_ARGS:-} -pl "$(IFS=,; echo "${MODULES[*]}")" -am package -DskipTests \
  -Djapicmp.skip=true) >&2

OUT="$ROOT/api-baseline"
mkdir -p "$OUT"
rm -f "$OUT"/*.jar
for m in "${MODULES[@]}"; do
  jar=$(ls "$WORK/$m"/target/"$m"-*.jar | grep -v -e '-tests\.jar$' -e '-sources\.jar$' -e '-javadoc\.jar$' | head -n 1)
  # the unqualified exports: the public API (a qualified "exports ... to" is for a sibling module only)
  if jar --describe-module --file "$jar" | grep -q '^No module descriptor'; then
    # a revision from before the module had a module-info: every package
    exports=$(jar --list --file "$jar" | sed -n 's|/[^/]*\.class$||p' | grep -v '^META-INF' | sort -u | tr / .)
  else
    exports=$(jar --describe-module --file "$jar" | awk '$1 == "exports" && NF == 2 {print $2}')
  fi
  [ -n "$exports" ] || { echo "api-baseline: $m exports nothing" >&2; exit 1; }
  classes="$WORK/classes-$m"
  mkdir -p "$classes"
  (cd "$classes" && jar --extract --file "$jar")
  keep="$WORK/keep-$m"
  mkdir -p "$keep"
  for p in $exports; do
    dir=${p//.//}
    mkdir -p "$keep/$dir"
    find "$classes/$dir" -maxdepth 1 -name '*.class' -exec cp {} "$keep/$dir/" \;
  done
  # fixed dates: the same revision gives the same bytes
  jar --create --date=2026-01-01T00:00:00Z --file "$OUT/$m.jar" -C "$keep" .
  echo "$m: $(echo $exports | wc -w) packages, $(find "$keep" -name '*.class' | wc -l) classes" >&2
done
printf 'revision %s\ndate %s\n' "$COMMIT" "$(git -C "$ROOT" show -s --format=%cI "$COMMIT")" > "$OUT/BASELINE"
