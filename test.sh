#!/usr/bin/env bash
# Builds and installs every module, running every test (the launcher and library-consumer tests
# among them need the build installed), after installing the tools the real-tool tests need.
# Under CI (CI=true) a real-tool test that cannot run fails instead of skipping.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-test-tools.sh
require=false
[ "${CI:-}" = true ] && require=true
exec mvn -B -ntp install -Dcimnet.requireTools="$require" "$@"
