#!/usr/bin/env bash
# Mutation testing of cimnet-core's prover (policy), IPAM (ipam), address values (addr) and
# checker (check): the `pit` profile of cimnet-core/pom.xml. PIT runs those packages' tests
# against each mutant, then PitScores fails the run if any one package kills fewer than 90% of
# the mutants its tests reach. Core's tests are not run by surefire first (./test.sh does that;
# PIT needs them green and runs them itself). The report: cimnet-core/target/pit-reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp -Ppit -pl cimnet-core test-compile \
  org.pitest:pitest-maven:mutationCoverage exec:exec@pit-scores "$@"
