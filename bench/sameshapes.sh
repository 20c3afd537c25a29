#!/usr/bin/env bash
# sameshapes.sh OLD-BIN NEW-BIN [SHAPES] [SEED]: pods of many shapes (bench/shapes.py: bare pods and the
# pods of Deployments, Jobs, StatefulSets and DaemonSets) created, scaled and deleted with both binaries
# under bench/detrand.c; reports every output that differs, managed fields included
# (`get -o yaml --show-managed-fields`). Both binaries must be dynamically linked builds.
set -uo pipefail
cd "$(dirname "$0")/.."
OLD=$(realpath "$1"); NEW=$(realpath "$2"); N=${3:-40}; SEED=${4:-1}; W=$(mktemp -d)
gcc -O2 -shared -fPIC -o $W/detrand.so bench/detrand.c -ldl
python3 bench/gen.py nodes 3 110 > $W/nodes.yaml
python3 bench/shapes.py $N $SEED > $W/shapes.yaml
scenario() { # BIN OUT
  local BIN=$1 OUT=$2 n=0 S=$2/s.db
  mkdir -p $OUT
  run() { n=$((n+1)); "$BIN" --store $S "$@" > $OUT/$n.out 2> $OUT/$n.err; echo "exit $?" >> $OUT/$n.out; }
  export DETRAND_FREEZE=1 KUBECTL_LOCAL_NOW=2026-11-23T12:00:00Z LD_PRELOAD=$W/detrand.so
  run create -f $W/nodes.yaml; run create -f $W/shapes.yaml
  run get pods -A -o yaml --show-managed-fields
  for d in $("$BIN" --store $S get deploy -o name | head -3); do run scale $d --replicas=7; done
  for d in $("$BIN" --store $S get sts -o name | head -3); do run scale $d --replicas=1; done
  run delete pods -l "shape in (s$((SEED*1000+1)),s$((SEED*1000+2)))"
  run delete pods -l app=w$((SEED*1000+4)) --wait=false
  run get pods -A -o yaml --show-managed-fields
  run get pods -A -o json --show-managed-fields
  run get deploy,rs,sts,ds,jobs -A -o yaml --show-managed-fields
  run get events -A
  unset LD_PRELOAD DETRAND_FREEZE
  rm -f $S $S-wal $S-shm
}
scenario "$OLD" $W/old; scenario "$NEW" $W/new
if diff -r $W/old $W/new > $W/diff.txt; then
  echo "sameshapes: identical ($(ls $W/old | wc -l) files, $(cat $W/old/* | wc -c) bytes, $(grep -c 'manager: kubelet$' $W/old/3.out) kubelet entries, $(grep -c '^  kind: Pod$' $W/old/3.out) pods)"; rm -rf $W
else
  echo "sameshapes: DIFFERENT, see $W/diff.txt"; head -40 $W/diff.txt; exit 1
fi
