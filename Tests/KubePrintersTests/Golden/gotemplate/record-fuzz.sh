#!/usr/bin/env bash
# Records kubectl v1.32's output for every kept fuzz input (fuzz-corpus/NAME.tmpl, used verbatim)
# against objects/pod.json: fuzz-corpus/NAME.out and NAME.err.
set -euo pipefail
cd "$(dirname "$0")"
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
for f in fuzz-corpus/*.tmpl; do
  base=${f%.tmpl}
  tmpl=$(cat "$f"; printf x); tmpl=${tmpl%x}
  timeout 20 "$KUBECTL" label --local -f objects/pod.json app=web --overwrite -o "go-template=$tmpl" \
    >"$base.out" 2>"$base.err" || true
done
echo "recorded $(ls fuzz-corpus/*.out | wc -l) fuzz inputs"
