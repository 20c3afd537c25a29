#!/usr/bin/env bash
# Benchmarks: builds a stripped release binary, then times it (and the real kubectl v1.32 where both can
# do the same work) with hyperfine. Prints a Markdown table of medians; figures go into the README.
#   bash bench/run.sh            # all
#   KUBECTL=/path/to/kubectl bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
swift build -c release --product kubectl-local --static-swift-stdlib >/dev/null
BIN=$PWD/bench/out/kubectl-local
mkdir -p bench/out
cp "$(swift build -c release --static-swift-stdlib --show-bin-path)/kubectl-local" "$BIN"
strip "$BIN" 2>/dev/null || true
KUBECTL=${KUBECTL:-$(dpkg -L kubectl 2>/dev/null | grep 'kubectl.1.32$' | head -1 || true)}
OUT=bench/out
export KUBECTL_LOCAL_NOW=2026-11-23T12:00:00Z
STORE=$OUT/bench.db
rm -f "$STORE" "$STORE"-wal "$STORE"-shm
export KUBECTL_LOCAL_STORE=$STORE

python3 bench/gen.py pods 10000 > $OUT/pods.yaml
python3 bench/gen.py configmaps 1000 > $OUT/cms.yaml
echo "loading 10,000 pods..." >&2
/usr/bin/time -f "%e s" "$BIN" create -f $OUT/pods.yaml -o name > /dev/null

results=()
bench() { # name, command...
  local name=$1; shift
  hyperfine -N --warmup 3 --runs ${RUNS:-30} --export-json $OUT/h.json "$@" >/dev/null 2>&1 || hyperfine -N --warmup 3 --runs ${RUNS:-30} --export-json $OUT/h.json "$@"
  local med
  med=$(python3 -c "import json;r=json.load(open('$OUT/h.json'))['results'];print(' | '.join('%.1f ms'%(x['median']*1000) for x in r))")
  results+=("| $name | $med |")
}
bench "version --client (local, kubectl)" "$BIN version --client" ${KUBECTL:+"$KUBECTL version --client"}
bench "create deployment --dry-run=client -o yaml (local, kubectl)" \
  "$BIN create deployment web --image=nginx --dry-run=client -o yaml" \
  ${KUBECTL:+"$KUBECTL create deployment web --image=nginx --dry-run=client -o yaml"}
bench "get pods (10,000 pods)" "$BIN get pods"
bench "get pods -l app=x (10,000 pods)" "$BIN get pods -l app=app-7"
bench "get pod NAME -o yaml (10,000 pods)" "$BIN get pod pod-4242 -o yaml"
bench "explain pods.spec.containers" "$BIN explain pods.spec.containers"
bench "explain pod --recursive" "$BIN explain pod --recursive"
# Controllers: scale a deployment to 1,000 replicas (one node runs 110 of them; the rest stay Pending,
# as on a one-node cluster), then roll back an image change on it. Fresh store per run.
SC=$OUT/scale.db
prep_scale="rm -f $SC $SC-wal $SC-shm && $BIN --store $SC create deployment web --image=nginx:1.27"
RUNS=5 bench "scale deployment to 1,000 replicas" --prepare "bash -c '$prep_scale'" "$BIN --store $SC scale deploy web --replicas=1000"
prep_undo="$prep_scale && $BIN --store $SC scale deploy web --replicas=1000 && $BIN --store $SC set image deploy/web nginx=nginx:1.28"
RUNS=5 bench "rollout undo of a 1,000-replica deployment" --prepare "bash -c '$prep_undo >/dev/null'" "$BIN --store $SC rollout undo deploy/web"
bench "__complete get pods <TAB> (10,000 pods)" "$BIN __complete get pods ''"
rm -f $OUT/bulk.db*
RUNS=5 bench "create -f 1,000 objects (fresh store each run)" \
  --prepare "rm -f $OUT/bulk.db $OUT/bulk.db-wal $OUT/bulk.db-shm" "$BIN --store $OUT/bulk.db create -f $OUT/cms.yaml -o name"
# The admission chain: 1,000 pods through decode, defaulting, admission and validation with nothing
# stored (--dry-run=server) against the same file parsed client-side only; the difference per pod is
# the chain's cost (plus one transaction per object).
python3 bench/gen.py pods 1000 > $OUT/pods1k.yaml
RUNS=5 bench "create -f 1,000 pods --dry-run=client | --dry-run=server (admission chain)" \
  "$BIN create -f $OUT/pods1k.yaml --dry-run=client -o name" "$BIN create -f $OUT/pods1k.yaml --dry-run=server -o name"
echo
echo "| command | median |"
echo "|---|---|"
printf '%s\n' "${results[@]}"
