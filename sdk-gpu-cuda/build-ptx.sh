#!/usr/bin/env bash
# Compiles src/main/cuda/*.cu to PTX under src/main/resources/dev/quiver/gpu/cuda/kernel/, where the PTX is committed
# so that builds without nvcc work. Each PTX starts with a header naming its source's SHA-256; a PTX whose recorded
# hash matches its source is left alone (so a build with nvcc changes nothing unless a .cu changed).
#
#   build-ptx.sh                 regenerate stale PTX (no nvcc on the PATH: say so, change nothing, exit 0)
#   build-ptx.sh --force DIR     compile every source into DIR (the PTX-matches-sources test uses this)
#
# Target: PTX for compute_80 (sm_80, Ampere and later: A100, H100, H200, L40S, ...), which the driver JIT-compiles
# for the GPU it finds. nvcc 13 writes PTX ISA 9.0, which only CUDA 13 drivers read; the kernels use nothing beyond
# ISA 8.0, so the header is lowered to `.version 8.0` (CUDA 12.0 and later drivers) and ptxas assembles the result
# for sm_80 to prove that the lowered PTX is valid. --fmad=false keeps every multiply and add separately rounded, as
# Java's, so the kernels match the CPU providers bit for bit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/src/main/cuda"
out="$here/src/main/resources/dev/quiver/gpu/cuda/kernel"
force=0
if [[ "${1:-}" == "--force" ]]; then
  force=1
  out="${2:?--force needs an output folder}"
fi
PTX_ISA=8.0
NVCC_FLAGS=(--ptx -arch=compute_80 --fmad=false -O3)

if ! command -v nvcc >/dev/null 2>&1; then
  if [[ $force == 1 ]]; then
    echo "build-ptx: nvcc is not on the PATH" >&2
    exit 2
  fi
  echo "build-ptx: nvcc not found; using the committed PTX (the KernelSourcesTest checks that it matches the sources)"
  exit 0
fi
mkdir -p "$out"
release="$(nvcc --version | sed -n 's/.*release \([0-9.]*\),.*/\1/p')"
for cu in "$src"/*.cu; do
  name="$(basename "$cu" .cu)"
  hash="$(sha256sum "$cu" | cut -d' ' -f1)"
  target="$out/$name.ptx"
  if [[ $force == 0 && -f "$target" ]] && grep -q "^// quiver-source-sha256: $hash\$" "$target"; then
    continue
  fi
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  nvcc "${NVCC_FLAGS[@]}" -o "$tmp/raw.ptx" "$cu"
  sed -E "s/^\.version [0-9]+\.[0-9]+\$/.version $PTX_ISA/" "$tmp/raw.ptx" > "$tmp/body.ptx"
  ptxas -arch=sm_80 "$tmp/body.ptx" -o "$tmp/check.cubin"
  {
    echo "// quiver-source: $name.cu"
    echo "// quiver-source-sha256: $hash"
    echo "// quiver-nvcc: release $release, ${NVCC_FLAGS[*]}; .version lowered to $PTX_ISA (see build-ptx.sh)"
    cat "$tmp/body.ptx"
  } > "$tmp/final.ptx"
  mv "$tmp/final.ptx" "$target"
  rm -rf "$tmp"
  trap - EXIT
  echo "build-ptx: $name.cu -> $target"
done
