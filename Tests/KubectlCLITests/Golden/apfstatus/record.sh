#!/bin/bash
# Records kubectl v1.32's describe of FlowSchemas whose Dangling condition the API server's priority-and-
# fairness config controller set: one naming a level that exists, one naming none, one whose level was
# deleted after it, one pointed at another (absent) level by a patch. kubectl-local (BIN, a build of this
# repo) runs setup.txt at T0 in a fresh store; every object is dumped with `get -A -o json` at T1 and
# served by the describe goldens' fake_cluster.py. Each line of cases.txt is NAME<TAB>kubectl arguments;
# writes golden/NAME.{stdout,stderr,exit}. SetupGoldenTests replays the same.
. "$(dirname "$0")/../served.sh"
T0=2026-11-23T12:00:00Z T1=2026-11-23T12:05:00Z
served_run_setup $T0
served_start $T1
served_record_cases "$@"
echo "recorded $(grep -vc '^#' "$HERE/cases.txt") cases"
