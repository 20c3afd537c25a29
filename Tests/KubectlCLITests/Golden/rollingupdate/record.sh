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
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
BIN=${BIN:-$ROOT/.build/debug/kubectl-local}
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
OPENAPI=${OPENAPI:-$ROOT/../shared/openapi/v1.32}
T1=2026-11-23T12:05:00Z
TMP=$(mktemp -d); mkdir "$TMP/fx"
export KUBECTL_LOCAL_STORE=$TMP/store.db HOME=$TMP
NOW=2026-11-23T12:00:00Z
while read -r -a words; do
    [ ${#words[@]} -gt 0 ] || continue
    case ${words[0]} in
        '#'*) continue ;;
        @*) NOW=${words[0]#@}; continue ;;
    esac
    (cd "$HERE" && KUBECTL_LOCAL_NOW=$NOW "$BIN" "${words[@]}" >/dev/null 2>&1 </dev/null) || echo "setup failed: ${words[*]}"
done <"$HERE/setup.txt"
for r in $(KUBECTL_LOCAL_NOW=$T1 "$BIN" api-resources --verbs=list -o name); do
    KUBECTL_LOCAL_NOW=$T1 "$BIN" get "$r" -A -o json 2>/dev/null \
        | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin).get("items",[])))' >"$TMP/fx/$r.json" || rm -f "$TMP/fx/$r.json"
done
FAKE_NOW=$T1 FAKE_DELTA_LOG=$TMP/delta python3 "$ROOT/Tests/KubeRegistryTests/Golden/describe/fake_cluster.py" "$OPENAPI" "$TMP/fx" "$TMP/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
while [ ! -f "$TMP/port" ]; do sleep 0.1; done
mkdir -p "$HERE/golden"
grep -v '^#' "$HERE/cases.txt" | while IFS=$'\t' read -r name args; do
    [ -n "$name" ] || continue
    for try in 1 2 3; do
        : >"$TMP/delta"
        # shellcheck disable=SC2086
        timeout 20 "$KUBECTL" --server="http://127.0.0.1:$(cat "$TMP/port")" --cache-dir="$TMP/cache" $args \
            >"$TMP/out" 2>"$TMP/err" </dev/null
        echo $? >"$HERE/golden/$name.exit"
        [ "$(sort -u "$TMP/delta" | wc -l)" -le 1 ] && break
    done
    d=$(head -1 "$TMP/delta"); d=${d:-0}
    python3 "$ROOT/bench/sweep/unshift.py" "$d" <"$TMP/out" >"$HERE/golden/$name.stdout"
    # The fake server cannot watch: client-go's reflector warnings about that are dropped.
    grep -v 'reflector.go:' "$TMP/err" | python3 "$ROOT/bench/sweep/unshift.py" "$d" >"$HERE/golden/$name.stderr"
done
echo "recorded $(grep -vc '^#' "$HERE/cases.txt") cases"
