# Shared set-up of the oracle sweeps (sourced): builds a kubectl-local store from bench/sweep/describe/*.yaml
# created 19 days 18 hours before now (so ages read "19d" on both sides whatever fraction of a second passes), dumps every listable
# resource with `get -A -o json` into $FX (one JSON list per resource), and starts the describe goldens'
# fake_cluster.py serving that dump with v1.32 discovery. Sets BIN, KL (our command), K (the oracle), FX, OUT.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${BIN:-$ROOT/.build/debug/kubectl-local}
ORACLE=${ORACLE:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
OPENAPI=${OPENAPI:-/work/shared/openapi/v1.32}
OUT=${OUT:-$(mktemp -d /tmp/sweep.XXXX)}
mkdir -p "$OUT"
FX=$OUT/fixtures; mkdir -p "$FX"
export KUBECTL_LOCAL_STORE=$OUT/store.db KUBECONFIG=$OUT/kubeconfig.local HOME=$OUT
T0=$(date -u -d '-20 days + 6 hours' +%Y-%m-%dT%H:%M:%SZ)
# "now" of every command after the build: fixed, so the store's controllers do nothing between cases;
# the fake server shifts what it serves so that the oracle's ages read as at NOW too.
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
KL() { KUBECTL_LOCAL_NOW=$NOW "$BIN" "$@"; }
build_store() {
    if [ -n "${REUSE:-}" ] && [ -f "$OUT/now" ]; then NOW=$(cat "$OUT/now"); return; fi
    rm -f "$OUT"/store.db*
    NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ); echo "$NOW" >"$OUT/now"
    KUBECTL_LOCAL_NOW=$T0 "$BIN" create -f "$ROOT/bench/sweep/describe" >"$OUT/create.log" 2>&1
    KUBECTL_LOCAL_NOW=$T0 "$BIN" create -f "$ROOT/bench/sweep/describe/cr" >>"$OUT/create.log" 2>&1
    grep -v " created$" "$OUT/create.log"
    for r in $(KL api-resources --verbs=list -o name); do
        KUBECTL_LOCAL_NOW=$NOW "$BIN" get "$r" -A -o json --show-managed-fields 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps(d.get("items",[])))' >"$FX/$r.json" || rm -f "$FX/$r.json"
    done
}
start_fake() {
    rm -f "$OUT/port"
    FAKE_NOW=$NOW FAKE_DELTA_LOG=$OUT/delta python3 "$ROOT/Tests/KubeRegistryTests/Golden/describe/fake_cluster.py" "$OPENAPI" "$FX" "$OUT/port" &
    FAKE=$!
    trap 'kill $FAKE 2>/dev/null' EXIT INT TERM
    while [ ! -f "$OUT/port" ]; do sleep 0.1; done
    cat >"$OUT/kubeconfig.oracle" <<CFG
apiVersion: v1
kind: Config
clusters: [{name: fake, cluster: {server: "http://127.0.0.1:$(cat "$OUT/port")"}}]
users: [{name: fake, user: {}}]
contexts: [{name: fake, context: {cluster: fake, user: fake, namespace: default}}]
current-context: fake
CFG
}
K() { KUBECONFIG=$OUT/kubeconfig.oracle "$ORACLE" --cache-dir="$OUT/cache" "$@"; }
# compare NAME ARGS...: runs both, records OUT/cases/NAME.{ours,oracle}, prints "same" or "DIFF".
compare() {
    local name=$1; shift
    mkdir -p "$OUT/cases"
    local try
    for try in 1 2 3; do
        : >"$OUT/delta"
        { K "$@"; echo "exit=$?"; } >"$OUT/cases/$name.raw" 2>&1 </dev/null
        [ "$(sort -u "$OUT/delta" | wc -l)" -le 1 ] && break
    done
    python3 "$ROOT/bench/sweep/unshift.py" "$(head -1 "$OUT/delta")" <"$OUT/cases/$name.raw" >"$OUT/cases/$name.oracle"
    { KL "$@"; echo "exit=$?"; } >"$OUT/cases/$name.ours" 2>&1 </dev/null
    if cmp -s "$OUT/cases/$name.oracle" "$OUT/cases/$name.ours"; then echo "same $name"; else echo "DIFF $name"; fi
}
# unstable NAME ARGS...: runs the oracle 4 more times; says "random" when its output varies (Go map order).
unstable() {
    local name=$1; shift; local i
    for i in 1 2 3 4; do
        { K "$@"; echo "exit=$?"; } 2>&1 </dev/null | grep -v -E '^ *(Creation Timestamp|Created on|Acquire Time|Renew Time)' >"$OUT/cases/$name.again$i"
    done
    # random: kubectl's output varies between runs and ours holds the same lines in another order.
    if [ "$(md5sum "$OUT/cases/$name".again* | awk '{print $1}' | sort -u | wc -l)" -gt 1 ] \
        && cmp -s <(sort "$OUT/cases/$name.oracle") <(sort "$OUT/cases/$name.ours"); then echo random; fi
    rm -f "$OUT/cases/$name".again*
}
