#!/bin/bash
# Records kubectl v1.32's output for the printers sweep of `get` (custom-columns, jsonpath and
# go-template of lists as the API server returns them). kubectl-local (BIN, a build of this repo) creates
# manifests/*.yaml at T0 in a fresh store; every object is dumped with `get -A -o json` at T1 and served
# by the describe goldens' fake_cluster.py (ages read as at T1). Each line of cases.txt is
# NAME<TAB>ARG<TAB>ARG... (the arguments after `kubectl`, tab-separated so templates keep their spaces);
# writes golden/NAME.{stdout,stderr,exit}. PrintersGetGoldenTests replays: create at T0, command at T1.
. "$(dirname "$0")/../served.sh"
T0=2026-11-01T00:00:00Z T1=2026-11-21T00:00:00Z
served_run $T0 create -f "$HERE/manifests"
served_start $T1
served_record_tab_cases "$@"
