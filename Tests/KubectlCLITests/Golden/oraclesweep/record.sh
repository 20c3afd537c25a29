#!/bin/bash
# Records kubectl v1.32's output for the oracle lane's sweep (session 30) of what the sweeps before it
# covered thinly: the builder's rules for names beside --all, -l and --field-selector (delete's --all is
# a selector, label's and the others' only lets a type stand alone), the order of delete's checks,
# --sort-by paths that are none of kubectl's relaxed forms, and apply view-last-applied's objects without
# the annotation. kubectl-local (BIN, a build of this repo) creates manifests/ at T0 in a fresh store;
# every object is dumped at T1 and served by the describe goldens' fake_cluster.py (served.sh). Each line
# of cases.txt is NAME<TAB>ARG<TAB>ARG...; writes golden/NAME.{stdout,stderr,exit}.
# OracleSweepGoldenTests replays: create at T0, the command at T1, byte for byte.
. "$(dirname "$0")/../served.sh"
T0=2026-11-01T00:00:00Z T1=2026-11-21T00:00:00Z
served_run $T0 create -f "$HERE/manifests"
served_start $T1
served_record_tab_cases "$@"
