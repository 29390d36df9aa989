#!/usr/bin/env bash
# The test command (README.md): installs what the tests use beside Rust, if it is missing,
# then runs `cargo test --release` with any arguments given (e.g. `./test.sh --test suite pdfx`).
#
# The tests cross-check banmian's output with other tools: poppler (pdfinfo, pdffonts,
# pdftotext), ghostscript (separations), qpdf (PDF syntax), and Debian's chromium and
# chromedriver (`banmian serve` in a real browser; BANMIAN_CHROMIUM and BANMIAN_CHROMEDRIVER
# name other builds). banmian itself needs none of them to build a page.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
have() { command -v "$1" >/dev/null 2>&1; }
{ have pdftotext && have pdffonts && have pdfinfo; } || missing+=(poppler-utils)
have gs || missing+=(ghostscript)
have qpdf || missing+=(qpdf)
[ -x "${BANMIAN_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${BANMIAN_CHROMEDRIVER:-/usr/bin/chromedriver}" ] || missing+=(chromium-driver)

if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]} (apt-get)" >&2
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif have sudo; then
    sudo=(sudo)
  else
    echo "test.sh: not root and no sudo: install ${missing[*]} (Debian/Ubuntu packages), then run ./test.sh again" >&2
    exit 2
  fi
  if ! have apt-get; then
    echo "test.sh: no apt-get here: install ${missing[*]} (or your system's packages of them), then run ./test.sh again" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec cargo test --release "$@"
