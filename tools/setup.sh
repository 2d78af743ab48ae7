#!/usr/bin/env bash
# Installs the Debian packages the harness needs, only those missing. Idempotent; called by ./omnictx and tools/test.sh.
#   tools/setup.sh            image codec libraries, and the headers the build compiles its codec layer against
#   tools/setup.sh --tests    also what the tests need (Chromium for the browser test)
set -euo pipefail
packages=(libpng16-16 libjpeg62-turbo libwebp7 gcc libc6-dev libpng-dev libjpeg62-turbo-dev)
[[ "${1:-}" == "--tests" ]] && packages+=(chromium fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v dotnet >/dev/null || { echo "setup: the .NET SDK 10 is required (dotnet not on PATH)" >&2; exit 1; }
command -v npm >/dev/null || { echo "setup: npm is required (the build restores ONNX Runtime from npm)" >&2; exit 1; }
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
