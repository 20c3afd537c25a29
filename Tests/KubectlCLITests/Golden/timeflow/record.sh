#!/bin/bash
# Records kubectl v1.32's describe/events output for failure states over time: a ReplicaSet refused by
# a quota (its FailedCreate events aggregated, `(combined from similar events)`, as its controller's
# back-off retried), and pods held by a finalizer after their delete (stopped: Succeeded or Failed).
# kubectl-local (BIN, a build of this repo) runs setup.txt at T0 in a fresh store; every object is
# dumped with `get -A -o json` at T1 and served by the describe goldens' fake_cluster.py, which shifts
# the timestamps it serves so kubectl's ages read as at T1 (bench/sweep/unshift.py puts absolute times
# back). Each line of cases.txt is NAME<TAB>kubectl arguments; writes golden/NAME.{stdout,stderr,exit}.
# TimeflowGoldenTests replays the same (random pod-name suffixes, container ids and pod UIDs masked).
. "$(dirname "$0")/../served.sh"
T0=2026-11-23T12:00:00Z T1=2026-11-23T12:05:00Z
served_run_setup $T0
served_start $T1
served_record_cases "$@"
echo "recorded $(grep -vc '^#' "$HERE/cases.txt") cases"
