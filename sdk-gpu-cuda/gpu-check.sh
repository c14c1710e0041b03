#!/usr/bin/env bash
# Everything that needs a GPU, in one go, for a machine that has one: the gpu-tagged tests (every CUDA kernel against
# the CPU provider, top-k correlations, the probe) and the GPU benchmarks with their CPU rows, results into OUT_DIR.
#
#   sdk-gpu-cuda/gpu-check.sh OUT_DIR [quick]
#
#   quick   benchmarks with 1 warm-up and 2 measurement iterations of 1 s (the full run takes several minutes more)
#
# Environment:
#   JAVA_HOME    a JDK 25 (or a jlink'ed runtime with java.base, jdk.incubator.vector, java.sql, java.logging,
#                java.management, jdk.unsupported, java.naming, java.desktop); found by bin/find-jdk.sh otherwise
#   MAVEN_ARGS   extra Maven arguments, e.g. "-o -Dmaven.repo.local=/path/to/carried/m2" on a machine without a
#                package registry
#   SKIP_BUILD=1 use the already built sdk-gpu-cuda and sdk-bench/target/benchmarks.jar
#
# Writes: OUT_DIR/nvidia-smi.txt, OUT_DIR/probe.txt, OUT_DIR/tests/ (surefire reports), OUT_DIR/tests.log,
# OUT_DIR/gpu-bench.json (JMH), OUT_DIR/bench.log, OUT_DIR/summary.txt. Exit status: 0 when the tests passed.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: gpu-check.sh OUT_DIR [quick]}"
mode="${2:-full}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$root"
# shellcheck source=../bin/find-jdk.sh
. bin/find-jdk.sh
quiver_find_jdk || exit 1
java="$JAVA_HOME/bin/java"
# shellcheck disable=SC2086
mvn() { ./mvnw -B ${MAVEN_ARGS:-} "$@"; }

{ nvidia-smi || echo "nvidia-smi: not available"; } > "$out/nvidia-smi.txt" 2>&1
status=0
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -DskipTests install -pl sdk-bench -am > "$out/build.log" 2>&1 || { echo "build failed: $out/build.log"; exit 1; }
fi
echo "== gpu-tagged tests" | tee "$out/tests.log"
mvn test -pl sdk-gpu-cuda -Dgroups=gpu -Dsurefire.failIfNoSpecifiedTests=false >> "$out/tests.log" 2>&1 || status=1
mkdir -p "$out/tests" && cp sdk-gpu-cuda/target/surefire-reports/* "$out/tests/" 2>/dev/null
grep -h "Tests run" sdk-gpu-cuda/target/surefire-reports/*.txt > "$out/probe.txt" 2>/dev/null
echo "== GPU benchmarks ($mode)" | tee "$out/bench.log"
"$java" --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp sdk-bench/target/benchmarks.jar dev.quiver.bench.gpu.GpuBenchmarks "$out/gpu-bench.json" \
  "$([[ $mode == quick ]] && echo quick)" >> "$out/bench.log" 2>&1 || status=1
{
  echo "gpu-check $(date -u +%FT%TZ), tests $([[ $status == 0 ]] && echo passed || echo FAILED or benchmarks failed)"
  head -n 12 "$out/nvidia-smi.txt"
  echo "-- tests (skipped > 0 means no CUDA was found)"
  cat "$out/probe.txt"
  grep -h "differ from the CPU" sdk-gpu-cuda/target/surefire-reports/*-output.txt 2>/dev/null
  grep -h "on the GPU:" sdk-gpu-cuda/target/surefire-reports/*-output.txt 2>/dev/null
  echo "-- benchmarks"
  grep -E "^(Benchmark|dev\.quiver|FeaturePlan|Correlation)|gpu rows skipped|^GPU:" "$out/bench.log" | tail -n 20
} > "$out/summary.txt"
cat "$out/summary.txt"
exit $status
