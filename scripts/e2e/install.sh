#!/usr/bin/env bash
# Idempotent offline installer for the real-editor (code-server + Chromium) e2e tests.
# See scripts/e2e/README.md. Safe to run repeatedly; skips work already done.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
RG_VERSION="1.15.11"                       # @vscode/ripgrep version bundled with code-server 4.100.3
RG_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CS_DIR="$ROOT/.vscode-test/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"

export DEBIAN_FRONTEND=noninteractive

# `code-server --version` writes a default config into $XDG_CONFIG_HOME (else ~/.config): keep it in a temp dir.
cs_version() {
  [ -x "$CS_BIN" ] || return 1
  local d out
  d="$(mktemp -d "${TMPDIR:-/tmp}/clauselint-cs-version.XXXXXX")"
  out="$(XDG_CONFIG_HOME="$d/config" XDG_DATA_HOME="$d/data" "$CS_BIN" --version </dev/null 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+' | head -1 || true)"
  rm -rf "$d"
  [ -n "$out" ] && echo "$out"
}
T0=$(date +%s)
log() { echo "[e2e-install] $*"; }
elapsed() { echo "$(( $(date +%s) - T0 ))s"; }

SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else log "WARNING: not root and no sudo; apt-get may fail"; fi
fi

# ---- 1. Debian packages -------------------------------------------------------
# chromium drives the editor; libkrb5-dev, pkg-config and a C++ toolchain build code-server's native modules; ripgrep is its search.
APT_PKGS=(chromium libkrb5-dev pkg-config ripgrep g++ make python3)
missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -q </dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
  log "Debian packages installed ($(elapsed))"
else
  log "Debian packages already present: ${APT_PKGS[*]}"
fi
for b in /usr/bin/chromium /usr/bin/rg; do
  [ -x "$b" ] || { log "ERROR: $b missing after apt install"; exit 1; }
done

# ---- 2. code-server -----------------------------------------------------------
if v="$(cs_version)"; then
  log "code-server already installed: $v ($CS_DIR)"
  log "done in $(elapsed)"
  exit 0
fi

log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR"
mkdir -p "$CS_DIR"
if [ ! -f "$CS_DIR/package.json" ]; then
  # allowScripts: npm 11's install-script policy (a warning today, a block in
  # future defaults); code-server's postinstall and argon2's build must run.
  cat > "$CS_DIR/package.json" <<JSON
{ "name": "clauselint-e2e-code-server", "private": true, "version": "0.0.0",
  "description": "Local install of code-server for ClauseLint's e2e tests (not part of the extension)",
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
fi

# Seed @vscode/ripgrep's download cache with Debian's rg so its postinstall does not hit the network.
INSTALL_TMP="$(mktemp -d "${TMPDIR:-/tmp}/clauselint-cs-install.XXXXXX")"
trap 'rm -rf "$INSTALL_TMP"' EXIT
mkdir -p "$INSTALL_TMP/vscode-ripgrep-cache-$RG_VERSION" "$INSTALL_TMP/rgstage"
cp /usr/bin/rg "$INSTALL_TMP/rgstage/rg"
tar -C "$INSTALL_TMP/rgstage" -czf "$INSTALL_TMP/vscode-ripgrep-cache-$RG_VERSION/$RG_ASSET" rg
log "seeded ripgrep cache: $INSTALL_TMP/vscode-ripgrep-cache-$RG_VERSION/$RG_ASSET"

(
  cd "$CS_DIR"
  export TMPDIR="$INSTALL_TMP"
  export npm_config_unsafe_perm=true
  export npm_config_yes=true
  export npm_config_nodedir=/usr
  export npm_config_update_notifier=false
  export npm_config_fund=false
  export npm_config_audit=false
  # code-server's postinstall runs a nested `npm install` in lib/vscode whose native
  # modules (kerberos, node-pty, spdlog, ...) must build; where this npm knows the
  # install-script policy, let that pinned, trusted install run its scripts.
  if [ "$(npm config get dangerously-allow-all-scripts 2>/dev/null)" = "false" ]; then
    export npm_config_dangerously_allow_all_scripts=true
  fi
  npm install --save-exact "code-server@$CODE_SERVER_VERSION" </dev/null
)

# The postinstall must have produced the VS Code server's dependencies.
VS="$CS_DIR/node_modules/code-server/lib/vscode"
for f in "$VS/node_modules/@vscode/ripgrep/bin/rg" "$VS/node_modules/node-pty/build/Release/pty.node" \
         "$VS/node_modules/@vscode/spdlog/build/Release/spdlog.node"; do
  if [ ! -e "$f" ]; then
    log "ERROR: $f is missing: code-server's postinstall did not run or failed (see npm output above)"
    exit 1
  fi
done

if v="$(cs_version)"; then
  log "code-server installed: $v"
else
  log "ERROR: code-server installed but '$CS_BIN --version' does not answer"
  exit 1
fi
log "done in $(elapsed)"
