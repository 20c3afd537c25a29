#!/bin/bash
# Records kubectl v1.32's `logs` choices for workloads, services and selectors: which pod it picks
# (`Found N pods, using pod/NAME`, its ByLogging order), the notes it writes on the way, its errors
# before any log request (flag combinations, kinds without a pod selector, no pod before the timeout,
# too many streams to follow). kubectl-local (BIN) runs setup.txt (TIME ARGS... per line) in a fresh
# store; every object is dumped at 12:05:00 and served by the describe goldens' fake_cluster.py (idle
# watches held open). The fake server has no pods/log: a case that gets as far as a log request ends
# with its 404 (`the server could not find the requested resource ( pods/log NAME)`), which
# LogsPickGoldenTests reads as "a request was made here". Each line of cases.txt is NAME<TAB>arguments.
. "$(dirname "$0")/../served.sh"
T1=2026-11-23T12:05:00Z
grep -v '^#' "$HERE/setup.txt" | while read -r now args; do
    # shellcheck disable=SC2086
    [ -n "$now" ] && served_run "$now" $args
done
served_start $T1 FAKE_WATCH_IDLE=1
served_record_cases "$@"
