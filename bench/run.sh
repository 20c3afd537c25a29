#!/usr/bin/env bash
# Benchmarks: builds a stripped release binary, builds stores of SIZES pods (default 1,000 and 100,000)
# and measures each command there: median wall time and median peak RSS (bench/measure.py, wait4's
# rusage), side by side with the real kubectl v1.32 where both do the same client-side work.
# Prints Markdown tables; the figures go into the README.
#   bash bench/run.sh                      # SIZES="1000 100000" RUNS=5
#   SIZES="1000 10000" RUNS=3 bash bench/run.sh
#   KUBECTL=/path/to/kubectl bash bench/run.sh
#   BIN=.build/release/kubectl-local bash bench/run.sh   # skip the build
#   OUT=/work/scale-bench/me REUSE=1 bash bench/run.sh   # stores in OUT; REUSE=1 starts from copies of the
#       stores an earlier run left there (*.orig) instead of building them again
#   ONLY='describe node|field-selector|delete pods' OUT=... REUSE=1 bash bench/run.sh   # measure only the rows
#       whose label matches the (bash) regular expression; the stores are still built or copied
#   SPREAD_100000=/work/scale-bench/r100k/spread.db bash bench/run.sh   # copy an existing spread store of
#       that size (with its -wal) instead of building it (its pending store and `create -f` rows are skipped)
#
# Stores (built with `create -f`, 20 namespaces ns-0..ns-19, pod-K in ns-(K mod 20)):
#   spread:  N pods over N/100 nodes with room for 110 each (node-1 seeded, node-2.. generated);
#   pending: N pods, node-1 cordoned and one node `node-2` with room for N/100: 99% stay Pending.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 100000"}
RUNS=${RUNS:-5}
OUT=${OUT:-bench/out}   # OUT=/big/disk/dir keeps the stores (and rows.txt) elsewhere
mkdir -p $OUT
if [ -z "${BIN:-}" ]; then   # BIN=path/to/kubectl-local measures an existing build
  swift build -c release --product kubectl-local --static-swift-stdlib >/dev/null
  BIN=$(cd $OUT && pwd)/kubectl-local
  cp "$(swift build -c release --static-swift-stdlib --show-bin-path)/kubectl-local" "$BIN"
  strip "$BIN" 2>/dev/null || true
fi
KUBECTL=${KUBECTL:-$(ls /usr/lib/google-cloud-sdk/bin/kubectl.1.32 2>/dev/null || true)}
export KUBECTL_LOCAL_NOW=2026-11-23T12:00:00Z
unset KUBECTL_LOCAL_STORE
GEN="python3 bench/gen.py"
M="python3 bench/measure.py"

rows=()
: > $OUT/rows.txt
# measure LABEL SIZE [measure.py options] -- COMMAND...: appends "LABEL|SIZE|ms|MB|MB/s" (also to
# $OUT/rows.txt at once, so a long run's figures can be read while it goes on)
measure() {
  local label=$1 size=$2; shift 2
  local json
  if [ -n "${ONLY:-}" ] && ! [[ $label =~ $ONLY ]]; then
    # A row left out is not measured; a store's build (MUST_RUN=1) still runs, untimed.
    if [ -n "${MUST_RUN:-}" ]; then while [ "$1" != "--" ]; do shift; done; shift; "$@" >/dev/null; fi
    return
  fi
  json=$($M "$@")
  rows+=("$label|$size|$(python3 -c "import json,sys;r=json.loads(sys.argv[1]);print('%.1f|%.1f|%.0f|%.1f'%(r['ms'],r['rss_mb'],r['mb_per_cpu_s'],r['cpu_ms']))" "$json")")
  echo "${rows[-1]}" >> $OUT/rows.txt
}

fresh() { rm -f "$1" "$1-wal" "$1-shm"; }

build_stores() { # N
  local n=$1 nodes=$(( $1 / 100 ))
  local given; given=$(eval echo "\${SPREAD_$n:-}")
  if [ -n "$given" ]; then  # a copy: the given store is never written (the first open may migrate it)
    fresh $OUT/spread-$n.db
    cp "$given" $OUT/spread-$n.db
    [ -f "$given-wal" ] && cp "$given-wal" $OUT/spread-$n.db-wal
    $GEN pods "$n" 20 > $OUT/pods-$n.yaml
    "$BIN" --store $OUT/spread-$n.db get ns >/dev/null
    return
  fi
  $GEN namespaces 20 > $OUT/ns.yaml
  $GEN pods "$n" 20 > $OUT/pods-$n.yaml
  local S=$OUT/spread-$n.db P=$OUT/pending-$n.db
  fresh $S; fresh $P
  if [ -n "${REUSE:-}" ] && [ -f $S.orig ] && [ -f $P.orig ]; then  # the stores an earlier run built, as built
    cp $S.orig $S; cp $P.orig $P
    store_bytes "$n" $S
    return
  fi
  "$BIN" --store $S create -f $OUT/ns.yaml >/dev/null
  if [ $nodes -gt 1 ]; then $GEN nodes $(( nodes - 1 )) 110 > $OUT/nodes-$n.yaml; "$BIN" --store $S create -f $OUT/nodes-$n.yaml >/dev/null; fi
  echo "building the $n-pod stores..." >&2
  MUST_RUN=1 measure "\`create -f\` of N pods (one file, spread store)" "$n" --runs 1 --warmup 0 -- "$BIN" --store $S create -f $OUT/pods-$n.yaml
  "$BIN" --store $P create -f $OUT/ns.yaml >/dev/null
  "$BIN" --store $P cordon node-1 >/dev/null
  $GEN nodes 1 $nodes > $OUT/pending-node-$n.yaml
  "$BIN" --store $P create -f $OUT/pending-node-$n.yaml >/dev/null
  MUST_RUN=1 measure "\`create -f\` of N pods (one file, 99% Pending)" "$n" --runs 1 --warmup 0 -- "$BIN" --store $P create -f $OUT/pods-$n.yaml
  for db in $S $P; do sqlite3 $db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1 || true; done
  cp $S $S.orig; cp $P $P.orig   # kept for REUSE=1 (the commands below write to the stores)
  store_bytes "$n" $S
}

store_bytes() { # N STORE: the file's size over N (checkpointed: no -wal left)
  local bytes; bytes=$(stat -c %s $2)
  rows+=("store bytes per pod (spread store)|$1|$(( bytes / $1 ))|-|-|-")
  echo "${rows[-1]}" >> $OUT/rows.txt
}

single_object() { # N STORE-KIND
  local n=$1 kind=$2 S=$OUT/$2-$1.db
  local sm="$kind store, N pods"
  measure "get pod -o yaml ($sm)" "$n" --runs $RUNS -- "$BIN" --store $S get pod pod-42 -n ns-2 -o yaml
  measure "describe pod ($sm)" "$n" --runs $RUNS -- "$BIN" --store $S describe pod pod-42 -n ns-2
  measure "label pod ($sm)" "$n" --runs $RUNS -- "$BIN" --store $S label pod pod-42 -n ns-2 run={i} --overwrite
  measure "annotate pod ($sm)" "$n" --runs $RUNS -- "$BIN" --store $S annotate pod pod-43 -n ns-3 note={i} --overwrite
  measure "delete pod ($sm)" "$n" --runs $RUNS --setup "$BIN --store $S run del-{i} --image=nginx" -- "$BIN" --store $S delete pod del-{i}
  measure "create configmap ($sm)" "$n" --runs $RUNS -- "$BIN" --store $S create configmap bench-{i}
  measure "create deployment --replicas=3 ($sm)" "$n" --runs $RUNS -- "$BIN" --store $S create deployment bench-{i} --image=nginx --replicas=3
  measure "scale deployment 3 -> 4 ($sm)" "$n" --runs $RUNS --setup "$BIN --store $S create deployment sc-{i} --image=nginx --replicas=3" -- "$BIN" --store $S scale deployment sc-{i} --replicas=4
  measure "describe node ($sm)" "$n" --runs $RUNS -- "$BIN" --store $S describe node node-2
  measure "get nodes ($sm)" "$n" --runs $RUNS -- "$BIN" --store $S get nodes
  measure "completion \`__complete get pods ''\` in default ($sm)" "$n" --runs $RUNS -- "$BIN" --store $S __complete get pods ''
}

lists() { # N
  local n=$1 S=$OUT/spread-$1.db
  measure "get pods -A (table, N listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A
  measure "get pods -A -o name (N listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A -o name
  measure "get pods -A -o json (N listed)" "$n" --runs $RUNS --out $OUT/list.json -- "$BIN" --store $S get pods -A -o json
  measure "get pods -A -o yaml (N listed)" "$n" --runs $RUNS --out $OUT/list.yaml -- "$BIN" --store $S get pods -A -o yaml
  measure "get pods -A -o jsonpath (N listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A -o 'jsonpath={.items[*].metadata.name}'
  measure "get pods -A -o jsonpath={range .items[*]}... (N listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A -o 'jsonpath={range .items[*]}{.metadata.name}{"\t"}{.spec.nodeName}{"\n"}{end}'
  measure "get pods -A -o go-template (N listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A -o 'go-template={{range .items}}{{.metadata.name}}{{"\n"}}{{end}}'
  measure "get pods -A --sort-by=.spec.nodeName (table, N listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A --sort-by=.spec.nodeName
  measure "get pods -A --sort-by=.metadata.name -o name (N listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A --sort-by=.metadata.name -o name
  measure "get pods -A -o custom-columns (N listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName
  measure "get pods -A -l app=app-7 (N/100 listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A -l app=app-7
  measure "get pods -A --field-selector spec.nodeName=node-2 (100 listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A --field-selector spec.nodeName=node-2
  measure "get pods -A --field-selector status.phase=Running -o name (N listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -A --field-selector status.phase=Running -o name
  measure "get pods -n ns-3 --field-selector metadata.namespace=ns-3 (N/20 listed)" "$n" --runs $RUNS -- "$BIN" --store $S get pods -n ns-3 --field-selector metadata.namespace=ns-3
  measure "top pod -n ns-3 (N/20 listed)" "$n" --runs $RUNS -- "$BIN" --store $S top pod -n ns-3
  measure "top pod pod-43 -n ns-3 (one pod)" "$n" --runs $RUNS -- "$BIN" --store $S top pod pod-43 -n ns-3
  measure "events --for pod/pod-42 (4 of 4N events)" "$n" --runs $RUNS -- "$BIN" --store $S events -n ns-2 --for pod/pod-42
  measure "get events --field-selector involvedObject.name=pod-42 (4 of 4N events)" "$n" --runs $RUNS -- "$BIN" --store $S get events -n ns-2 --field-selector involvedObject.name=pod-42
}

one_node() { # 1,000 pods all on one node: `describe node` prints as many pods as it does for node-2
  # of the 100,000-pod pending store (room for N/100 = 1,000 pods), so the two compare like for like
  local O=$OUT/one-node-1000.db
  fresh $O
  $GEN namespaces 20 > $OUT/ns.yaml
  "$BIN" --store $O create -f $OUT/ns.yaml >/dev/null
  "$BIN" --store $O cordon node-1 >/dev/null
  $GEN nodes 1 1000 > $OUT/one-node.yaml
  "$BIN" --store $O create -f $OUT/one-node.yaml >/dev/null
  $GEN pods 1000 20 > $OUT/pods-1000.yaml
  "$BIN" --store $O create -f $OUT/pods-1000.yaml >/dev/null
  measure "describe node with 1,000 pods on it (1,000-pod store, every pod on node-2)" 1000 --runs $RUNS -- "$BIN" --store $O describe node node-2
}

startup() { # an empty (seeded) store: what every command pays before its own work
  local E=$OUT/empty.db
  fresh $E
  "$BIN" --store $E get pods >/dev/null 2>&1 || true
  measure "\`get pods\` on an empty store (start-up)" "-" --runs 25 -- "$BIN" --store $E get pods
  measure "\`version --client\` (start-up, no store)" "-" --runs 25 -- "$BIN" version --client
}

bulk() { # N
  local n=$1 D=$OUT/delete-$1.db
  cp $OUT/spread-$n.db $D; rm -f $D-wal $D-shm
  measure "\`delete pods --all -A\` of N pods" "$n" --runs 1 --warmup 0 -- "$BIN" --store $D delete pods --all -A
  fresh $D
  if [ "$n" -le 1000 ]; then  # the admission chain per object: server dry run minus client dry run, over N
    measure "\`create -f --dry-run=client\` of N pods (parsing only)" "$n" --runs 3 -- "$BIN" --store $D create -f $OUT/pods-$n.yaml --dry-run=client -o name
    measure "\`create -f --dry-run=server\` of N pods (admission chain, nothing stored)" "$n" --runs 3 -- "$BIN" --store $D create -f $OUT/pods-$n.yaml --dry-run=server -o name
  fi
  measure "\`label --local -f\` of N pods (kubectl-local)" "$n" --runs 3 -- "$BIN" label --local -f $OUT/pods-$n.yaml bench=yes -o name
  if [ -n "$KUBECTL" ]; then
    measure "\`label --local -f\` of N pods (kubectl v1.32)" "$n" --runs 3 -- "$KUBECTL" label --local -f $OUT/pods-$n.yaml bench=yes -o name
  fi
}

startup
SC=$OUT/scale.db
fresh $SC
"$BIN" --store $SC create deployment web --image=nginx:1.27 >/dev/null
"$BIN" --store $SC create -f <($GEN nodes 99 110) >/dev/null
measure "\`scale\` 1 -> 10,000 replicas (100 nodes)" "-" --runs 1 --warmup 0 -- "$BIN" --store $SC scale deploy web --replicas=10000
one_node
for n in $SIZES; do
  build_stores "$n"
  single_object "$n" spread
  [ -f $OUT/pending-$n.db ] && single_object "$n" pending
  lists "$n"
  bulk "$n"
done
# A year of idle time: 1,000 pods (spread store) plus ten crash-looping pods and an hourly CronJob,
# opened a year later; every run starts from a copy of the store as it was left (catch-up included).
YI=$OUT/year-idle.db
cp $OUT/spread-1000.db $YI 2>/dev/null || { $GEN namespaces 20 > $OUT/ns.yaml; fresh $YI; "$BIN" --store $YI create -f $OUT/ns.yaml >/dev/null
  $GEN pods 1000 20 > $OUT/pods-1000.yaml; "$BIN" --store $YI create -f $OUT/pods-1000.yaml >/dev/null; }
rm -f $YI-wal $YI-shm
for i in 0 1 2 3 4 5 6 7 8 9; do "$BIN" --store $YI run crash-$i --image=busybox -- sh -c 'exit 1' >/dev/null; done
"$BIN" --store $YI create cronjob hourly --image=busybox --schedule='0 * * * *' >/dev/null
sqlite3 $YI "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null 2>&1 || true
measure "\`get pods\` after a year idle (1,000 pods, 10 crash loops, an hourly CronJob; first open, catch-up included)" "1000" \
  --runs $RUNS --setup "rm -f $OUT/year-{i}.db*; cp $YI $OUT/year-{i}.db" -- env KUBECTL_LOCAL_NOW=2027-11-23T12:00:00Z "$BIN" --store $OUT/year-{i}.db get pods
measure "\`get pods -A\` after a year idle (same, first open)" "1000" \
  --runs $RUNS --setup "rm -f $OUT/year-a{i}.db*; cp $YI $OUT/year-a{i}.db" -- env KUBECTL_LOCAL_NOW=2027-11-23T12:00:00Z "$BIN" --store $OUT/year-a{i}.db get pods -A
rm -f $OUT/year-*.db*
# The admission chain: 1,000 pods through decode, defaulting, admission and validation with nothing
# stored (--dry-run=server) against the same file parsed client-side only; the difference per pod is
# the chain's cost (plus one transaction per object).
python3 bench/gen.py pods 1000 > $OUT/pods1k.yaml
ADM=$OUT/admission.db; fresh $ADM
measure "create -f 1,000 pods --dry-run=client" "-" --runs $RUNS -- "$BIN" --store $ADM create -f $OUT/pods1k.yaml --dry-run=client -o name
measure "create -f 1,000 pods --dry-run=server (admission chain)" "-" --runs $RUNS -- "$BIN" --store $ADM create -f $OUT/pods1k.yaml --dry-run=server -o name
measure "version --client (kubectl-local)" "-" --runs 20 -- "$BIN" version --client
[ -n "$KUBECTL" ] && measure "version --client (kubectl v1.32)" "-" --runs 20 -- "$KUBECTL" version --client

echo
echo "| command | pods in store | median wall | median CPU | peak RSS | output |"
echo "|---|---|---|---|---|---|"
for r in "${rows[@]}"; do
  IFS='|' read -r label size ms mb rate cpu <<< "$r"
  if [[ $label == store* ]]; then echo "| $label | $size | $ms bytes | | | |"; continue; fi
  out=""; [ "$rate" != "0" ] && [ "$rate" != "-" ] && out="$rate MB per CPU s"
  echo "| $label | $size | $ms ms | $cpu ms | $mb MB | $out |"
done
