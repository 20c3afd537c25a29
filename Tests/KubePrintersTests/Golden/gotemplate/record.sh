#!/usr/bin/env bash
# Records what the real kubectl v1.32 prints for every case in cases.txt.
#
# cases.txt: a case starts with a line "=== NAME [FIXTURE] [strict]"; the lines up to the next
# "===" line are the template (the newline before the next "===" is not part of it). FIXTURE is a
# file in objects/ (default pod.json); "strict" adds --allow-missing-template-keys=false.
# Results: expected/NAME.out (stdout) and expected/NAME.err (stderr, empty on success).
set -euo pipefail
cd "$(dirname "$0")"
KUBECTL=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
rm -rf expected && mkdir -p expected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run_case() {
  local name=$1 fixture=$2 strict=$3
  local tmpl
  tmpl=$(cat "$tmp/tmpl"; printf x)   # keep trailing newlines
  tmpl=${tmpl%x}
  tmpl=${tmpl%$'\n'}                   # the newline before the next header
  local args=(label --local -f "objects/$fixture" app=web --overwrite -o "go-template=$tmpl")
  [[ $strict == strict ]] && args+=(--allow-missing-template-keys=false)
  "$KUBECTL" "${args[@]}" >"expected/$name.out" 2>"expected/$name.err" || true
}

name=""
while IFS= read -r line || [[ -n $line ]]; do
  if [[ $line == "=== "* ]]; then
    [[ -n $name ]] && run_case "$name" "$fixture" "$strict"
    read -r _ name fixture strict <<<"$line" || true
    [[ -z ${fixture:-} || $fixture == strict ]] && { strict=${fixture:-}; fixture=pod.json; }
    strict=${strict:-}
    : >"$tmp/tmpl"
  else
    printf '%s\n' "$line" >>"$tmp/tmpl"
  fi
done <cases.txt
[[ -n $name ]] && run_case "$name" "$fixture" "$strict"
echo "recorded $(ls expected/*.out | wc -l) cases"
