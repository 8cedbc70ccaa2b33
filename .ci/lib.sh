# shellcheck shell=bash
# Shared by .ci/serve, .ci/test and .ci/bench: timed steps, and installers that bring a brand-new
# machine up to the pinned toolchain while skipping every tool already present at the right version.
#
# Sourced, not run. Everything installs from crates.io, npm or Debian; nothing else is reachable.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
CARGO_DENY_VERSION="0.20.2"
BINARYEN_VERSION="132"
export PATH="$HOME/.cargo/bin:$ROOT/.ci/tools/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export NPM_CONFIG_LOGLEVEL=error NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

STEP_LOG="$(mktemp -d)"
trap 'rm -rf "$STEP_LOG"' EXIT

# step NAME CMD...: prints the step's name, runs it, prints its time; a failure names the step
# and stops the whole command with a non-zero status.
step() {
  local name="$1"; shift
  local start=$SECONDS rc
  echo "==> $name"
  # A subshell with errexit of its own: inside `if` or `||`, bash would silently ignore `set -e`
  # in the step's functions and carry on past a failed command.
  set +e
  ( set -e; "$@" )
  rc=$?
  set -e
  if [ "$rc" -eq 0 ]; then
    echo "    ok: $name ($((SECONDS - start))s)"
  else
    echo "FAILED: $name (exit $rc after $((SECONDS - start))s)" >&2
    exit "$rc"
  fi
}

# retry_if_damaged CMD...: runs CMD; if its output shows a damaged target/ (truncated or foreign
# build artefacts, as an interrupted build leaves them), cleans target/ and tries once more.
# A genuine compile error is not retried.
DAMAGED_RE='invalid metadata|could not read metadata|found invalid metadata|can.t find crate for|file format not recognized|extern location for .* does not exist|failed to read .*/target/|error: incremental compilation'
retry_if_damaged() {
  local log="$STEP_LOG/last.log"
  if "$@" 2>&1 | tee "$log"; then return 0; fi
  if grep -qE "$DAMAGED_RE" "$log"; then
    echo "    target/ looks damaged: cleaning and retrying once" >&2
    cargo clean >/dev/null 2>&1 || rm -rf "$ROOT/target"
    "$@"
  else
    return 1
  fi
}

need() { command -v "$1" >/dev/null 2>&1; }

apt_install() {
  if ! need apt-get; then
    echo "apt-get is not available: install $* by hand, then run this command again" >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  # A previous run killed mid-install leaves dpkg half-configured; finish that first.
  $sudo dpkg --configure -a >/dev/null 2>&1 || true
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_wasm_target() {
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo "    wasm32-unknown-unknown: present"
  else
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_rust_components() {
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ "${#missing[@]}" -gt 0 ]; then rustup component add "${missing[@]}"; else echo "    rustfmt, clippy: present"; fi
}

ensure_rust_tools() {
  ensure_rust_components
  ensure_wasm_target
}

# cargo_install ARGS...: installs a tool we only run, built for a quick install rather than
# the last percent of speed: tools' release profiles use fat LTO and full optimisation, which
# make Trunk alone take ~11 minutes on two cores. Without LTO, in 16 units, at opt-level 1.
cargo_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    cargo install "$@"
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
    echo "    trunk $TRUNK_VERSION: present"
    return 0
  fi
  cargo_install trunk --version "$TRUNK_VERSION" --locked --force
}

ensure_cargo_deny() {
  if cargo deny --version 2>/dev/null | grep -q " $CARGO_DENY_VERSION\$"; then
    echo "    cargo-deny $CARGO_DENY_VERSION: present"
    return 0
  fi
  # Without default features: no git or network code, which licence and ban checks never use.
  cargo_install cargo-deny --version "$CARGO_DENY_VERSION" --locked --no-default-features --force
}

# The wasm-bindgen CLI must match the wasm-bindgen crate exactly; Cargo.lock is the truth.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || { echo "Cargo.lock names no wasm-bindgen version" >&2; return 1; }
  if ! grep -q "wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $want" >&2
    return 1
  fi
  if wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
    echo "    wasm-bindgen $want: present"
    return 0
  fi
  # --locked can fail because the registry lacks one pinned dependency of the CLI; the
  # unlocked install resolves to what the registry has.
  cargo_install wasm-bindgen-cli --version "$want" --locked --force \
    || cargo_install wasm-bindgen-cli --version "$want" --force
}

# npm_ci DIR: installs DIR's locked npm packages unless node_modules already matches the lock.
npm_ci() {
  local dir="$1"
  if [ -f "$dir/node_modules/.package-lock.json" ] && cmp -s "$dir/package-lock.json" "$dir/node_modules/.sco-lock"; then
    echo "    $dir/node_modules: up to date"
    return 0
  fi
  (cd "$dir" && npm ci --no-audit --no-fund)
  cp "$dir/package-lock.json" "$dir/node_modules/.sco-lock"
}

ensure_node() {
  if need node && need npm; then
    echo "    node $(node --version): present"
  else
    apt_install nodejs npm
  fi
}

ensure_wasm_opt() {
  npm_ci .ci/tools
  # Debian's binaryen (108) cannot read what current wasm-bindgen emits; ours must come first.
  if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    echo "wasm-opt on PATH is not version $BINARYEN_VERSION: $(command -v wasm-opt || echo none)" >&2
    return 1
  fi
  echo "    wasm-opt $BINARYEN_VERSION: $(command -v wasm-opt)"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "    chromium: present"
  else
    apt_install chromium chromium-driver
  fi
}

# The pinned toolchain for building the site.
ensure_build_tools() {
  ensure_node
  ensure_wasm_target
  ensure_wasm_opt
  ensure_trunk
  # Cargo.lock must exist (it is committed) before reading the wasm-bindgen pin.
  ensure_wasm_bindgen
  # Trunk runs cargo offline; fetch once so a fresh machine has the sources.
  cargo fetch --locked >/dev/null
}

# build_fixture_site DIST: a debug build of the hostile-input fixture dataset, with test hooks,
# for the browser tests (it never ships).
build_fixture_site() {
  SCO_SEEDS=e2e/fixtures/injection SCO_TEST_HOOKS=1 retry_if_damaged trunk build --dist "$1"
}

# build_reports_site DIST: a debug build of the many-sources fixture (tests/fixtures/reports/),
# for the browser tests of reports, revisions and disagreements (it never ships).
build_reports_site() {
  SCO_SEEDS=tests/fixtures/reports retry_if_damaged trunk build --dist "$1"
}

# build_site DIST [extra trunk args]: a release build of the site into DIST.
# Plain Trunk: the build machine's paths are kept out by .cargo/remap-rustc, which Cargo runs
# rustc through for every build of the project.
build_site() {
  local dist="$1"; shift
  retry_if_damaged trunk build --release --dist "$dist" "$@"
}
