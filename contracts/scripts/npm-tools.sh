#!/usr/bin/env bash
# Installs the pinned npm tools of a folder (its package-lock.json) with `npm ci`, once per lock file: a stamp
# in node_modules remembers which lock file was installed. Usage: npm-tools.sh <folder with package-lock.json>
set -euo pipefail
dir="$1"
lock="$dir/package-lock.json"
stamp="$dir/node_modules/.ent-installed-lock.sha256"
want="$(sha256sum "$lock" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is required (Node.js 20+): apt-get install nodejs npm" >&2; exit 1; }
echo "installing the pinned npm tools of $dir (npm ci)"
# puppeteer comes with the AsyncAPI CLI; no browser is downloaded (.puppeteerrc.cjs too).
(cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund --loglevel=error)
echo "$want" > "$stamp"
