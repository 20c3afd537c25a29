#!/bin/bash
# Reliability figures for the README: concurrent writers (failures, lost updates), kill -9 during
# writes, damaged stores, hostile inputs. Usage: bench/reliability.sh [BINARY] (default: debug build).
# Every figure is a count of bad outcomes; all should be 0.
set -u
KL=${1:-$(cd "$(dirname "$0")/.." && pwd)/.build/debug/kubectl-local}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KUBECTL_LOCAL_STORE=$work/store.db
N=${N:-250}
fails() { grep -c . "$1" 2>/dev/null || echo 0; }

# 1. Two shells scale one deployment N times each; two apply N/2 times; two label N times each.
"$KL" create deployment web --image=nginx --replicas=1 >/dev/null
"$KL" create configmap shared >/dev/null
: >"$work/e"
( for i in $(seq 1 $N); do "$KL" scale deploy web --replicas=$((i % 3 + 1)) >/dev/null 2>>"$work/e" || echo x >>"$work/e"; done ) &
( for i in $(seq 1 $N); do "$KL" scale deploy web --replicas=$((i % 2 + 2)) >/dev/null 2>>"$work/e" || echo x >>"$work/e"; done ) &
wait
echo "scale: 2 shells x $N: failed $(grep -c '^x' "$work/e")"
: >"$work/e"
for s in a b; do for i in $(seq 1 $((N / 2))); do
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  %s: "%s"\n' $s $i >"$work/$s$i.yaml"; done; done
( for i in $(seq 1 $((N / 2))); do "$KL" apply -f "$work/a$i.yaml" >/dev/null 2>>"$work/e" || echo x >>"$work/e"; done ) &
( for i in $(seq 1 $((N / 2))); do "$KL" apply -f "$work/b$i.yaml" >/dev/null 2>>"$work/e" || echo x >>"$work/e"; done ) &
wait
echo "apply: 2 shells x $((N / 2)): failed $(grep -c '^x' "$work/e")"
: >"$work/e"
( for i in $(seq 1 $N); do "$KL" label cm shared a$i=x >/dev/null 2>>"$work/e" || echo x >>"$work/e"; done ) &
( for i in $(seq 1 $N); do "$KL" label cm shared b$i=y >/dev/null 2>>"$work/e" || echo x >>"$work/e"; done ) &
wait
labels=$("$KL" get cm shared -o go-template='{{len .metadata.labels}}')
echo "label: 2 shells x $N: failed $(grep -c '^x' "$work/e"), lost updates $((2 * N - labels))"

# 2. kill -9 in the middle of a large create, then the store must open and take writes.
T=${T:-50}
bad=0
big=$work/big.yaml
for i in $(seq 1 2000); do printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: k%s\n---\n' $i; done >"$big"
for t in $(seq 1 $T); do
  export KUBECTL_LOCAL_STORE=$work/kill$t.db
  "$KL" create -f "$big" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  "$KL" get ns default -o name >/dev/null 2>&1 && "$KL" create configmap after >/dev/null 2>&1 || bad=$((bad + 1))
  rm -f "$work"/kill$t.db*
done
echo "kill -9 trials: $T: unusable stores $bad"

# 3. Damaged stores: overwritten pages, truncated, zeroed header. Must fail in words (no crash, no SQL).
bad=0; n=0
for damage in "seek=1 count=4" "seek=2 count=1" "seek=0 count=1" "truncate"; do
  export KUBECTL_LOCAL_STORE=$work/dmg.db
  rm -f "$work"/dmg.db*; "$KL" create configmap a >/dev/null
  if [ "$damage" = truncate ]; then truncate -s 5000 "$work/dmg.db"; else yes | head -c 20000 | dd of="$work/dmg.db" bs=4096 $damage conv=notrunc 2>/dev/null; fi
  for cmd in "get cm" "create configmap b" "get pods -A -w --request-timeout=1s"; do
    n=$((n + 1))
    $KL $cmd >/dev/null 2>"$work/err"; rc=$?
    if [ $rc -gt 2 ] || grep -qE 'SELECT|INSERT|UPDATE|PRAGMA|\(in:' "$work/err"; then bad=$((bad + 1)); fi
  done
done
echo "damaged stores: $n commands: crashes or SQL in messages $bad"

# 4. Hostile inputs: every case kubectl v1.32 refused (Tests/.../Golden/badinput), run with this binary:
#    crashes (killed by a signal), hangs (over 20 s) and outputs that differ from kubectl's.
gold=$(cd "$(dirname "$0")/.." && pwd)/Tests/KubectlCLITests/Golden/badinput
crashes=0; hangs=0; differ=0; total=0
for d in "$gold"/*/; do
  [ -f "$d/cmd" ] || continue
  total=$((total + 1))
  export KUBECTL_LOCAL_STORE=$work/bad.db; rm -f "$work"/bad.db*
  (cd "$gold/_files" && kubectl() { timeout 20 "$KL" "$@"; } && eval "$(cat "$d/cmd")") >"$work/o" 2>"$work/e" </dev/null; rc=$?
  if [ $rc -eq 124 ]; then hangs=$((hangs + 1)); elif [ $rc -gt 128 ]; then crashes=$((crashes + 1)); fi
  if [ "$rc" != "$(cat "$d/exit")" ] || ! cmp -s "$work/o" "$d/stdout" || ! cmp -s "$work/e" "$d/stderr"; then differ=$((differ + 1)); fi
done
echo "bad inputs: $total cases: crashes $crashes, hangs $hangs, different from kubectl $differ"

# 5. A large scale-up in one shell while another shell writes: the controller's work goes in batches,
#    so the other writer waits for one batch at most. R replicas (default 50,000); the other shell's
#    `create configmap` is timed every second for W seconds (default 60), then the scale-up is stopped.
R=${R:-50000}; W=${W:-60}
export KUBECTL_LOCAL_STORE=$work/split.db
"$KL" create configmap warm >/dev/null
"$KL" create deployment big --image=nginx --replicas=$R >/dev/null 2>&1 &
big=$!
sleep 1
: >"$work/waits"
end=$((SECONDS + W))
while [ $SECONDS -lt $end ] && kill -0 $big 2>/dev/null; do
  s=$(date +%s%N); "$KL" create configmap "w$SECONDS-$RANDOM" >/dev/null; e=$(date +%s%N)
  echo $(((e - s) / 1000000)) >>"$work/waits"
  sleep 1
done
kill -9 $big 2>/dev/null; wait $big 2>/dev/null
sort -n "$work/waits" | awk -v r=$R '{ a[NR] = $1 } END { printf "scale-up to %d replicas: %d writes by another shell meanwhile, median %d ms, max %d ms\n", r, NR, a[int((NR + 1) / 2)], a[NR] }'
