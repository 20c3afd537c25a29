# samelib.sh: the set-up that bench/samebytes.sh and bench/samedelete.sh share (sourced, not run).
# `same_setup OLD-BIN NEW-BIN` builds bench/detrand.c and the 1,000-pod inputs (20 namespaces, 19 nodes of
# 110 pods, 1,000 pods) in a scratch directory $W; a scenario function `scenario BIN OUT` defined by the
# script starts with `same_begin` and ends with `same_end`, running each command with `run ARGS...`
# (its stdout, stderr and exit code kept as OUT/N.out and OUT/N.err); `same_compare NAME` runs the
# scenario with both binaries and reports every output that differs.
# Both binaries must be dynamically linked builds (`swift build -c release`): detrand.so is preloaded.
# SAME_SEED_PER_COMMAND=1: each command draws its own random sequence (detrand's DETRAND_SEED = its number),
# so uids made by different commands do not collide. NORMUID=1: every uid in the outputs is replaced by
# its order of first appearance before comparing (bench/normuid.py), for a change in how uids are made.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

same_setup() { # OLD-BIN NEW-BIN
  OLD=$(realpath "$1"); NEW=$(realpath "$2"); W=$(mktemp -d)
  gcc -O2 -shared -fPIC -o $W/detrand.so bench/detrand.c -ldl
  python3 bench/gen.py namespaces 20 > $W/ns.yaml
  python3 bench/gen.py nodes 19 110 > $W/nodes.yaml
  python3 bench/gen.py pods 1000 20 > $W/pods.yaml
}

# Inside `scenario BIN OUT`, after `local BIN=$1 OUT=$2 n=0 S=$2/s.db`: the same random numbers, a frozen
# monotonic clock and wall clock for both binaries.
same_begin() {
  mkdir -p $OUT
  export DETRAND_FREEZE=1 KUBECTL_LOCAL_NOW=2026-11-23T12:00:00Z LD_PRELOAD=$W/detrand.so
}

# One command of the scenario against its store (uses the scenario's BIN, S, OUT and counter n).
run() { n=$((n+1)); DETRAND_SEED=${SAME_SEED_PER_COMMAND:+$n} "$BIN" --store $S "$@" > $OUT/$n.out 2> $OUT/$n.err; echo "exit $?" >> $OUT/$n.out; }

same_end() {
  unset LD_PRELOAD DETRAND_FREEZE
  rm -f $S $S-wal $S-shm
}

same_compare() { # NAME
  scenario "$OLD" $W/old; scenario "$NEW" $W/new
  if [ -n "${NORMUID:-}" ]; then python3 bench/normuid.py $W/old; python3 bench/normuid.py $W/new; fi
  if diff -r $W/old $W/new > $W/diff.txt; then
    echo "$1: identical ($(ls $W/old | wc -l) files, $(cat $W/old/* | wc -c) bytes)"; rm -rf $W
  else
    echo "$1: DIFFERENT, see $W/diff.txt"; head -40 $W/diff.txt; exit 1
  fi
}
