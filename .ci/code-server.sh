#!/usr/bin/env bash
# Builds code-server (a real VS Code 1.100.3 that runs offline) into a cache
# directory outside the repository and prints the path of its binary on stdout.
#
# Why this is not a plain `npm install code-server`: its postinstall downloads
# ripgrep and prebuilt native modules from outside the npm registry, which CI
# cannot reach. So the install skips scripts, every native module is compiled
# here against the local Node headers, and Debian's ripgrep stands in.
#
# Idempotent: a finished build leaves a marker and is reused while
# `code-server --version` still works. Progress goes to stderr so callers can
# capture the binary path with $(...).
set -euo pipefail

readonly CODE_SERVER_VERSION=4.100.3
readonly DIR="${ARCHDOC_CODE_SERVER_DIR:-$HOME/.cache/archdoc/code-server-$CODE_SERVER_VERSION}"
readonly BIN="$DIR/node_modules/.bin/code-server"
readonly MARKER="$DIR/.archdoc-built-$CODE_SERVER_VERSION"
readonly APT_PACKAGES=(g++ make python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium)

log() { printf 'code-server.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

works() {
  [[ -f "$MARKER" && -x "$BIN" ]] || return 1
  local version
  version="$("$BIN" --version 2>/dev/null)" || return 1
  [[ "$version" == "$CODE_SERVER_VERSION "* ]]
}

install_apt_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == 'install ok installed' ]] || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "need root or sudo to install: ${missing[*]}"
    sudo=(sudo)
  fi
  # Another apt run may hold the lock for a while; wait for it rather than fail.
  local wait_lock=(-o DPkg::Lock::Timeout=600)
  "${sudo[@]}" apt-get "${wait_lock[@]}" update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get "${wait_lock[@]}" install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# npm ships node-gyp; using that copy avoids fetching another one.
find_node_gyp() {
  local candidate
  candidate="$(npm prefix -g)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
  [[ -f "$candidate" ]] || candidate="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  [[ -f "$candidate" ]] || die "node-gyp not found next to npm"
  readlink -f "$candidate"
}

build() {
  local node_gyp nodedir vscode rg
  node_gyp="$(find_node_gyp)"
  # Without local headers node-gyp would try to download them.
  nodedir="$(npm config get nodedir)"
  [[ "$nodedir" == undefined || "$nodedir" == null || -z "$nodedir" ]] && nodedir="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  [[ -f "$nodedir/include/node/node.h" ]] || die "Node headers not found under $nodedir/include/node (set npm's nodedir)"
  export npm_config_nodedir="$nodedir" npm_config_node_gyp="$node_gyp"

  rm -f "$MARKER"
  mkdir -p "$DIR"
  cd "$DIR"
  [[ -f package.json ]] || printf '{ "name": "archdoc-code-server-cache", "private": true }\n' > package.json

  log "installing code-server@$CODE_SERVER_VERSION into $DIR"
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2

  log "building argon2"
  (cd node_modules/argon2 && "$DIR/node_modules/.bin/node-pre-gyp" install --build-from-source --nodedir="$nodedir" >&2)

  vscode="$DIR/node_modules/code-server/lib/vscode"
  log "installing VS Code's runtime modules"
  (cd "$vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)

  local module
  for module in kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid; do
    log "building $module"
    (cd "$vscode/node_modules/$module" && node "$node_gyp" rebuild --jobs=max --loglevel=warn --nodedir="$nodedir" >&2) || die "building $module failed"
  done

  rg="$(command -v rg)" || die "ripgrep (rg) is not on PATH"
  mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
  ln -sf "$rg" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
  # The server resolves some modules through the Electron-style asar path.
  [[ -e "$vscode/node_modules.asar" ]] || ln -s node_modules "$vscode/node_modules.asar"

  "$BIN" --version >&2 || die "the build finished but code-server does not start"
  touch "$MARKER"
}

main() {
  install_apt_packages
  if works; then
    log "reusing $DIR"
  else
    local started=$SECONDS
    build
    log "built in $((SECONDS - started)) s"
  fi
  printf '%s\n' "$BIN"
}

main "$@"
