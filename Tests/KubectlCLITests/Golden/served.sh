# Sourced by the record.sh scripts that record kubectl v1.32 against a store made by kubectl-local
# (printers-get, rollingupdate, sweep, timeflow): one way to build the store, serve it and record a case.
#
#   . "$(dirname "$0")/../served.sh"        # sets HERE, ROOT, BIN, KUBECTL, OPENAPI, TMP; a fresh store
#   served_run NOW ARG...                   # kubectl-local ARG... at NOW in that store, from HERE
#   served_run_setup NOW                    # served_run NOW for each line of setup.txt (split at white
#                                           # space; # comments), files named relative to HERE
#   served_start T1 [VAR=VALUE...]          # dumps every listable resource at T1 and serves them with the
#                                           # describe goldens' fake_cluster.py (ages read as at T1)
#   served_record NAME ARG...               # kubectl ARG... against it -> golden/NAME.{stdout,stderr,exit}
#   served_record_cases [NAME...]           # served_record for each line of cases.txt (NAME<TAB>arguments,
#                                           # split at white space; # comments), or only the NAMEs given
#   served_record_tab_cases [NAME...]       # the same for NAME<TAB>ARG<TAB>ARG... lines (arguments keep
#                                           # their spaces)
#
# served_record retries (up to 3 runs) until the fake server shifted every timestamp by one amount, and
# bench/sweep/unshift.py puts absolute times back. A script may define served_filter_stderr (stdin to
# stdout) to drop or trim stderr lines before they are written.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
BIN=${BIN:-$ROOT/.build/debug/kubectl-local}
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
OPENAPI=${OPENAPI:-$ROOT/../shared/openapi/v1.32}
TMP=$(mktemp -d); mkdir "$TMP/fx"
export KUBECTL_LOCAL_STORE=$TMP/store.db HOME=$TMP
trap 'rm -rf "$TMP"' EXIT INT TERM

served_run() {
    local now=$1; shift
    (cd "$HERE" && KUBECTL_LOCAL_NOW=$now "$BIN" "$@" >/dev/null 2>&1 </dev/null)
}

served_run_setup() {
    local now=$1 words
    grep -v '^#' "$HERE/setup.txt" | while read -r -a words; do
        [ ${#words[@]} -gt 0 ] && served_run "$now" "${words[@]}"
    done
}

served_start() {
    local t1=$1 r; shift
    for r in $(KUBECTL_LOCAL_NOW=$t1 "$BIN" api-resources --verbs=list -o name); do
        KUBECTL_LOCAL_NOW=$t1 "$BIN" get "$r" -A -o json 2>/dev/null \
            | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin).get("items",[])))' >"$TMP/fx/$r.json" \
            || rm -f "$TMP/fx/$r.json"
    done
    env "$@" FAKE_NOW="$t1" FAKE_DELTA_LOG="$TMP/delta" \
        python3 "$ROOT/Tests/KubeRegistryTests/Golden/describe/fake_cluster.py" "$OPENAPI" "$TMP/fx" "$TMP/port" &
    SERVED_PID=$!
    trap 'kill $SERVED_PID 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
    while [ ! -f "$TMP/port" ]; do
        kill -0 $SERVED_PID 2>/dev/null || { echo "fake_cluster.py did not start (OPENAPI=$OPENAPI)" >&2; exit 1; }
        sleep 0.1
    done
    mkdir -p "$HERE/golden"
}

served_record() {
    local name=$1 try d; shift
    for try in 1 2 3; do
        : >"$TMP/delta"
        timeout 20 "$KUBECTL" --server="http://127.0.0.1:$(cat "$TMP/port")" --cache-dir="$TMP/cache" "$@" \
            >"$TMP/out" 2>"$TMP/err" </dev/null
        echo $? >"$HERE/golden/$name.exit"
        [ "$(sort -u "$TMP/delta" | wc -l)" -le 1 ] && break
    done
    d=$(head -1 "$TMP/delta"); d=${d:-0}
    python3 "$ROOT/bench/sweep/unshift.py" "$d" <"$TMP/out" >"$HERE/golden/$name.stdout"
    if declare -F served_filter_stderr >/dev/null; then
        served_filter_stderr <"$TMP/err" | python3 "$ROOT/bench/sweep/unshift.py" "$d" >"$HERE/golden/$name.stderr"
    else
        python3 "$ROOT/bench/sweep/unshift.py" "$d" <"$TMP/err" >"$HERE/golden/$name.stderr"
    fi
}

served_record_cases() {
    local name args
    grep -v '^#' "$HERE/cases.txt" | while IFS=$'\t' read -r name args; do
        [ -n "$name" ] || continue
        if [ $# -gt 0 ]; then case " $* " in *" $name "*) ;; *) continue ;; esac; fi
        # shellcheck disable=SC2086
        served_record "$name" $args
    done
    echo "recorded $(grep -v '^#' "$HERE/cases.txt" | grep -c .) cases"
}

served_record_tab_cases() {
    local name words
    while IFS=$'\t' read -r -a words; do
        name=${words[0]:-}
        [ -n "$name" ] || continue
        if [ $# -gt 0 ]; then case " $* " in *" $name "*) ;; *) continue ;; esac; fi
        served_record "$name" "${words[@]:1}"
    done <"$HERE/cases.txt"
    echo "recorded $(wc -l <"$HERE/cases.txt") cases"
}
