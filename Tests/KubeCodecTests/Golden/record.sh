#!/bin/sh
# Records kubectl's view of every case under cases/: for NAME.yaml (or NAME.json) it runs
#   kubectl label --local -f NAME.yaml k=v -o json   -> NAME.out.json
#   kubectl label --local -f NAME.yaml k=v -o yaml   -> NAME.out.yaml
# and, when kubectl fails, stores its stderr in NAME.err instead.
# Usage: record.sh [case-file ...]   (default: all cases). Needs no cluster.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
cd "$(dirname "$0")/cases" || exit 1
if [ $# -eq 0 ]; then set -- *.yaml *.json; fi
for f in "$@"; do
  f=$(basename "$f")
  case "$f" in *.out.json|*.out.yaml) continue ;; esac
  [ -f "$f" ] || continue
  name=${f%.*}
  rm -f "$name.out.json" "$name.out.yaml" "$name.err"
  if "$KUBECTL" label --local -f "$f" k=v -o json >"$name.out.json" 2>"$name.err"; then
    rm -f "$name.err"
    "$KUBECTL" label --local -f "$f" k=v -o yaml >"$name.out.yaml"
  else
    rm -f "$name.out.json"
  fi
done
# Objects kubectl itself prints, which must survive decode + encode unchanged.
mkdir -p ../roundtrip
"$KUBECTL" create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o yaml > ../roundtrip/deployment.yaml
"$KUBECTL" create configmap cm --from-literal=a='multi
line
' --from-literal=b=yes --from-literal=c='  x' --dry-run=client -o yaml > ../roundtrip/configmap.yaml
"$KUBECTL" create service nodeport svc --tcp=80:8080 --dry-run=client -o yaml > ../roundtrip/service.yaml
