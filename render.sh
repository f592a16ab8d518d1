#!/usr/bin/env bash
# Renders the reference network (the seed's CIM, cimnet-examples/src/main/resources/seed) into
# ./out, or the folder given, with the cimnet command. Builds cimnet first, but only when the
# command is missing or a pom or source is newer than it.
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-out}"
cimnet=cimnet-cli/target/cimnet
if [ ! -x "$cimnet" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$cimnet" -print -quit)" ]; then
  mvn -B -q -ntp install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
fi
exec "$cimnet" render cimnet-examples/src/main/resources/seed -o "$out"
