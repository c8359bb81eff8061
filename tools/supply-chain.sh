#!/usr/bin/env bash
# Supply-chain steps, called by build.sh:
#   tools/supply-chain.sh check          cargo-deny: licences, banned crates and sources of every Rust
#                                        dependency against deny.toml (run by `./build.sh test`)
#   tools/supply-chain.sh release DIST   the release's CycloneDX SBOM (DIST/postguard.cdx.json, from
#                                        tools/sbom.mjs) and SHA-256 checksums of every release file
#                                        under DIST (DIST/SHA256SUMS); run at the end of `./build.sh package`
#
# cargo-deny is built from crates.io at a pinned version with its own lock file (--locked) and cached in
# $POSTGUARD_CACHE (default ~/.cache/postguard), like build.sh's other tools: the first run compiles it,
# later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=${POSTGUARD_CACHE:-$HOME/.cache/postguard}
CARGO_DENY_VERSION=0.20.2

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_cargo_deny() {
  CARGO_DENY=$CACHE/cargo-deny-$CARGO_DENY_VERSION/bin/cargo-deny
  if [ ! -x "$CARGO_DENY" ]; then
    log "installing cargo-deny $CARGO_DENY_VERSION (once; cached in $CACHE)"
    cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked --root "$CACHE/cargo-deny-$CARGO_DENY_VERSION" --quiet
  fi
}

check() {
  ensure_cargo_deny
  log "supply chain: cargo deny (licences, bans, sources; deny.toml)"
  # Advisories are left out: their database is on GitHub, which CI cannot reach (SECURITY.md).
  "$CARGO_DENY" --locked --log-level warn check --hide-inclusion-graph licenses bans sources
}

# The release files: every file under DIST except unpacked extension folders (any folder holding a
# manifest.json: their contents are in the zips and packages), private keys and SHA256SUMS itself.
release_files() {
  local dist=$1
  (cd "$dist" && {
    local unpacked; unpacked=$(find . -mindepth 2 -name manifest.json -printf '%h/\n')
    find . -type f ! -name SHA256SUMS ! -name '*.pem' -printf '%P\n' | sort | while IFS= read -r f; do
      local inside=0 dir
      for dir in $unpacked; do case "./$f" in "$dir"*) inside=1 ;; esac; done
      [ "$inside" -eq 1 ] || printf '%s\n' "$f"
    done
  })
}

release() {
  local dist=${1:?usage: tools/supply-chain.sh release DIST}
  log "supply chain: CycloneDX SBOM of the Rust and npm dependencies ($dist/postguard.cdx.json)"
  node tools/sbom.mjs "$dist/postguard.cdx.json" >&2
  local files=()
  mapfile -t files < <(release_files "$dist")
  [ "${#files[@]}" -gt 0 ] || { echo "supply-chain.sh: no release files in $dist" >&2; exit 1; }
  (cd "$dist" && sha256sum -- "${files[@]}" > SHA256SUMS && sha256sum --check --quiet SHA256SUMS)
  log "supply chain: SHA-256 checksums of ${#files[@]} release files in $dist/SHA256SUMS"
}

case "${1:-}" in
  check) check ;;
  release) release "${2:-}" ;;
  *) echo "usage: tools/supply-chain.sh check | release DIST" >&2; exit 2 ;;
esac
