#!/bin/bash
# Records kubectl v1.32's output for the printers sweep of `get` (custom-columns, jsonpath and
# go-template of lists as the API server returns them). kubectl-local (BIN, a build of this repo) creates
# manifests/*.yaml at T0 in a fresh store; every object is dumped with `get -A -o json` at T1 and served
# by the describe goldens' fake_cluster.py (ages read as at T1). Each line of cases.txt is
# NAME<TAB>ARG<TAB>ARG... (the arguments after `kubectl`, tab-separated so templates keep their spaces);
# writes golden/NAME.{stdout,stderr,exit}. PrintersGetGoldenTests replays: create at T0, command at T1.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
BIN=${BIN:-$ROOT/.build/debug/kubectl-local}
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
OPENAPI=${OPENAPI:-$ROOT/../shared/openapi/v1.32}
T0=2026-11-01T00:00:00Z T1=2026-11-21T00:00:00Z
TMP=$(mktemp -d); mkdir "$TMP/fx"
export KUBECTL_LOCAL_STORE=$TMP/store.db HOME=$TMP
KUBECTL_LOCAL_NOW=$T0 "$BIN" create -f "$HERE/manifests" >/dev/null 2>&1
for r in $(KUBECTL_LOCAL_NOW=$T1 "$BIN" api-resources --verbs=list -o name); do
    KUBECTL_LOCAL_NOW=$T1 "$BIN" get "$r" -A -o json 2>/dev/null \
        | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin).get("items",[])))' >"$TMP/fx/$r.json" || rm -f "$TMP/fx/$r.json"
done
FAKE_NOW=$T1 FAKE_DELTA_LOG=$TMP/delta python3 "$ROOT/Tests/KubeRegistryTests/Golden/describe/fake_cluster.py" "$OPENAPI" "$TMP/fx" "$TMP/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
while [ ! -f "$TMP/port" ]; do sleep 0.1; done
mkdir -p "$HERE/golden"
while IFS=$'\t' read -r -a words; do
    name=${words[0]}; args=("${words[@]:1}")
    [ -n "$name" ] || continue
    if [ $# -gt 0 ]; then case " $* " in *" $name "*) ;; *) continue ;; esac; fi
    for try in 1 2 3; do
        : >"$TMP/delta"
        "$KUBECTL" --server="http://127.0.0.1:$(cat "$TMP/port")" --cache-dir="$TMP/cache" "${args[@]}" \
            >"$TMP/out" 2>"$TMP/err" </dev/null
        echo $? >"$HERE/golden/$name.exit"
        [ "$(sort -u "$TMP/delta" | wc -l)" -le 1 ] && break
    done
    d=$(head -1 "$TMP/delta"); d=${d:-0}
    python3 "$ROOT/bench/sweep/unshift.py" "$d" <"$TMP/out" >"$HERE/golden/$name.stdout"
    python3 "$ROOT/bench/sweep/unshift.py" "$d" <"$TMP/err" >"$HERE/golden/$name.stderr"
done <"$HERE/cases.txt"
echo "recorded $(wc -l <"$HERE/cases.txt") cases"
