#!/bin/bash
# Records kubectl v1.32's `describe` of odd objects (manifests/, written with gen_manifests.py before either
# binary ran: kinds with empty or absent optional fields, many items, odd quantities, Unicode, long names).
# kubectl-local (BIN, a build of this repo) creates manifests/, then manifests-cr/ (custom objects of its
# CRDs), at T0 in a fresh store; every object is dumped
# with `get -A -o json` at T1 and served by the describe goldens' fake_cluster.py (ages as at T1). Each line
# of cases.txt is NAME<TAB>kubectl arguments; writes golden/NAME.{stdout,stderr,exit}.
# DescribeOddGoldenTests replays: create at T0, the command at T1, byte for byte.
. "$(dirname "$0")/../served.sh"
T0=2026-11-01T00:00:00Z T1=2026-11-21T00:00:00Z
served_run $T0 create -f "$HERE/manifests"
served_run $T0 create -f "$HERE/manifests-cr"   # after its CRD is served
served_start $T1
served_record_cases "$@"
