#!/usr/bin/env bash
# Builds cimnet and renders the reference network (the seed's CIM) into ./out, or the folder given.
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-out}"
mvn -B -q -ntp -DskipTests install
exec mvn -B -q -ntp -pl cimnet-examples exec:java \
  -Dexec.mainClass=org.cimnet.examples.Main -Dexec.args="$out"
