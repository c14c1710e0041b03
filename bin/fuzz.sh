#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of one module's parser target for longer than the build's 20 s:
#   bin/fuzz.sh MODULE [DURATION]      MODULE: sdk-io (CSV and Arrow files), sdk-features (feature specs) or
#                                      sdk-backtest (strategy specs and sweep grids); DURATION: 10m by default (30s, 2h)
# It runs the module's coverage-fuzz execution (root pom) with that duration. The generated corpus is kept in
# MODULE/target/.cifuzz-corpus and grows from run to run; a finding stops the run, fails it and is written to
# MODULE/target/crash-*: copy it into the target's Inputs folder under src/test/resources as a regression input
# (docs/build.md, "Fuzzing").
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$ROOT/bin/find-jdk.sh"
quiver_find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
MODULE=${1:?usage: bin/fuzz.sh sdk-io|sdk-features|sdk-backtest [DURATION]}
DURATION=${2:-10m}
case "$MODULE" in
  sdk-io|sdk-features|sdk-backtest) ;;
  *) echo "fuzz: no fuzz target in '$MODULE'; the targets are in sdk-io, sdk-features and sdk-backtest" >&2; exit 2 ;;
esac
cd "$ROOT"
./mvnw -B ${MAVEN_ARGS:-} -pl "$MODULE" -am test-compile surefire:test@coverage-fuzz \
  -Dquiver.coverageFuzz.duration="$DURATION" -Djapicmp.skip=true
