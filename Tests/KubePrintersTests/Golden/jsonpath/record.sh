#!/bin/sh
# Records kubectl v1.32's output for every case of cases.txt (no cluster needed).
# A case line is FIXTURE|FORMAT|MISSING|TEMPLATE; the template is the rest of the line, verbatim.
# Case N (1-based, zero-padded to 3) runs
#   kubectl label --local -f FIXTURE x=y --overwrite -o FORMAT=TEMPLATE [--allow-missing-template-keys=false]
# (MISSING = strict adds the flag) and stores stdout in out/N.out, stderr in out/N.err and the exit
# code in exit-codes.txt. Each case runs three times; a case whose output changes between runs
# (kubectl walks Go maps in random order) is reported and must be dropped from cases.txt.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
cd "$(dirname "$0")" || exit 1
rm -rf out && mkdir out
: > exit-codes.txt
n=0
while IFS='|' read -r fixture format missing template; do
  n=$((n + 1))
  id=$(printf '%03d' "$n")
  set -- label --local -f "$fixture" x=y --overwrite -o "$format=$template"
  if [ "$missing" = strict ]; then set -- "$@" --allow-missing-template-keys=false; fi
  "$KUBECTL" "$@" >"out/$id.out" 2>"out/$id.err"
  echo "$id $?" >> exit-codes.txt
  for again in 1 2 3 4; do
    "$KUBECTL" "$@" >"out/$id.again" 2>&1
    if ! cat "out/$id.out" "out/$id.err" | cmp -s - "out/$id.again" && \
       ! cat "out/$id.err" "out/$id.out" | cmp -s - "out/$id.again"; then
      echo "unstable: case $id: $template" >&2
    fi
  done
  rm -f "out/$id.again"
done < cases.txt
