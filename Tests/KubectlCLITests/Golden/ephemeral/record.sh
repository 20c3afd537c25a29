#!/bin/bash
# Records kubectl v1.32's view of generic ephemeral volumes as the ephemeral volume controller made them:
# a pod whose two volumes' claims it created (owned by the pod, labels, annotations and spec from the
# templates) and a pod it cannot serve because a claim of that name was made by hand (Pending, with the
# controller's and the scheduler's events). kubectl-local (BIN, a build of this repo) runs setup.txt at T0
# in a fresh store; every object is dumped with `get -A -o json` at T1 and served by the describe goldens'
# fake_cluster.py. Each line of cases.txt is NAME<TAB>kubectl arguments; writes golden/NAME.{stdout,stderr,exit}.
# SetupGoldenTests replays the same.
. "$(dirname "$0")/../served.sh"
T0=2026-11-23T12:00:00Z T1=2026-11-23T12:05:00Z
served_run_setup $T0
served_start $T1
served_record_cases "$@"
