#!/usr/bin/env bash
# Installs the independent readers that the interoperability tests (XxxIT) check Quiver's output files with:
#   pandas        Debian's python3-pandas for /usr/bin/python3 (reads CSV the way most users do)
#   apache-arrow  Arrow's JavaScript implementation, from npm, into sdk-io/src/test/node (reads Arrow IPC)
# Each tool is optional: a test whose tool is missing is skipped and says so. Safe to run again.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

if ! /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "install-test-tools: installing python3-pandas (Debian)"
    timeout 300 apt-get install -y -q python3-pandas >/dev/null 2>&1 \
      || { timeout 120 apt-get update -q >/dev/null 2>&1 && timeout 300 apt-get install -y -q python3-pandas >/dev/null 2>&1; } \
      || { echo "install-test-tools: python3-pandas could not be installed"; status=1; }
  else
    echo "install-test-tools: pandas is missing and apt-get cannot run here (needs root)"; status=1
  fi
fi
if [ ! -d sdk-io/src/test/node/node_modules/apache-arrow ]; then
  if command -v npm >/dev/null; then
    echo "install-test-tools: installing apache-arrow (npm)"
    (cd sdk-io/src/test/node && timeout 300 npm ci --no-audit --no-fund >/dev/null 2>&1) \
      || { echo "install-test-tools: apache-arrow could not be installed"; status=1; }
  else
    echo "install-test-tools: npm is missing"; status=1
  fi
fi
exit $status
