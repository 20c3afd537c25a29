#!/bin/bash
# Records kubectl v1.32's `rollout status`, describe and get of Deployments in the middle of rolling
# updates that wait for availability (stuck on an image that cannot be pulled, moved on by readiness
# probes and minReadySeconds, past their progress deadline, paused, scaled while stuck). kubectl-local
# (BIN, a build of this repo) runs setup.txt in a fresh store, each line at the time of the last `@TIME`
# line; every object is dumped with `get -A -o json` at T1 and served by the describe goldens'
# fake_cluster.py, which shifts the timestamps it serves so kubectl's ages read as at T1
# (bench/sweep/unshift.py puts absolute times back). Each line of cases.txt is NAME<TAB>kubectl
# arguments; writes golden/NAME.{stdout,stderr,exit} (client-go's `reflector.go:` watch warnings dropped). RollingUpdateGoldenTests replays the same
# (random pod-name suffixes and UIDs masked).
. "$(dirname "$0")/../served.sh"
T1=2026-11-23T12:05:00Z
NOW=2026-11-23T12:00:00Z
while read -r -a words; do
    [ ${#words[@]} -gt 0 ] || continue
    case ${words[0]} in
        '#'*) continue ;;
        @*) NOW=${words[0]#@}; continue ;;
    esac
    served_run "$NOW" "${words[@]}" || echo "setup failed: ${words[*]}"
done <"$HERE/setup.txt"
served_start $T1
# The fake server cannot watch: client-go's reflector warnings about that are dropped.
served_filter_stderr() { grep -v 'reflector.go:'; }
served_record_cases "$@"
echo "recorded $(grep -vc '^#' "$HERE/cases.txt") cases"
