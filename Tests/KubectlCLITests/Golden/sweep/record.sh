#!/bin/bash
# Records kubectl v1.32's output for the fixes the oracle sweeps (bench/sweep) found. kubectl-local
# (BIN, a build of this repo) creates manifests/*.yaml at T0 in a fresh store; every object is dumped
# with `get -A -o json` at T1 and served by the describe goldens' fake_cluster.py, which shifts the
# timestamps it serves so kubectl's ages read as at T1 (bench/sweep/unshift.py puts absolute times back).
# Each line of cases.txt is NAME<TAB>kubectl arguments; writes golden/NAME.{stdout,stderr,exit}.
# SweepGoldenTests replays the same: create at T0, the command at T1, byte for byte.
. "$(dirname "$0")/../served.sh"
T0=2026-11-01T00:00:00Z T1=2026-11-21T00:00:00Z
served_run $T0 create -f "$HERE/manifests"
served_start $T1 FAKE_METRICS=1
# top's "age:" is Go's Duration of the real clock's distance from the creation: with the clock at T1
# exactly (as kubectl-local's KUBECTL_LOCAL_NOW) it has no fraction of a second, so that is cut.
served_filter_stderr() { sed -E 's/(age: [0-9hm]+[0-9]+)\.[0-9]+s$/\1s/'; }
served_record_cases "$@"
