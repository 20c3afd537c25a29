#!/bin/sh
# Records the goldens of `kubectl patch --local` with the real kubectl v1.32 (works without a cluster).
# Each line of cases.txt is: NAME<TAB>arguments (FILE: marks files of this folder).
set -u
K=${KUBECTL:-/usr/lib/google-cloud-sdk/bin/kubectl.1.32}
cd "$(dirname "$0")"
while IFS='	' read -r name args; do
  [ -z "$name" ] && continue
  a=$(printf '%s' "$args" | sed 's/FILE://g')
  eval "$K patch --local $a" >"$name.stdout" 2>"$name.stderr"
  echo $? >"$name.rc"
done < cases.txt
