#!/usr/bin/env bash
# Runs every test of every module, after installing the tools the real-tool tests need.
# Under CI (CI=true) a real-tool test that cannot run fails instead of skipping.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-test-tools.sh
require=false
[ "${CI:-}" = true ] && require=true
exec mvn -B -ntp verify -Dcimnet.requireTools="$require" "$@"
