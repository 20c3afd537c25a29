#!/bin/sh
# Records kubectl v1.32's output for every case of a case file (no cluster needed).
# Usage: record.sh [CASES]   CASES is cases.txt (default; outputs in out/ and exit-codes.txt) or
# fuzz-cases.txt (templates from a seeded random generator; outputs in out-fuzz/ and fuzz-exit-codes.txt).
# A case line is FIXTURE|FORMAT|MISSING|TEMPLATE; the template is the rest of the line, verbatim.
# Case N (1-based, zero-padded to 3) runs
#   kubectl label --local -f FIXTURE x=y --overwrite -o FORMAT=TEMPLATE [--allow-missing-template-keys=false]
# (MISSING = strict adds the flag) and stores stdout in out/N.out, stderr in out/N.err and the exit
# code in exit-codes.txt. Each case runs five times; a case whose output changes between runs
# (kubectl walks Go maps in random order) is reported and must be dropped from cases.txt.
set -u
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
cd "$(dirname "$0")" || exit 1
CASES=${1:-cases.txt}
case "$CASES" in
  cases.txt) OUT=out; CODES=exit-codes.txt ;;
  *) OUT=out-${CASES%-cases.txt}; CODES=${CASES%-cases.txt}-exit-codes.txt ;;
esac
rm -rf "$OUT" && mkdir "$OUT"
: > "$CODES"
n=0
while IFS='|' read -r fixture format missing template; do
  n=$((n + 1))
  id=$(printf '%03d' "$n")
  set -- label --local -f "$fixture" x=y --overwrite -o "$format=$template"
  if [ "$missing" = strict ]; then set -- "$@" --allow-missing-template-keys=false; fi
  "$KUBECTL" "$@" >"$OUT/$id.out" 2>"$OUT/$id.err"
  echo "$id $?" >> "$CODES"
  for again in 1 2 3 4; do
    "$KUBECTL" "$@" >"$OUT/$id.again" 2>&1
    if ! cat "$OUT/$id.out" "$OUT/$id.err" | cmp -s - "$OUT/$id.again" && \
       ! cat "$OUT/$id.err" "$OUT/$id.out" | cmp -s - "$OUT/$id.again"; then
      echo "unstable: case $id: $template" >&2
    fi
  done
  rm -f "$OUT/$id.again"
done < "$CASES"
