# Sourced by scripts/test (set -euo pipefail): headless Chromium for the browser tests.
# Installs Debian's chromium when missing and we are root; exports DATELINE_CHROMIUM.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing chromium (Debian package)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >/dev/null 2>&1; then
    echo "chromium install failed: browser tests will be skipped" >&2
  fi
fi
if [ -x /usr/bin/chromium ]; then
  export DATELINE_CHROMIUM=/usr/bin/chromium
fi
