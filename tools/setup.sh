#!/usr/bin/env bash
# Installs the Debian packages the harness needs, only those missing. Idempotent; called by ./omnictx and tools/test.sh.
# Everything else comes from NuGet (ONNX Runtime, ScottPlot, ...) when dotnet restores; npm is not needed.
#   tools/setup.sh            image codec libraries, and the headers the build compiles its codec layer against
#   tools/setup.sh --tests    also what the tests need (Chromium for the browser test; python3-pil and
#                             mate-backgrounds for the suite rebuild test, tools/build-suite.py, which also fetches
#                             one npm package; python3-numpy for the .npy interchange test)
set -euo pipefail
# fonts-dejavu-core: the one font the charts use, loaded from its file so every machine draws the same pixels
# (ScottPlot's SkiaSharp comes as the NoDependencies native build: it needs no fontconfig).
packages=(libpng16-16 libjpeg62-turbo libwebp7 libwebpdemux2 gcc libc6-dev libpng-dev libjpeg62-turbo-dev fonts-dejavu-core)
[[ "${1:-}" == "--tests" ]] && packages+=(chromium python3-pil mate-backgrounds python3-numpy)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v dotnet >/dev/null || { echo "setup: the .NET SDK 10 is required (dotnet not on PATH)" >&2; exit 1; }
[[ "${1:-}" == "--tests" ]] && ! command -v npm >/dev/null &&
  echo "setup: npm not found: the build does not need it, but the suite rebuild test (tools/build-suite.py fetches its emoji images with npm) will fail" >&2
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
