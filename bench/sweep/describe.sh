#!/bin/bash
# Oracle sweep (a): `describe` of every object of the sweep store (bench/sweep/describe/*.yaml made by
# kubectl-local, plus what its controllers and seed made) by kubectl-local and by kubectl v1.32 reading
# the same objects from fake_cluster.py. Prints one line per case and a count; OUT keeps both outputs.
# Usage: bench/sweep/describe.sh [filter-regex]   (BIN=kubectl-local binary, OUT=work directory)
source "$(dirname "$0")/lib.sh"
build_store
start_fake
python3 - "$FX" "${1:-.}" >"$OUT/describe.cases" <<'PY'
import json, os, re, sys
fx, pat = sys.argv[1], re.compile(sys.argv[2])
skip = {"componentstatuses", "bindings"}
seen = set()
for f in sorted(os.listdir(fx)):
    r = f[:-5]
    if r in skip: continue
    for o in json.load(open(os.path.join(fx, f))):
        m = o["metadata"]; ns = m.get("namespace", "")
        if r.startswith("events"):
            key = (o.get("reason"), o.get("involvedObject", {}).get("kind"))
            if ns != "sw" or key in seen: continue
            seen.add(key)
        if r.startswith("events.events"): continue
        name = "%s_%s_%s" % (r, ns or "-", m["name"])
        if pat.search(name): print(name, r, m["name"], ns)
PY
same=0; diff=0; random=0
while read -r name r n ns; do
    if [ -n "$ns" ]; then line=$(compare "$name" describe "$r" "$n" -n "$ns"); else line=$(compare "$name" describe "$r" "$n"); fi
    case $line in
        same*) same=$((same+1));;
        *) if [ -n "$ns" ]; then r2=$(unstable "$name" describe "$r" "$n" -n "$ns"); else r2=$(unstable "$name" describe "$r" "$n"); fi
           if [ -n "$r2" ]; then line="RANDOM $name"; random=$((random+1)); else diff=$((diff+1)); fi;;
    esac
    echo "$line"
done <"$OUT/describe.cases"
echo "describe sweep: $((same+diff+random)) cases, $diff differ, $random where kubectl itself varies (Go map order) (outputs in $OUT/cases)"
